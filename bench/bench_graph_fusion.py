"""Does fusing the transformer graph make the int8 coder faster? (Needs the train extra.)

Models exported before 2026-12-04 used transformers' default (SDPA) attention; since then
`rapportlens train` exports eager attention (int8 weights per channel, no fusion either
way). This script builds the same encoder and
heads (the untrained base encoder with the shipped model's head shapes: speed does not
depend on the weights) three ways and times each as the coder runs it
(``CodingModel.predict``, one utterance per run, one run per core), in one run:

  1. default (SDPA) attention, int8, as exported before 2026-12-04 (the baseline),
  2. eager attention, int8 (the form onnxruntime's transformer optimizer recognises),
  3. eager attention fused by ``onnxruntime.transformers.optimizer`` (Attention,
     SkipLayerNormalization, BiasGelu, EmbedLayerNormalization), then int8, which turns
     Attention into QAttention.

It also prints each graph's node count and size, and how far the fused model's
probabilities are from the unfused eager one's (same weights).

Run: `python bench/bench_graph_fusion.py [--data ANNOMI_FOLDER] [--utterances N] [--repeat R]`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import torch
from bench_coding import annomi, synthetic
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from timing import best_and_median
from transformers import AutoModel

from rapportlens.coding.coder import load_model
from rapportlens.coding.inputs import conversation_items
from rapportlens.coding.onnx_model import CARD_FILE, MODEL_FILE, TOKENIZER_FILE, CodingModel
from rapportlens.coding.shared_weights import CARD_KEY
from rapportlens.training.trainer import MultiHead, base_model_dir, export_graph


def int8(src: Path, dst: Path) -> None:
    # Fused contrib ops have no ONNX shape inference, hence the default tensor type.
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


def model_dir(root: Path, name: str, onnx_file: Path, shipped: CodingModel) -> CodingModel:
    folder = root / name
    folder.mkdir()
    shutil.copy(shipped.tokenizer_path, folder / TOKENIZER_FILE)
    # Same heads, same context as the shipped model; but this graph carries its own word
    # embeddings, so the card must not ask for the shared table (coding/shared_weights.py).
    card = json.loads((shipped.directory / CARD_FILE).read_text("utf-8"))
    card.pop(CARD_KEY, None)
    (folder / CARD_FILE).write_text(json.dumps(card), "utf-8")
    shutil.copy(onnx_file, folder / MODEL_FILE)
    return CodingModel(folder)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--utterances", type=int, default=1000)
    ap.add_argument("--data", help="AnnoMI folder to take real utterances from (default: codebook examples)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    shipped = load_model(None)
    heads = {h.name: len(h.labels) for h in shipped.card.heads}
    convs = annomi(args.data, args.utterances) if args.data else synthetic(args.utterances)
    items = [i for c in convs for i in conversation_items(c)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = {}
        for attention in ("sdpa", "eager"):
            torch.manual_seed(0)  # the same head weights for both exports
            encoder = AutoModel.from_pretrained(str(base_model_dir()), attn_implementation=attention)
            export_graph(MultiHead(encoder, heads).eval(), list(heads), root / f"{attention}.onnx")
        fused = optimize_model(str(root / "eager.onnx"), model_type="bert", num_heads=12, hidden_size=384)
        fused_ops = {k: v for k, v in fused.get_fused_operator_statistics().items() if v}
        fused.save_model_to_file(str(root / "fused.onnx"))
        labels = {"sdpa": "default (SDPA) attention, int8, as before 2026-12-04", "eager": "eager attention, int8",
                  "fused": "eager attention, fused, int8"}
        for name in labels:
            int8(root / f"{name}.onnx", root / f"{name}.int8.onnx")
            files[name] = root / f"{name}.int8.onnx"
        models = {name: model_dir(root, name, f, shipped) for name, f in files.items()}
        print(f"{len(items)} utterances ({'AnnoMI' if args.data else 'codebook examples'}); "
              f"{models['sdpa'].workers} runs at once; median of {args.repeat}; fused: {fused_ops}\n")
        print("| graph | nodes | MB | seconds | utterances/s | time vs SDPA |")
        print("|---|---|---|---|---|---|")
        graphs = {name: onnx.load(str(f)).graph for name, f in files.items()}
        base = None
        for name, model in models.items():
            t = best_and_median(lambda m=model: m.predict(items, with_lexical=False), args.repeat)[1]
            base = base or t
            nodes = len(graphs[name].node)
            print(f"| {labels[name]} | {nodes} | {files[name].stat().st_size / 1e6:.1f} | {t:.2f} | "
                  f"{len(items) / t:,.0f} | {t / base:.2f}x |")
        plain, fast = (models[n].predict(items, with_lexical=False) for n in ("eager", "fused"))
        diff = max(float(np.abs(plain[h] - fast[h]).max()) for h in plain)
        agree = {h: float((plain[h].argmax(1) == fast[h].argmax(1)).mean()) for h in plain}
        print(f"\nfused vs unfused eager (same weights): largest probability difference {diff:.3f}; "
              f"same label {min(agree.values()):.1%}-{max(agree.values()):.1%} per head; tally of ops in the "
              f"fused int8 graph: {dict(Counter(n.op_type for n in graphs['fused'].node).most_common(6))}")


if __name__ == "__main__":
    main()
