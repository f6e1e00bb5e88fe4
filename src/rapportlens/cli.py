"""The `rapportlens` command: thin wrappers over the library."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import click

from . import __version__, plugins
from .errors import RapportLensError
from .features import declared
from .output import to_dict
from .pipeline import default_pipeline
from .reading import iter_read, readers
from .summary import summarize


def _fail(error: RapportLensError) -> None:
    click.echo(f"error: {error}", err=True)


def _parse_options(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--option")
        out[key.strip()] = value
    return out


def reading_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads transcripts."""
    for decorator in reversed([
        click.option("--format", "-f", "fmt", metavar="NAME",
                     help="Reader to use (default: chosen by extension and content; see `formats`)."),
        click.option("--option", "-o", "options", multiple=True, metavar="KEY=VALUE",
                     help="Reader option, e.g. -o text_column=utterance (repeatable)."),
        click.option("--practitioner", "-p", "practitioners", multiple=True, metavar="NAME",
                     help="Speaker who is the practitioner (repeatable). Others become client, "
                          "or members in a group."),
        click.option("--client", "clients", multiple=True, metavar="NAME",
                     help="Speaker who is the client (repeatable)."),
        click.option("--encoding", metavar="CODEC",
                     help="Text encoding of the files (default: UTF-8, or Windows-1252 with a warning)."),
    ]):
        func = decorator(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapportlens")
def main() -> None:
    """RapportLens: how a conversation went between people, measured on your own machine."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@reading_options
@click.option("--json", "as_json", is_flag=True,
              help="Print the full result as JSON: one object per conversation (one per line when several).")
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings.")
def analyze(files, fmt, options, practitioners, clients, encoding, as_json, quiet) -> None:
    """Analyse transcripts (FILE may be a folder, or - for standard input)."""
    opts = _parse_options(options)
    pipeline = default_pipeline()
    results = []
    failed = 0
    for path in files:
        try:
            # A file is all or nothing: a bad line 900 must not leave 899 lines looking complete.
            convs = list(iter_read(path, fmt, encoding=encoding, practitioners=practitioners,
                                   clients=clients, options=opts))
            results.extend(pipeline(conv) for conv in convs)
        except RapportLensError as e:
            _fail(e)
            failed += 1
    if not quiet:
        for conv in results:
            for notice in conv.notices:
                click.echo(f"warning: {notice}", err=True)
    if as_json:
        indent = 2 if len(results) == 1 else None
        for conv in results:
            click.echo(json.dumps(to_dict(conv), indent=indent, ensure_ascii=False))
    elif results:
        click.echo("\n\n".join(summarize(c) for c in results))
    if failed:
        sys.exit(2)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def formats(as_json: bool) -> None:
    """List the transcript readers and their options."""
    table = {
        name: {
            "description": cls.description,
            "extensions": list(cls.extensions),
            "reads": "folder" if cls.reads_directories else "file",
            "options": {o.name: o.help for o in cls.options},
        }
        for name, cls in sorted(readers().items())
    }
    if as_json:
        click.echo(json.dumps(table, indent=2))
        return
    for name, info in table.items():
        exts = ", ".join(info["extensions"]) or ("folder" if info["reads"] == "folder" else "by content")
        click.echo(f"{name}  [{exts}]")
        click.echo(textwrap.fill(info["description"], 78, initial_indent="  ", subsequent_indent="  "))
        for opt, help_text in info["options"].items():
            click.echo(textwrap.fill(f"-o {opt}=...  {help_text}", 78, initial_indent="    ",
                                     subsequent_indent="      "))
        click.echo("")


def features_markdown() -> str:
    """The feature reference, as committed in docs/features.md (a test keeps the two equal)."""
    assigners: dict[str, str] = {}
    for name, cls in sorted(plugins.load(plugins.ANALYZERS).items()):
        for key in cls.assigns:
            assigners[key] = f"{cls.name}.{cls.version}"
    out = [
        "# Features",
        "",
        "Every value RapportLens computes, with its level, type and the analyzer that assigns it.",
        "Generated by `rapportlens features --markdown`; a test fails when this page is out of date.",
        "",
        "| key | level | type | unit | assigned by | description |",
        "|---|---|---|---|---|---|",
    ]
    for feat in declared():
        if feat.key not in assigners:
            continue  # declared by code that no registered analyzer runs (tests, scratch work)
        dtype = feat.dtype + (" or null" if feat.nullable else "")
        out.append(
            f"| `{feat.key}` | {feat.level} | {dtype} | {feat.unit or ''} | "
            f"{assigners.get(feat.key, '')} | {feat.description} |"
        )
    return "\n".join(out) + "\n"


@main.command()
@click.option("--markdown", is_flag=True, help="Print the reference page docs/features.md.")
def features(markdown: bool) -> None:
    """List every feature the analyzers compute."""
    plugins.load(plugins.ANALYZERS)  # importing the analyzers declares their features
    if markdown:
        click.echo(features_markdown(), nl=False)
        return
    for feat in declared():
        click.echo(f"{feat.key:<30} {feat.level:<12} {feat.description}")
