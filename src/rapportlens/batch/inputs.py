"""Which transcripts a batch run reads: files, folders (walked) and glob patterns."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from ..errors import InputError
from ..reading import readers


def transcript_extensions() -> set[str]:
    return {ext for cls in readers().values() for ext in cls.extensions}


def is_corpus_folder(path: Path) -> bool:
    """A folder that a folder reader (ConvoKit) reads as a whole."""
    for cls in readers().values():
        if cls.reads_directories and cls().sniff(path, "") > 0:
            return True
    return False


def discover(inputs: list[str]) -> list[Path]:
    """Every transcript named by ``inputs``, each once, in a stable order.

    A folder is walked for files with a reader's extension (hidden files and folders are
    left out); a folder a reader takes whole (a ConvoKit corpus) is one input. A pattern
    with ``*``, ``?`` or ``[`` is expanded (``**`` reaches into subfolders)."""
    extensions = transcript_extensions()
    found: dict[Path, None] = {}
    for item in inputs:
        if any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("the pattern matches nothing", path=item, fix="check the pattern and quote it")
            paths = [Path(m) for m in matches]
        else:
            paths = [Path(item)]
        for path in paths:
            if not path.exists():
                raise InputError("no such file or folder", path=path, fix="check the path")
            if path.is_dir() and not is_corpus_folder(path):
                for f in _walk(path, extensions):
                    found[f] = None
            else:
                found[path] = None
    return list(found)


def _walk(folder: Path, extensions: set[str]) -> list[Path]:
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
