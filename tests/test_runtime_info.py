"""The runtime recorded with every result: which onnxruntime and which int8 path ran the models."""

from pathlib import Path

import rapportlens
from rapportlens.coding import runtime
from rapportlens.model import Conversation, Role


def test_the_int8_path_is_read_from_the_processor_flags(tmp_path, monkeypatch):
    cases = {"fpu sse2 avx2 avx512f avx512_vnni": "vnni", "fpu sse2 avx2 avx_vnni": "vnni",
             "fpu sse2 avx avx2 fma": "avx2", "fp asimd evtstrm": "other"}
    for flags, path in cases.items():
        info = tmp_path / "cpuinfo"
        info.write_text(f"processor\t: 0\nflags\t\t: {flags}\n", encoding="utf-8")
        monkeypatch.setattr(runtime, "CPUINFO", info)
        assert runtime._int8_path() == path
    monkeypatch.setattr(runtime, "CPUINFO", Path(tmp_path / "missing"))
    assert runtime._int8_path() == "unknown"


def test_the_codes_provenance_says_what_ran_the_model():
    conv = rapportlens.analyze(Conversation.from_pairs(
        [("T", "What brings you in today?"), ("C", "My sleep has been terrible since the move.")],
        roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    settings = next(p["settings"] for p in conv.provenance if p["name"] == "codes")
    assert set(settings["runtime"]) == {"onnxruntime", "machine", "cpu_int8"}
    assert settings["runtime"]["cpu_int8"] in {"vnni", "avx2", "other", "unknown"}
