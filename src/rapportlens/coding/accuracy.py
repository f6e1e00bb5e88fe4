"""A coding model's measured accuracy, as its card records it, in the few words a summary or
a page has room for."""

from __future__ import annotations

from typing import Any

MAIN_TASKS = ("therapist_behaviour", "client_talk_type")  # the shipped model's two headline tasks


def headline_accuracy(model_accuracy: dict[str, Any] | None) -> str | None:
    """"therapist behaviour 0.77; client talk type 0.55" from a result's ``model_accuracy``
    (task -> {"macro_f1", ...}, the card's cross-validation): the main tasks where the model has
    them, else its first three; None when the model was never cross-validated."""
    acc = {t: a["macro_f1"] for t, a in (model_accuracy or {}).items() if a.get("macro_f1") is not None}
    main = [t for t in acc if t in MAIN_TASKS] or list(acc)[:3]
    return "; ".join(f"{t.replace('_', ' ')} {acc[t]:.2f}" for t in main) or None
