"""Declared features: every computed value has a key, a level, a type and a description.

Analyzers declare their features at import time with :func:`declare`; a
:class:`FeatureStore` refuses values for undeclared keys, values of the wrong
shape for their level, and (while an analyzer runs) keys that analyzer did not
say it assigns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .errors import FeatureError

if TYPE_CHECKING:
    from .model import Conversation


class Level(StrEnum):
    """What a feature describes, which fixes the shape of its value."""

    UTTERANCE = "utterance"  # a list with one value per utterance
    TURN = "turn"  # a list with one value per turn
    SPEAKER = "speaker"  # a mapping speaker name -> value
    PAIR = "pair"  # a mapping (speaker, speaker) -> value
    WINDOW = "window"  # a list with one value per window
    CONVERSATION = "conversation"  # one value


_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict,),
}


@dataclass(frozen=True, slots=True)
class Feature:
    key: str
    level: Level
    dtype: str
    description: str
    unit: str | None = None
    nullable: bool = False

    def check_value(self, value: Any, where: str) -> None:
        if value is None:
            if self.nullable:
                return
            raise FeatureError(f"{self.key}: {where} is None, but the feature is not nullable")
        ok = isinstance(value, _TYPES[self.dtype])
        if self.dtype in ("int", "float") and isinstance(value, bool):
            ok = False
        if not ok:
            raise FeatureError(
                f"{self.key}: {where} is {type(value).__name__} {value!r}, declared {self.dtype}"
            )


_REGISTRY: dict[str, Feature] = {}


def declare(
    key: str,
    level: Level | str,
    dtype: str,
    description: str,
    *,
    unit: str | None = None,
    nullable: bool = False,
) -> Feature:
    """Declare a feature. Declaring the same key twice identically is allowed (module reloads)."""
    if dtype not in _TYPES:
        raise FeatureError(f"{key}: dtype {dtype!r} is not one of {', '.join(_TYPES)}")
    if not description.strip():
        raise FeatureError(f"{key}: every feature needs a description")
    feature = Feature(key, Level(level), dtype, description.strip(), unit, nullable)
    old = _REGISTRY.get(key)
    if old is not None and old != feature:
        raise FeatureError(f"feature {key!r} is already declared differently: {old}")
    _REGISTRY[key] = feature
    return feature


def get_feature(key: str) -> Feature:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise FeatureError(
            f"feature {key!r} is not declared; declare it with "
            f"rapportlens.features.declare({key!r}, level, dtype, description) "
            "in the module of the analyzer that assigns it"
        ) from None


def declared() -> list[Feature]:
    """All declared features, sorted by key."""
    return sorted(_REGISTRY.values(), key=lambda f: f.key)


class FeatureStore:
    """The computed values of one conversation, checked against their declarations."""

    def __init__(self, conversation: Conversation) -> None:
        self._conversation = conversation
        self._values: dict[str, Any] = {}
        self._allowed: frozenset[str] | None = None
        self._writer: str | None = None

    def assign(self, key: str, value: Any) -> None:
        feature = get_feature(key)
        if self._allowed is not None and key not in self._allowed:
            raise FeatureError(
                f"analyzer {self._writer} wrote {key!r} but does not list it in `assigns`; "
                "add it there so pipelines can be checked before they run"
            )
        self._values[key] = self._checked(feature, value)

    def _checked(self, feature: Feature, value: Any) -> Any:
        conv = self._conversation
        level = feature.level
        if level in (Level.UTTERANCE, Level.TURN, Level.WINDOW):
            if not isinstance(value, Sequence) or isinstance(value, str):
                raise FeatureError(f"{feature.key}: a {level} feature takes a list of values")
            expected = {Level.UTTERANCE: len(conv.utterances), Level.TURN: len(conv.turns)}.get(level)
            if expected is not None and len(value) != expected:
                raise FeatureError(
                    f"{feature.key}: {len(value)} values for {expected} {level}s"
                )
            for i, v in enumerate(value):
                feature.check_value(v, f"{level} {i}")
            return list(value)
        if level in (Level.SPEAKER, Level.PAIR):
            if not isinstance(value, Mapping):
                raise FeatureError(f"{feature.key}: a {level} feature takes a mapping")
            names = set(conv.speaker_names)
            for k, v in value.items():
                members = k if level is Level.PAIR else (k,)
                if level is Level.PAIR and not (isinstance(k, tuple) and len(k) == 2):
                    raise FeatureError(f"{feature.key}: pair keys are (speaker, speaker) tuples")
                unknown = [m for m in members if m not in names]
                if unknown:
                    raise FeatureError(f"{feature.key}: {unknown[0]!r} is not a speaker")
                feature.check_value(v, f"{level} {k!r}")
            if level is Level.SPEAKER and set(value) != names:
                raise FeatureError(f"{feature.key}: needs one value for every speaker")
            return dict(value)
        feature.check_value(value, "the value")
        return value

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise FeatureError(
                f"feature {key!r} has not been computed for conversation "
                f"{self._conversation.id!r}; run an analyzer that assigns it first"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def keys(self) -> list[str]:
        return list(self._values)

    def at_level(self, level: Level) -> dict[str, Any]:
        return {k: v for k, v in self._values.items() if get_feature(k).level is level}

    @contextmanager
    def writing(self, writer: str, allowed: Sequence[str]) -> Iterator[None]:
        """Only keys in `allowed` may be written inside this block (one analyzer's run)."""
        self._allowed, self._writer = frozenset(allowed), writer
        try:
            yield
        finally:
            self._allowed, self._writer = None, None
