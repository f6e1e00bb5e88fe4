from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def model_with_card():
    """``make(folder, card)``: the shipped coding model's files (linked) under another card, for
    tests of what a card says (its context, its training data, its cross-validation)."""
    import json

    from rapportlens.coding.coder import load_model

    shipped = load_model()

    def make(folder: Path, card: dict) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for f in shipped.directory.iterdir():
            if f.name != "card.json":
                (folder / f.name).symlink_to(f)
        (folder / "card.json").write_text(json.dumps(card))
        return folder

    make.card = shipped.card.to_dict()
    return make


@pytest.fixture
def run():
    """Run the CLI in-process; returns the click Result (stdout and stderr kept apart)."""
    from rapportlens.cli import main

    def _run(*args: str, input: str | bytes | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input)

    return _run


@pytest.fixture
def fake_training(monkeypatch):
    """`rapportlens train` with the training replaced by a recorder of the settings it gets:
    the real training module imports torch, which the test install lacks."""
    import sys
    import types

    import rapportlens.training

    seen: dict = {}

    def fake_train(ds, out, **kw):
        seen.update(kw)
        return {}

    monkeypatch.setattr(rapportlens.training, "require_training_stack", lambda: None)
    monkeypatch.setitem(sys.modules, "rapportlens.training.run", types.SimpleNamespace(train=fake_train))
    return seen


# CI runs a modest number of examples per property; `HYPOTHESIS_PROFILE=thorough` searches harder.
from hypothesis import settings

settings.register_profile("ci", max_examples=150)
settings.register_profile("thorough", max_examples=3000)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "ci"))
