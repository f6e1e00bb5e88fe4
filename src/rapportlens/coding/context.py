"""A second look at each utterance in the light of the whole conversation.

The encoder reads one utterance and the two before it. What an utterance did often shows
only further away: a client's answer tells that the counsellor asked something, and a
client who argued against change earlier is likelier to do so again. The context layer
is a logistic regression per task over the encoder's own class probabilities: those of the
utterance, of its neighbours two either side, and their means over the conversation. It is
fitted on out-of-fold predictions (`rapportlens train --cv`), so it learns how far to trust
the encoder on conversations it did not see, and it is kept only for tasks where it raised
the cross-validated macro-F1 (docs/accuracy.md).

Needs only numpy; the weights live in the model card under ``"context"``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Role
from .inputs import speaks_as

FEATURES_VERSION = 1
WINDOW = (-2, -1, 1, 2)  # neighbours, by position in the conversation
_ROLES = (Role.PRACTITIONER, Role.CLIENT)


def utterance_vectors(probs: Mapping[str, np.ndarray], head_roles: Mapping[str, str | None],
                      roles: Sequence[Role | str | None]) -> np.ndarray:
    """One row per utterance: its role, then each head's probabilities where the head
    codes that role (zeros elsewhere, so a client's row never carries therapist guesses)."""
    n = len(roles)
    parts = [np.array([[1.0 if r is not None and Role(r) == role else 0.0] for r in roles]).reshape(n, 1)
             for role in _ROLES]
    for name in sorted(head_roles):
        mask = np.array([speaks_as(head_roles[name], r) for r in roles], dtype=np.float64)
        parts.append(np.asarray(probs[name], dtype=np.float64) * mask[:, None])
    return np.hstack(parts)


def features(probs: Mapping[str, np.ndarray], head_roles: Mapping[str, str | None],
             roles: Sequence[Role | str | None], groups: Sequence[str] | None = None) -> np.ndarray:
    """The context layer's input, one row per utterance; ``groups`` marks where one
    conversation ends and the next begins (consecutive equal values; None: one conversation)."""
    v = utterance_vectors(probs, head_roles, roles)
    n, d = v.shape
    own = np.log(np.clip(v[:, 2:], 1e-6, 1.0)) * (v[:, 2:] > 0)
    out = np.zeros((n, d * (len(WINDOW) + 2) + own.shape[1] + 1))
    bounds = _segments(groups, n)
    for start, end in bounds:
        seg = v[start:end]
        m = end - start
        cols = [seg]
        for shift in WINDOW:
            moved = np.zeros_like(seg)
            if shift < 0 and m > -shift:
                moved[-shift:] = seg[:shift]
            elif shift > 0 and m > shift:
                moved[:-shift] = seg[shift:]
            cols.append(moved)
        # The rest of the conversation, this utterance left out.
        rest = (seg.sum(0, keepdims=True) - seg) / max(m - 1, 1)
        cols.append(rest)
        cols.append(own[start:end])
        cols.append((np.arange(m) / max(m - 1, 1))[:, None])
        out[start:end] = np.hstack(cols)
    return out


def _segments(groups: Sequence[str] | None, n: int) -> list[tuple[int, int]]:
    if groups is None:
        return [(0, n)] if n else []
    bounds, start = [], 0
    for i in range(1, n + 1):
        if i == n or groups[i] != groups[start]:
            bounds.append((start, i))
            start = i
    return bounds


@dataclass(frozen=True)
class TaskLayer:
    """Standardised features -> logits for one head's labels."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray
    offsets: np.ndarray  # per-class shifts for macro-F1, as for the encoder's heads

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef.T + self.intercept + self.offsets

    def to_dict(self) -> dict[str, Any]:
        return {k: np.round(getattr(self, k), 6).tolist() for k in ("mean", "scale", "coef", "intercept", "offsets")}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskLayer:
        return cls(*(np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "coef", "intercept", "offsets")))


@dataclass(frozen=True)
class ContextLayer:
    tasks: Mapping[str, TaskLayer]
    head_roles: Mapping[str, str | None]  # every head whose probabilities are features
    info: Mapping[str, Any]

    def apply(self, raw: Mapping[str, np.ndarray], roles: Sequence[Role | str | None],
              groups: Sequence[str] | None = None) -> dict[str, np.ndarray]:
        """Probabilities with the context layer's tasks replaced; ``raw`` must be the
        encoder's probabilities without the heads' offsets (as the layer was fitted on)."""
        x = features(raw, self.head_roles, roles, groups)
        out = dict(raw)
        for name, layer in self.tasks.items():
            z = layer.logits(x)
            e = np.exp(z - z.max(1, keepdims=True))
            out[name] = (e / e.sum(1, keepdims=True)).astype(np.float32)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"features_version": FEATURES_VERSION, "window": list(WINDOW), "head_roles": dict(self.head_roles),
                **self.info, "tasks": {k: v.to_dict() for k, v in self.tasks.items()}}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ContextLayer:
        if d.get("features_version") != FEATURES_VERSION:
            raise ValueError(f"context layer features version {d.get('features_version')} "
                             f"(this RapportLens reads {FEATURES_VERSION})")
        info = {k: v for k, v in d.items() if k not in ("features_version", "window", "head_roles", "tasks")}
        return cls({k: TaskLayer.from_dict(v) for k, v in d["tasks"].items()}, dict(d["head_roles"]), info)
