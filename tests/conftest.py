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
