"""Turning a file's bytes into text: UTF-8 first, legacy Windows/Latin-1 text with a warning."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import InputError, Notice

# Characters that never occur in a transcript but fill binary files (C0/C1 controls but tab/newlines).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Non-ASCII characters that occur in real Western European text saved as Windows-1252;
# anything else after a failed UTF-8 decode points to binary or corrupted data instead.
_PLAUSIBLE = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŠšŒœŽžŸ"
    "‘’‚“”„–—…•€£¥©®™°±²³¹¼½¾¡¿«»§¶·µ¢×÷ªº\xa0"
)
_MAX_NON_ASCII = 0.3


def _plausible_legacy(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    visible = sum(1 for c in text if not c.isspace())
    return all(c in _PLAUSIBLE for c in non_ascii) and len(non_ascii) <= _MAX_NON_ASCII * max(visible, 1)


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str | Path, encoding: str | None = None) -> tuple[str, list[Notice]]:
    """Decode a transcript. Returns the text with newlines normalised, and any warnings."""
    notices: list[Notice] = []
    if not data.strip():
        raise InputError(
            "the file is empty" if not data else "the file holds only whitespace",
            path=path,
            fix="check that this is the transcript you meant, and that it was saved completely",
        )
    if encoding is None:
        encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(
                f"unknown encoding {encoding!r}", path=path,
                fix="pass a Python codec name such as utf-8, cp1252 or latin-1",
            ) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(
                f"byte 0x{data[e.start]:02x} at offset {e.start} cannot be decoded as {encoding}",
                path=path, line=_line_of(data, e.start),
                fix="pass the file's real encoding with --encoding, or re-save it as UTF-8",
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            first_bad = e.start
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = None
            if text is None or _CONTROL.search(text) or not _plausible_legacy(text):
                raise InputError(
                    f"undecodable bytes: byte 0x{data[first_bad]:02x} at offset {first_bad} is not "
                    "UTF-8, and the file is not legacy Windows text either (it may be binary)",
                    path=path, line=_line_of(data, first_bad),
                    fix="export the transcript as UTF-8 text, or pass its encoding with --encoding",
                ) from None
            notices.append(
                Notice(
                    "the file is not UTF-8; it was read as Windows-1252 (Western European, a "
                    "superset of Latin-1). Pass --encoding if accented letters look wrong",
                    str(path), _line_of(data, first_bad),
                )
            )
    bad = _CONTROL.search(text.replace("\ufeff", ""))
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            f"control character U+{ord(bad.group()):04X} found; this does not look like a text transcript",
            path=path, line=line,
            fix="check that this is a transcript file, or pass its encoding with --encoding",
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, notices
