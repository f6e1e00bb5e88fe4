"""Analyzers and the pipeline that checks they fit together before touching data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from . import plugins
from .errors import PipelineError
from .features import get_feature
from .model import Conversation


class Analyzer:
    """One step of analysis. The constructor stores settings, ``fit`` learns, calling applies.

    Subclasses set ``name``, ``version``, ``requires`` and ``assigns`` (feature keys)
    and implement :meth:`apply`. Learned state goes in attributes ending in ``_``.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "v1"
    description: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    @property
    def id(self) -> str:
        return f"{self.name}.{self.version}"

    def settings(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_") and not k.endswith("_")}

    def fit(self, conversations: Iterable[Conversation]) -> Analyzer:
        return self

    def apply(self, conversation: Conversation) -> None:
        raise TypeError(f"{type(self).__name__} must implement apply()")

    def __call__(self, conversation: Conversation) -> Conversation:
        with conversation.features.writing(self.id, self.assigns):
            self.apply(conversation)
        missing = [k for k in self.assigns if k not in conversation.features]
        if missing:
            raise PipelineError(f"analyzer {self.id} did not assign {', '.join(missing)}")
        conversation.provenance.append(
            {"analyzer": self.id, "name": self.name, "version": self.version, "settings": self.settings()}
        )
        return conversation

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.settings().items())
        return f"{type(self).__name__}({args})"


class Pipeline:
    """An ordered list of analyzers, checked as a whole when built."""

    def __init__(self, analyzers: Sequence[Analyzer]) -> None:
        self.analyzers = list(analyzers)
        self.check()

    def check(self) -> None:
        rows: list[tuple[str, str, str]] = []
        available: dict[str, str] = {}
        for a in self.analyzers:
            for key in (*a.requires, *a.assigns):
                get_feature(key)  # an undeclared key fails here, with how to declare it
            for key in a.requires:
                if key not in available:
                    providers = [
                        n for n, cls in plugins.load(plugins.ANALYZERS).items() if key in cls.assigns
                    ]
                    hint = f"add {' or '.join(providers)} before it" if providers else "no analyzer assigns it"
                    rows.append((a.id, key, hint))
            for key in a.assigns:
                if key in available:
                    rows.append((a.id, key, f"already assigned by {available[key]}"))
                available[key] = a.id
        if rows:
            width = max(len(r[0]) for r in rows)
            kwidth = max(len(r[1]) for r in rows)
            table = "\n".join(f"  {r[0]:<{width}}  {r[1]:<{kwidth}}  {r[2]}" for r in rows)
            raise PipelineError(f"the pipeline does not fit together:\n{table}")

    def fit(self, conversations: Sequence[Conversation]) -> Pipeline:
        for a in self.analyzers:
            a.fit(conversations)
        return self

    def __call__(self, conversation: Conversation) -> Conversation:
        for a in self.analyzers:
            conversation = a(conversation)
        return conversation

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.analyzers]


DEFAULT_ANALYZERS = ("text_stats", "nonverbal", "talk_balance", "interruptions", "questions", "timing", "prosody",
                     "movement", "codes", "disclosure", "affect", "coordination", "groups", "ruptures", "rapport", "timeline", "risk", "feedback")


def default_pipeline(settings: Mapping[str, Mapping[str, Any]] | None = None) -> Pipeline:
    """The standard analyzers; ``settings`` gives constructor arguments by analyzer name,
    e.g. ``{"codes": {"model": "my-model/"}}``."""
    settings = settings or {}
    return Pipeline([plugins.get(plugins.ANALYZERS, n)(**settings.get(n, {})) for n in DEFAULT_ANALYZERS])
