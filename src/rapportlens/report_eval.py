"""Plain-text tables for `rapportlens eval` and `rapportlens train --cv`."""

from __future__ import annotations

import textwrap
from typing import Any

from .evaluation import Evaluation


def _table(d: dict[str, Any]) -> list[str]:
    labels = d["labels"]
    width = max(12, *(len(label) for label in labels))
    lines = [f"  {'class':<{width}} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label in labels:
        c = d["per_class"][label]
        lines.append(f"  {label:<{width}} {c['precision']:>9.3f} {c['recall']:>7.3f} {c['f1']:>6.3f} {c['support']:>8}")
    lines += ["", "  confusion (rows: expert label, columns: predicted)"]
    short = [label[:8] for label in labels]
    lines.append(f"  {'':<{width}} " + " ".join(f"{s:>8}" for s in short))
    for label, row in zip(labels, d["confusion"]):
        lines.append(f"  {label:<{width}} " + " ".join(f"{v:>8}" for v in row))
    return lines


def format_evaluation(ev: Evaluation) -> str:
    d = ev.to_dict()
    via = "its own head" if ev.via == "head" else "codes mapped to the dataset's labels"
    head = (f"{d['dataset']} / {d['task']}: n={d['n']}  accuracy={d['accuracy']:.3f}  "
            f"macro-F1={d['macro_f1']:.3f}\n  model {ev.model}, scored via {via}")
    if ev.published is not None:
        head += f"\n  best published text-only macro-F1 for this task: {ev.published:.2f} (docs/accuracy.md)"
    warning = ev.in_sample_warning()
    if warning:
        head += "\n" + textwrap.fill(f"IN-SAMPLE: {warning}", width=100, initial_indent="  ", subsequent_indent="    ")
    return "\n".join([head, "", *_table(d), ""])


def _choice(d: dict[str, Any]) -> list[str]:
    """What the final model chose from the cross-validation, and the alternatives' scores."""
    final = d.get("final_choice")
    if not final:
        return []
    weight = final["lexical_weight"]
    parts = [f"lexical weight {weight}" if weight is not None else "no lexical model",
             "per-class offsets" if final["offsets"] else "no offsets"]
    others = [f"{name} {d[key]['macro_f1']:.3f}" for key, name in
              (("uncalibrated", "equal weight without offsets"), ("encoder_alone", "encoder alone")) if key in d]
    return [f"  final model: {', '.join(parts)} (chosen out of fold; {'; '.join(others)})"]


def format_cv(cv: dict[str, Any], published: dict[str, float] | None = None) -> str:
    """The cross-validation of ``rapportlens train --cv``; ``published``: the best published
    text-only macro-F1 per task, shown beside each (``Task.published``)."""
    out = [f"{cv['folds']}-fold cross-validation, split {cv['split']}:"]
    for task, d in cv["tasks"].items():
        folds = ", ".join(f"{f:.3f}" for f in d["fold_macro_f1"])
        anchor = (published or {}).get(task)
        out += [(f"{task}: n={d['n']}  accuracy={d['accuracy']:.3f}  macro-F1={d['macro_f1']:.3f} "
                f"(folds: {folds})" + (f"; best published text-only: {anchor:.2f}" if anchor is not None else "")),
                *_choice(d), *_table(d), ""]
    return "\n".join(out)
