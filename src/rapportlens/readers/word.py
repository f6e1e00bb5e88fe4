"""Word transcripts (.docx): the document's paragraphs and table rows, read as plain text.

Transcription services, Microsoft Teams and Otter.ai export Word files, and qualitative
researchers keep their transcripts in them. Each paragraph (and each line break inside one)
becomes a line of the plain-text layout (``Name: text``, time prefixes, ``Name  0:05`` header
lines); a table row with a speaker cell and a text cell (and optionally a time cell first)
becomes ``[time] Speaker: text``; and the cue layout of Teams' older exports
(``0:0:0.0 --> 0:0:5.2``, the speaker's name, then the words) becomes timed lines.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from ..errors import InputError
from ..model import Conversation, clip
from .base import Reader
from .plain_text import PlainTextReader

ZIP_MAGIC = b"PK\x03\x04"
# A table's header row names its columns rather than saying anything.
HEADER_CELLS = {"speaker", "name", "who", "person", "role", "text", "utterance", "said", "transcript", "time",
                "timestamp", "start", "time code", "timecode", "content", "message", ""}
TIME_CELL = re.compile(r"^\[?\(?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\)?\]?$")
CUE = re.compile(r"^(\d+:\d{1,2}:\d{1,2}(?:\.\d+)?)\s*-->\s*(\d+:\d{1,2}:\d{1,2}(?:\.\d+)?)$")


def _document(data: bytes, path: str):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise InputError("this zip file is not a Word document", path=path,
                         fix="pass the .docx transcript itself, or export it as plain text") from None
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as e:
        raise InputError(f"this is not a Word document that can be read ({e})", path=path,
                         fix="open it in Word and save it again as .docx, or export the transcript as plain text") from None


def _row_line(cells: list[str]) -> str | None:
    """A table row as a plain-text line: [speaker, text] or [time, speaker, text]; None for a
    header row or an empty one."""
    cells = [c.strip() for c in cells]
    # Merged cells repeat their text in every column they span.
    cells = [c for k, c in enumerate(cells) if k == 0 or c != cells[k - 1]]
    if all(c.lower() in HEADER_CELLS for c in cells):
        return None
    if len(cells) >= 3 and TIME_CELL.match(cells[0]):
        return f"[{cells[0].strip('[]()')}] {cells[1]}: {' '.join(cells[2:])}"
    if len(cells) >= 2 and not cells[0].endswith(":"):
        return f"{cells[0]}: {' '.join(cells[1:])}"
    return " ".join(cells)


def _cues_to_lines(lines: list[str]) -> list[str]:
    """Teams' older layout, a cue line, the speaker's name, then the words, as ``[start -
    end] Name: words`` lines; other lines are kept."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        m = CUE.match(lines[k].strip())
        if m and k + 2 < len(lines) and lines[k + 1].strip() and ":" not in lines[k + 1]:
            out.append(f"[{m.group(1)} - {m.group(2)}] {lines[k + 1].strip()}: {lines[k + 2].strip()}")
            k += 3
            continue
        out.append(lines[k])
        k += 1
    return out


def document_lines(data: bytes, path: str) -> list[str]:
    """The document's text as lines in reading order (paragraphs and table rows)."""
    from docx.table import Table

    lines: list[str] = []
    for block in _document(data, path).iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                line = _row_line([cell.text for cell in row.cells])
                if line is not None:
                    lines.append(line)
        else:
            # A tab separates Otter's and Teams' "Name<tab>0:05" headers; soft breaks split lines.
            lines += block.text.replace("\t", "  ").split("\n")
    return _cues_to_lines(lines)


class WordReader(Reader):
    name = "docx"
    description = (
        "Word documents (.docx) as transcription services, Teams and Otter.ai export them: each "
        "paragraph is read as a line of the 'text' layout ('Name: text', times, 'Name  0:05' "
        "headers); table rows [speaker, text] or [time, speaker, text] are utterances; Teams' "
        "'0:0:0.0 --> 0:0:5.2' cues are read with their times. Errors quote the paragraph."
    )
    extensions = (".docx",)
    binary: ClassVar[bool] = True

    def sniff(self, path: Path, head: str) -> float:
        return 0.9 if path.suffix.lower() in self.extensions else 0.0

    def read_bytes(self, data: bytes, path: str, **options: Any) -> Iterator[Conversation]:
        if not data.startswith(ZIP_MAGIC):
            raise InputError("this is not a Word document (.docx files are zip archives)", path=path,
                             fix="if it is a Word 97-2003 .doc file, save it as .docx or as plain text")
        lines = document_lines(data, path)
        if not any(line.strip() for line in lines):
            raise InputError("the document has no text", path=path, fix="check that this is the transcript")
        try:
            for conv in PlainTextReader().read_text("\n".join(lines), path, **options):
                conv.format = self.name
                yield conv
        except InputError as e:
            # The line numbers of the text layout count paragraphs, which Word does not show:
            # quote the paragraph instead.
            if e.line is None or e.line > len(lines):
                raise
            raise InputError(e.problem, path=e.path, where=f'paragraph "{clip(lines[e.line - 1].strip(), 60)}"',
                             fix=e.fix) from None
