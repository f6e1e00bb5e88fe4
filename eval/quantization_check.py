"""What int8 quantization costs the coding model, and whether 7-bit weights (onnxruntime's
``reduce_range``) cost more: 5-fold cross-validation split by conversation, the shipped
recipe trained once per fold, each fold's fp32 graph quantized three ways and scored on the
fold's held-out transcripts.

    /path/to/train-venv/bin/python eval/quantization_check.py --data ../shared/data/annomi --out /tmp/qc

Variants: ``fp32``; ``int8`` (signed weights per output channel, as shipped); ``int8-7bit``
(the same with ``reduce_range``); ``requant-7bit`` (the int8 weights, dequantized, quantized
again to 7 bits: what re-quantizing an already shipped model gives). Why 7 bits: on
processors without VNNI (AVX2 only) onnxruntime multiplies unsigned 8-bit activations by
signed 8-bit weights with an instruction whose 16-bit pair sums can saturate, so the same
int8 model gives slightly different outputs there than on VNNI processors; with 7-bit
weights the sums cannot saturate and every x86 processor computes the same integers. (Since
session 52 the shipped models keep their 8-bit grid and store the weights unsigned instead,
which does the same without coarsening it: ``rapportlens.training.unsigned_weights``.)

Prints, per variant and task, the nested macro-F1 (as `rapportlens train --cv` reports it),
the encoder alone, and how often its argmax agrees with fp32. The int8 fold models are
kept in ``OUT/folds/fold-N`` for ``eval/score_validation.py --fold-models``.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic

from rapportlens.coding.onnx_model import MODEL_FILE, CodingModel
from rapportlens.datasets import load
from rapportlens.training.cv_scores import combined, task_result
from rapportlens.training.lexical import fit_lexical
from rapportlens.training.run import add_out_of_fold
from rapportlens.training.settings import FIT_KEYS, lexical_context_chars, settings_for
from rapportlens.training.trainer import export, fit, folds

VARIANTS = ("fp32", "int8", "int8-7bit", "requant-7bit")


def _matmul_weights(model: onnx.ModelProto) -> set[str]:
    inits = {i.name for i in model.graph.initializer}
    return {n.input[1] for n in model.graph.node if n.op_type in ("MatMul", "Gemm") and n.input[1] in inits}


def _int8_grid(fp32: Path, out: Path) -> None:
    """The fp32 graph with every MatMul weight rounded to its per-column int8 grid, as the
    shipped per-channel quantization stores it."""
    model = onnx.load(str(fp32))
    names = _matmul_weights(model)
    for init in model.graph.initializer:
        if init.name in names:
            w = numpy_helper.to_array(init).astype(np.float32)
            if w.ndim != 2:
                continue
            scale = np.maximum(np.abs(w).max(axis=0, keepdims=True), 1e-12) / 127.0
            init.CopyFrom(numpy_helper.from_array((np.clip(np.round(w / scale), -127, 127) * scale).astype(np.float32), init.name))
    onnx.save(model, str(out))


def variants(fp32_dir: Path, root: Path) -> dict[str, Path]:
    dirs = {}
    fp32 = fp32_dir / MODEL_FILE
    for name in VARIANTS:
        d = root / name
        if d.exists():
            shutil.rmtree(d)
        shutil.copytree(fp32_dir, d)
        dirs[name] = d
    quantize_dynamic(str(fp32), str(dirs["int8"] / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True)
    quantize_dynamic(str(fp32), str(dirs["int8-7bit"] / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True,
                     reduce_range=True)
    grid = root / "grid.onnx"
    _int8_grid(fp32, grid)
    quantize_dynamic(str(grid), str(dirs["requant-7bit"] / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True,
                     reduce_range=True)
    grid.unlink()
    return dirs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default="annomi", choices=("annomi", "esconv", "epitome"))
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--practitioner-context-chars", type=int, default=0,
                    help="as the shipped AnnoMI model (docs/accuracy.md)")
    args = ap.parse_args()
    dataset = load(args.dataset, args.data)
    settings = settings_for(dataset.name, {"practitioner_context_chars": args.practitioner_context_chars})
    fold_of = folds([e.group for e in dataset.examples], args.k, settings["seed"])
    oof: dict[str, dict[str, dict[str, list]]] = {v: {} for v in VARIANTS}
    for fold in range(args.k):
        train = [e for e in dataset.examples if fold_of[e.group] != fold]
        test = [e for e in dataset.examples if fold_of[e.group] == fold and e.labels]
        model, heads = fit(dataset, train, description=f"fold {fold + 1}/{args.k}", **{s: settings[s] for s in FIT_KEYS})
        root = args.out / f"work-{fold + 1}"
        export(model, heads, root / "exported", name=f"cv-fold-{fold + 1}", dataset=dataset, quantize=False,
               max_length=settings["max_length"], context_chars=settings["context_chars"],
               practitioner_context_chars=settings["practitioner_context_chars"], info={},
               lexical=fit_lexical(train, heads, lexical_context_chars(dataset.name, settings)))
        dirs = variants(root / "exported", root)
        kept = args.out / "folds" / f"fold-{fold + 1}"
        if kept.exists():
            shutil.rmtree(kept)
        shutil.copytree(dirs["int8"], kept)
        items = [e.item for e in test]
        words = None
        for name, d in dirs.items():
            coder = CodingModel(d)
            encoder = coder.predict(items, with_lexical=False)
            words = words if words is not None else (coder.lexical.predict_log(items) if coder.lexical else {})
            add_out_of_fold(oof[name], heads, test, encoder, words, fold)
        print(f"fold {fold + 1} done", flush=True)
    report = {}
    for name in VARIANTS:
        for task, o in oof[name].items():
            gold, enc, fold_ids = np.array(o["gold"]), np.array(o["encoder"]), np.array(o["fold"])
            lex = np.array(o["lexical"]) if len(o["lexical"]) == len(o["gold"]) else None
            nested, _ = task_result(dataset.name, task, o["labels"], gold, enc, fold_ids, args.k, lexical=lex)
            alone, _ = task_result(dataset.name, task, o["labels"], gold, enc, fold_ids, args.k)
            ref = np.array(oof["fp32"][task]["encoder"])
            agree = float((combined(enc, lex, 0.5).argmax(1) == combined(ref, lex, 0.5).argmax(1)).mean())
            report.setdefault(task, {})[name] = {"nested_macro_f1": round(nested["macro_f1"], 4),
                                                 "encoder_alone": round(alone["macro_f1"], 4),
                                                 "agrees_with_fp32": round(agree, 4)}
    print(json.dumps(report, indent=2))
    (args.out / "quantization_check.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
