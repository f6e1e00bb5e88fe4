"""Docs are checked: a command, option, reader, analyzer or feature without documentation fails."""

import re
from pathlib import Path

import click
import pytest

from rapportlens import plugins
from rapportlens.cli import features_markdown, main
from rapportlens.reading import readers

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"


def test_codebook_page_is_up_to_date_and_documents_every_code():
    from rapportlens.coding.codebook import codebook, codebook_markdown

    text = (DOCS / "codebook.md").read_text()
    assert text == codebook_markdown(), "docs/codebook.md is out of date: run `make docs`"
    for code, c in codebook().items():
        assert f"### `{code}`" in text and c.definition in text


def test_features_page_is_up_to_date():
    assert (DOCS / "features.md").read_text() == features_markdown(), (
        "docs/features.md is out of date: run `make docs`"
    )


@pytest.mark.parametrize("name", sorted(plugins.load(plugins.ANALYZERS)))
def test_every_analyzer_has_a_page_with_the_required_sections(name):
    cls = plugins.load(plugins.ANALYZERS)[name]
    page = DOCS / "analyzers" / f"{name}.md"
    assert page.exists(), f"write {page}"
    text = page.read_text()
    assert text.startswith(f"# `{cls.name}.{cls.version}`")
    for section in ("Measures", "Formula", "Source", "Accuracy", "Caveats"):
        assert f"## {section}" in text
    for key in cls.assigns:
        assert key in text, f"{page} does not mention {key}"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_and_option_is_in_cli_docs(command):
    text = (DOCS / "cli.md").read_text()
    assert f"## `rapportlens {command}`" in text
    for param in main.commands[command].params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in text for opt in param.opts), f"{param.opts} not in docs/cli.md"


@pytest.mark.parametrize("command", sorted(main.commands["users"].commands))
def test_every_users_subcommand_and_option_is_in_cli_docs(command):
    text = (DOCS / "cli.md").read_text()
    assert f"`users {command}" in text
    for param in main.commands["users"].commands[command].params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in text or f"[{opt}" in text for opt in param.opts), f"{param.opts} not in docs/cli.md"


@pytest.mark.parametrize("name", sorted(readers()))
def test_every_reader_and_option_is_in_formats_docs(name):
    text = (DOCS / "formats.md").read_text()
    assert f"## `{name}`" in text
    for opt in readers()[name].options:
        assert f"`{opt.name}`" in text


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)
    assert "rapportlens analyze examples/" in blocks[0] and "pip install -e ." in blocks[0]
    assert "pytest" in blocks[1] and "[test]" in blocks[1]
    assert blocks[1] in (ROOT / ".ci" / "run").read_text()
    assert (ROOT / "examples" / "first_session.txt").exists()


def test_dimensions_page_lists_every_component():
    from rapportlens.rapport.dimensions import markdown_table

    assert markdown_table() in (DOCS / "dimensions.md").read_text(), "update the table in docs/dimensions.md"
