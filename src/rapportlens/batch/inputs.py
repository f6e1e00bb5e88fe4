"""Which transcripts a batch run reads: files, folders (walked) and glob patterns."""

from __future__ import annotations

import glob
from pathlib import Path

from ..errors import InputError
from ..reading import is_corpus_folder, transcript_extensions, walk_folder


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
                for f in walk_folder(path, extensions):
                    found[f] = None
            else:
                found[path] = None
    return list(found)
