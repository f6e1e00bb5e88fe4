"""Reading transcripts: pick the reader, decode, parse, set roles, attach warnings."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import plugins
from .errors import InputError, OptionError
from .interpreting import interpreters_in, without_interpreters
from .language import english_share, looks_english, not_english_note
from .model import Conversation, Role
from .notes import UNHEARD, spoken
from .notes import kinds as note_kinds_of
from .readers.base import Reader
from .roles import assign_roles
from .textio import decode


def readers() -> dict[str, type[Reader]]:
    return plugins.load(plugins.READERS)


def _reader(name: str) -> Reader:
    return plugins.get(plugins.READERS, name)()


def transcript_extensions() -> set[str]:
    return {ext for cls in readers().values() for ext in cls.extensions}


def is_corpus_folder(path: Path) -> bool:
    """A folder that a folder reader (ConvoKit) reads as a whole."""
    for cls in readers().values():
        if cls.reads_directories and cls().sniff(path, "") > 0:
            return True
    return False


def walk_folder(folder: Path, extensions: set[str] | None = None) -> list[Path]:
    """The transcripts in ``folder`` and its subfolders: files with a reader's extension
    (hidden ones left out), and folders a reader takes whole, in a stable order."""
    extensions = transcript_extensions() if extensions is None else extensions
    out = []
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            if is_corpus_folder(here / d):
                out.append(here / d)
            else:
                keep.append(d)
        dirs[:] = keep
        out += [here / n for n in sorted(names) if not n.startswith(".") and Path(n).suffix.lower() in extensions]
    return sorted(out)


def detect_format(path: Path, head: str = "") -> str:
    """The name of the reader most sure it reads this file (or folder)."""
    scored = []
    for name, cls in readers().items():
        if path.is_dir() != cls.reads_directories:
            continue
        scored.append((cls().sniff(path, head), name))
    score, best = max(scored, default=(0.0, ""))
    if score <= 0:
        raise InputError(
            "no reader recognises this folder" if path.is_dir() else "no reader recognises this file",
            path=path,
            fix="choose one with --format (see `rapportlens formats`)",
        )
    return best


# Documents people keep transcripts in that no reader reads, with what they are.
UNREAD = {".doc": "a Word 97-2003 document", ".pdf": "a PDF", ".rtf": "a rich text document",
          ".odt": "an OpenDocument text", ".pages": "a Pages document"}


def _binary_format(path: Path) -> str | None:
    """The reader of a file read as bytes (a Word document), chosen by its extension."""
    scored = [(cls().sniff(path, ""), name) for name, cls in readers().items() if cls.binary]
    score, best = max(scored, default=(0.0, None))
    return best if score > 0 else None


def _check_not_unread(path: Path, format: str | None) -> None:
    kind = UNREAD.get(path.suffix.lower())
    if kind and format is None:
        raise InputError(f"this is {kind}, which RapportLens does not read", path=path,
                         fix="save or export the transcript as .docx or plain text (.txt), "
                             "one 'Name: text' line per utterance")


def iter_read(
    path: str | Path,
    format: str | None = None,
    *,
    encoding: str | None = None,
    practitioners: Sequence[str] = (),
    clients: Sequence[str] = (),
    options: Mapping[str, Any] | None = None,
    peers: bool = False,
    interpreters: Sequence[str] = (),
) -> Iterator[Conversation]:
    """Read every conversation in a file or folder, lazily. ``"-"`` reads standard input.
    ``peers``: nobody runs the conversation; every speaker is a member. ``interpreters``:
    speakers who interpret (besides those whose label says so; ``rapportlens.interpreting``)."""
    path = Path(path)
    stdin = str(path) == "-"
    if not stdin and not path.exists():
        raise InputError("no such file or folder", path=path, fix="check the path")
    if path.is_dir():
        name = format or detect_format(path)
        reader = _reader(name)
        if not reader.reads_directories:
            raise OptionError(f"the {name} reader reads files, but {path} is a folder")
        convs = reader.read_dir(path, encoding, **reader.parse_options(options or {}))
        file_notices = []
    else:
        try:
            data = _read_stdin() if stdin else path.read_bytes()
        except OSError as e:
            raise InputError(f"cannot read the file: {e.strerror}", path=path, fix="check its permissions") from None
        label = "<stdin>" if stdin else str(path)
        name = format or (None if stdin else _binary_format(path))
        if name is not None and _reader(name).binary:
            reader = _reader(name)
            convs, file_notices = reader.read_bytes(data, label, **reader.parse_options(options or {})), []
        else:
            _check_not_unread(path, format)
            text, file_notices = decode(data, label, encoding)
            # Standard input has no extension: it is read as text unless its content says
            # otherwise (a WhatsApp export piped in).
            name = format or detect_format(Path("stdin.txt") if stdin else path, text[:8192])
            reader = _reader(name)
            if reader.reads_directories:
                raise OptionError(f"the {name} reader reads folders, but {label} is a file")
            convs = reader.read_text(text, label, **reader.parse_options(options or {}))
    for conv in convs:
        yield _finish(conv, file_notices, practitioners, clients, peers, interpreters)


def read(path: str | Path, format: str | None = None, **kw: Any) -> list[Conversation]:
    """Read every conversation in a file or folder. See :func:`iter_read` for the options."""
    return list(iter_read(path, format, **kw))


def read_text(
    text: str, format: str = "text", *, name: str = "<text>", practitioners: Sequence[str] = (),
    clients: Sequence[str] = (), options: Mapping[str, Any] | None = None, peers: bool = False,
    interpreters: Sequence[str] = (),
) -> list[Conversation]:
    """Parse a transcript held in a string (no file involved)."""
    reader = _reader(format)
    if not text.strip():
        raise InputError("the transcript is empty", path=name, fix="pass the transcript's text")
    convs = reader.read_text(text.replace("\r\n", "\n"), name, **reader.parse_options(options or {}))
    return [_finish(c, [], practitioners, clients, peers, interpreters) for c in convs]


def _read_stdin() -> bytes:
    import sys

    return sys.stdin.buffer.read()


# Worth a warning: a tenth of the session, and more than the odd slip.
UNHEARD_SHARE = 0.10
UNHEARD_MIN = 3


def _finish(conv: Conversation, file_notices, practitioners, clients, peers: bool = False,
            interpreters: Sequence[str] = ()) -> Conversation:
    if not conv.utterances:
        raise InputError(
            f"conversation {conv.id!r} has no utterances", path=conv.source,
            fix="check that the file holds the transcript's text",
        )
    conv = without_interpreters(conv, interpreters_in(conv, interpreters))
    conv = assign_roles(conv, practitioners, clients, peers=peers)
    conv.notices[:0] = file_notices
    if len(conv.speakers) == 1:
        conv.warn(
            f"only one speaker ({conv.speakers[0].name}); measures of exchange between people "
            "(talk share, latency, matching) are trivial or empty"
        )
    inferred = [s for s in conv.speakers if s.role_inferred]
    if inferred:
        conv.warn(
            "roles were inferred: "
            + "; ".join(f"{s.name} = {s.role} ({s.role_basis})" for s in inferred)
            + ". Set them with --practitioner NAME"
        )
    unheard = [u.index for u in conv.utterances if UNHEARD.intersection(note_kinds_of(u.text))]
    if len(unheard) >= UNHEARD_MIN and len(unheard) >= UNHEARD_SHARE * len(conv.utterances):
        conv.warn(f"{len(unheard)} of {len(conv.utterances)} utterances ({len(unheard) / len(conv.utterances):.0%}) "
                  "have words the transcriber could not make out or did not transcribe ([inaudible], [crosstalk]), "
                  f"first at utterance {unheard[0]}: what was said there is not coded, so the codes and scores rest on "
                  "part of the session; a fuller transcript gives firmer figures")
    share = english_share(spoken(u.text) for u in conv.utterances)
    if not looks_english(share):
        conv.warn(f"{not_english_note(share)}: the behaviour codes, the risk phrases and risk model, the rupture "
                  "finder and the scores read English only, so their results here mean little, and finding no risk "
                  "language says nothing; talk share, turn-taking and timing still hold")
    if len(conv.speakers) > 1 and not any(s.role is Role.PRACTITIONER for s in conv.speakers):
        # Say what that leaves of the analysis rather than show unqualified numbers.
        conv.warn("no speaker has the practitioner role (a peer conversation): everyone is coded with the "
                  "client's codes, so practitioner behaviour (questions, reflections) is not coded, ruptures "
                  "are not looked for, and the overall score, fitted on counselling sessions, says little here; "
                  "coordination, participation and the group tables hold")
    return conv
