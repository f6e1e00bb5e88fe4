"""Analysing an uploaded transcript for the web app: the same readers and pipeline as
``rapportlens analyze``, one upload at a time, with the model loaded once per server."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from ..errors import InputError, RapportLensError
from ..output import to_dict
from ..pipeline import Pipeline, default_pipeline
from ..reading import iter_read
from ..report import render_html
from .store import Store

log = logging.getLogger(__name__)


def safe_filename(name: str) -> str:
    """The upload's own name, reduced to what is safe on any file system; the extension
    stays, since it says how to read the file."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .") or "transcript.txt"
    return base[-120:]


def analyse_file(data: bytes, filename: str, pipeline: Pipeline,
                 practitioners: Sequence[str] = (), peers: bool = False) -> tuple[dict[str, Any], str]:
    """One uploaded session, read as ``rapportlens analyze`` reads a file of that name: its
    result (``to_dict``) and HTML report. Errors name the upload, not a temporary path."""
    name = safe_filename(filename)
    # Readers take a file (Word's is a zip), so the upload is written to a private folder
    # for a moment; the folder's path is then taken out of every message and report.
    with TemporaryDirectory(prefix="rapportlens-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            convs = list(iter_read(path, practitioners=practitioners, peers=peers))
        except InputError as e:
            raise _named(e, path, name) from None
        except RapportLensError as e:
            raise RapportLensError(str(e).replace(str(path), name)) from None
    if len(convs) != 1:
        raise InputError(f"the file holds {len(convs)} conversations; a session is one", path=name,
                         fix="upload each conversation as its own file, or analyse a corpus with rapportlens batch")
    conv = pipeline(convs[0])
    result = json.loads(json.dumps(to_dict(conv), ensure_ascii=False).replace(json.dumps(str(path))[1:-1], name))
    return result, render_html(conv).replace(str(path), name)


def _named(e: InputError, path: Path, name: str) -> InputError:
    e.path = name if e.path in (None, str(path)) else e.path.replace(str(path), name)
    return e


class Analyst:
    """Runs uploads through the pipeline one at a time (two at once would only halve each
    one's speed on a small machine) and stores the outcome."""

    def __init__(self, store: Store, settings: dict | None = None) -> None:
        self.store = store
        self.settings = settings or {}
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = default_pipeline(self.settings)
        return self._pipeline

    def resume(self) -> threading.Thread | None:
        """Analyse, in the background, the sessions a stopped server left unfinished, so that
        nobody's upload waits forever after a restart."""
        left = self.store.unfinished()
        if not left:
            return None
        log.warning("analysing %d session(s) left unfinished when the server last stopped", len(left))
        thread = threading.Thread(target=lambda: [self.run(s.id) for s in left],
                                  name="rapportlens-resume", daemon=True)
        thread.start()
        return thread

    def run(self, session_id: int) -> None:
        """Analyse a stored session's upload and store the outcome; a failure is stored with
        its message, for the page to show."""
        with self._lock:
            try:
                row = self.store.stored(session_id)
                result, report = analyse_file(row.original, row.filename, self.pipeline(), row.practitioner_names(),
                                              row.peers)
            except RapportLensError as e:
                self.store.fail(session_id, str(e))
                return
            except Exception:  # the page must say it failed rather than wait forever
                log.exception("analysing session %s failed", session_id)
                self.store.fail(session_id, "the analysis stopped with an unexpected error (the server's log has "
                                            "the details); please report it")
                return
            self.store.finish(session_id, result, report)
