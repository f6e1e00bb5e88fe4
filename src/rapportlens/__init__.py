"""RapportLens: measure rapport in recorded conversations, locally.

>>> import rapportlens
>>> conv = rapportlens.read("session.txt")[0]          # doctest: +SKIP
>>> rapportlens.analyze(conv).features["talk.share"]   # doctest: +SKIP

Several sessions of one client, followed over time:

>>> from rapportlens.output import to_dict
>>> sessions = [to_dict(rapportlens.analyze(c)) for p in paths for c in rapportlens.read(p)]  # doctest: +SKIP
>>> rapportlens.build_series(sessions).trend("overall").direction  # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rapportlens")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

from .errors import FeatureError, InputError, Notice, OptionError, PipelineError, RapportLensError
from .features import Feature, Level, declare, declared
from .model import Conversation, Role, Speaker, Turn, Utterance
from .pipeline import Analyzer, Pipeline, default_pipeline
from .reading import iter_read, read, read_text
from .roles import assign_roles
from .series import Series, build_series


def analyze(conversation: Conversation, pipeline: Pipeline | None = None) -> Conversation:
    """Run the default pipeline (or the one given) over a conversation and return it."""
    return (pipeline or default_pipeline())(conversation)


__all__ = [
    "Analyzer", "Conversation", "Feature", "FeatureError", "InputError", "Level", "Notice",
    "OptionError", "Pipeline", "PipelineError", "RapportLensError", "Role", "Series", "Speaker", "Turn",
    "Utterance", "__version__", "analyze", "assign_roles", "build_series", "declare", "declared",
    "default_pipeline", "iter_read", "read", "read_text",
]
