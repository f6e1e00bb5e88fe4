from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def run():
    """Run the CLI in-process; returns the click Result (stdout and stderr kept apart)."""
    from rapportlens.cli import main

    def _run(*args: str, input: str | bytes | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input)

    return _run


# CI runs a modest number of examples per property; `HYPOTHESIS_PROFILE=thorough` searches harder.
from hypothesis import settings

settings.register_profile("ci", max_examples=150)
settings.register_profile("thorough", max_examples=3000)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))
