"""What runs the int8 models, recorded with every result: int8 products come out slightly
different on processors with VNNI instructions than on those with AVX2 only (onnxruntime's
AVX2 path can saturate), so the same model and transcript can give slightly different codes
on two machines (docs/history/accuracy.md, "The processor changed int8 results")."""

from __future__ import annotations

import platform
from functools import cache
from pathlib import Path

CPUINFO = Path("/proc/cpuinfo")


@cache
def runtime_info() -> dict[str, str]:
    """onnxruntime's version and which int8 path this processor takes: ``vnni``, ``avx2`` (no
    VNNI), ``other`` or ``unknown`` (no /proc/cpuinfo to read, as on macOS and Windows)."""
    import onnxruntime as ort

    return {"onnxruntime": ort.__version__, "machine": platform.machine(), "cpu_int8": _int8_path()}


def _int8_path() -> str:
    try:
        text = CPUINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "unknown"
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    if not flags:
        return "unknown"
    if {"avx512_vnni", "avx_vnni"} & set(flags):
        return "vnni"
    return "avx2" if "avx2" in flags else "other"
