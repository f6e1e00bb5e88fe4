"""Words, function-word categories and content-word stems."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

# Words that carry no topic but are not in the LSM categories either: fillers, light
# verbs and discourse markers. Re-using them says nothing about listening.
_LIGHT = frozenset({
    "um", "uh", "er", "erm", "hmm", "mm", "mhm", "mm-hm", "yeah", "yes", "yep", "ok", "okay",
    "oh", "ah", "right", "like", "know", "mean", "think", "thing", "things", "get", "got", "go",
    "going", "gonna", "want", "say", "said", "tell", "told", "see", "look", "make", "made",
    "let", "really", "well", "good", "just", "lot", "kind", "sort", "way", "time", "bit",
    "guess", "suppose", "feel", "feeling", "actually", "pretty", "sure",
})


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


@lru_cache(maxsize=1)
def categories() -> dict[str, frozenset[str]]:
    """The nine LSM categories: name -> words."""
    data = tomllib.loads(files("rapportlens.coordination").joinpath("function_words.toml").read_text("utf-8"))
    return {name: frozenset(c["words"]) for name, c in data["categories"].items()}


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset().union(*categories().values())


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def content_stems(tokens: list[str]) -> dict[str, str]:
    """Content words of ``tokens`` as stem -> first surface form ("drinking" and "drinks"
    share the stem "drink"). Numbers, one-letter words, function and light words are left out."""
    keep = [t for t in tokens if len(t) > 2 and not t.isdigit() and t not in _function_words() and t not in _LIGHT]
    out: dict[str, str] = {}
    for token in keep:
        out.setdefault(_stem(token), token)
    return out


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Words recur across a corpus; the pure-Python stemmer is the slow part of entrainment.
    return _stemmer().stemWord(word)


def category_counts(tokens: list[str]) -> dict[str, int]:
    return {name: sum(1 for t in tokens if t in ws) for name, ws in categories().items()}
