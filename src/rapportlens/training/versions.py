"""Model version ids, without torch (the lexical engagement model is built without it)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path


def weights_version(*weight_files: Path) -> str:
    """Build date plus the first 8 hex digits of the weights' SHA-256 (of every file given
    that exists): two models built on the same day get different ids, and an id names
    exactly one set of weights."""
    digest = hashlib.sha256()
    for f in weight_files:
        if f.is_file():
            digest.update(f.read_bytes())
    return f"{date.today().isoformat()}.{digest.hexdigest()[:8]}"
