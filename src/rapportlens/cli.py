"""The `rapportlens` command: thin wrappers over the library."""

from __future__ import annotations

import json
import re
import sys
import textwrap
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__, plugins
from .audio import attach, check_option, recording_files
from .audio.decode import require as require_audio
from .cli_options import model_options, model_settings
from .errors import InputError, RapportLensError
from .features import declared
from .output import to_dict
from .pipeline import default_pipeline
from .reading import is_corpus_folder, iter_read, readers, transcript_extensions, walk_folder
from .summary import console, print_summary
from .training.settings import POOLINGS
from .video import attach as attach_video
from .video import check_option as check_video_option
from .video import options as video_options


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
        click.option("--interpreter", "interpreters", multiple=True, metavar="NAME",
                     help="Speaker who interprets (repeatable; a speaker labelled Interpreter or Translator "
                          "is one anyway): the people interpreted are analysed as talking to each other."),
        click.option("--peers", is_flag=True,
                     help="Nobody runs the conversation (a peer group, a negotiation): every speaker is a "
                          "member, and no practitioner is inferred."),
        click.option("--encoding", metavar="CODEC",
                     help="Text encoding of the files (default: UTF-8, or Windows-1252 with a warning)."),
    ]):
        func = decorator(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapportlens")
def main() -> None:
    """RapportLens: how a conversation went between people, measured on your own machine."""


CHANNELS_OPTION = click.option(
    "--audio-channels", "audio_channels", callback=lambda ctx, param, v: tuple(n.strip() for n in v.split(",") if n.strip())
    if v else (), metavar="NAMES",
    help="With --audio: the speakers recorded on each channel, in order, comma-separated (e.g. 'Agent,Customer' for "
         "a call recorded with the agent on the left): each voice is measured on its own channel, overlaps included. "
         "Default: the channels mixed.")


def _tracks(given: tuple[str, ...], audio: str | None) -> dict[str, str]:
    """``--audio-track NAME=FILE`` options as {speaker: file}."""
    return video_options.tracks(given, audio, "--audio-track", "--audio", "Jo=audioJo1234.m4a")


def _need_audio(audio: Any, channels: tuple[str, ...]) -> None:
    """Recordings need the audio extra, and channels need a recording: say so before any work."""
    if channels and not audio:
        raise click.UsageError("--audio-channels says who is on each channel of the recording given with --audio; "
                               "give --audio too")
    if audio:
        try:
            require_audio()
        except RapportLensError as e:
            _fail(e)
            sys.exit(2)


def _transcripts(item: str, fmt: str | None) -> list[str]:
    """``item``, or when it is a plain folder the transcripts in it (a folder a reader takes
    whole, like a ConvoKit corpus, stays one input)."""
    path = Path(item)
    whole = fmt is not None and fmt in readers() and readers()[fmt].reads_directories
    if item == "-" or not path.is_dir() or whole or is_corpus_folder(path):
        return [item]
    found = walk_folder(path)
    if not found:
        raise InputError("the folder holds no transcripts", path=path,
                         fix="transcripts are found by extension: " + ", ".join(sorted(transcript_extensions())))
    return [str(f) for f in found]


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@reading_options
@click.option("--json", "as_json", is_flag=True,
              help="Print the full result as JSON: one object per conversation (one per line when several).")
@model_options
@click.option("--html", "html_out", type=click.Path(dir_okay=True, writable=True), metavar="OUT",
              help="Also write a self-contained HTML report to OUT (a folder of reports, one per "
                   "conversation, when there are several).")
@click.option("--audio", type=click.Path(exists=True), metavar="PATH",
              help="The recording of the conversation (WAV, MP3, M4A, MP4...), whose times the transcript's match: "
                   "pitch and loudness per utterance, and whether the voices move together. A folder: each "
                   "transcript's recording is the file there with the transcript's name. Needs "
                   "pip install 'rapportlens[audio]'.")
@CHANNELS_OPTION
@click.option("--audio-track", "audio_tracks", multiple=True, metavar="NAME=FILE",
              help="A speaker's own recording, when each has one made together (Zoom's separate audio file per "
                   "participant); repeat for each speaker. Instead of --audio.")
@click.option("--audio-offset", type=float, default=0.0, metavar="SECONDS",
              help="Seconds to add to the transcript's times to find them in the recording: negative when the "
                   "recording starts after the transcript's zero (trimmed, or started late), positive when it starts "
                   "before. Default 0; a warning suggests a value when the times look off.")
@click.option("--video", type=click.Path(exists=True), metavar="PATH",
              help="The video of the conversation (MP4, MOV, MKV, WebM...), whose times the transcript's match: how "
                   "much each person moves, and whether their movements go together (give --video-regions). A "
                   "folder: each transcript's video is the file there with the transcript's name. Needs "
                   "pip install 'rapportlens[video]'.")
@video_options.REGIONS
@click.option("--video-track", "video_tracks", multiple=True, metavar="NAME=FILE",
              help="A person's own video, when each was filmed apart at the same time (a camera per person, a "
                   "meeting tool's video per participant); repeat for each person. Instead of --video.")
@click.option("--video-offset", type=float, default=0.0, metavar="SECONDS",
              help="Seconds to add to the transcript's times to find them in the video, as --audio-offset.")
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings.")
def analyze(files, fmt, options, practitioners, clients, interpreters, peers, encoding, as_json, model, score_model, html_out,
            audio, audio_channels, audio_tracks, audio_offset, video, video_regions, video_tracks, video_offset,
            quiet) -> None:
    """Analyse transcripts (FILE may be a folder of transcripts, or - for standard input)."""
    opts = _parse_options(options)
    _need_audio(audio or audio_tracks, audio_channels)
    tracks = _tracks(audio_tracks, audio)
    audio = tracks or audio
    video = video_options.tracks(video_tracks, video, "--video-track", "--video", "Client=client-camera.mp4") or video
    video_options.need_video(video, video_regions)
    try:
        pipeline = default_pipeline(model_settings(model, score_model))
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    results = []
    failed = 0
    paths = []
    for item in files:
        try:
            paths += _transcripts(item, fmt)
        except RapportLensError as e:
            _fail(e)
            failed += 1
    try:
        if audio:
            check_option(audio, len(paths))
        if video:
            check_video_option(video, len(paths))
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    for path in paths:
        try:
            # A file is all or nothing: a bad line 900 must not leave 899 lines looking complete.
            convs = list(iter_read(path, fmt, encoding=encoding, practitioners=practitioners,
                                   clients=clients, options=opts, peers=peers, interpreters=interpreters))
            if audio:
                convs = attach(convs, path, audio, audio_offset, audio_channels)
                if not quiet and any("audio" in c.meta for c in convs):
                    # Measuring voices takes seconds per 10 minutes of recording: say why it waits.
                    names = [Path(p).name for p in recording_files(convs[0].meta)]
                    click.echo(f"measuring the voices in {' + '.join(names)}...", err=True)
            if video:
                convs = attach_video(convs, path, video, video_regions, video_offset)
                for conv in convs:
                    video_options.read_with_progress(conv.meta, not quiet and sys.stderr.isatty())
            results.extend(pipeline(conv) for conv in convs)
        except RapportLensError as e:
            _fail(e)
            failed += 1
    if not quiet:
        for conv in results:
            for notice in conv.notices:
                click.echo(f"warning: {notice}", err=True)
    if html_out and results:
        _write_reports(results, Path(html_out), quiet)
    if as_json:
        indent = 2 if len(results) == 1 else None
        for conv in results:
            click.echo(json.dumps(to_dict(conv), indent=indent, ensure_ascii=False))
    elif results:
        con = console()
        for n, conv in enumerate(results):
            if n:
                con.print()
            print_summary(conv, con)
    if failed:
        sys.exit(2)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-O", "out", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Folder for results.jsonl, conversations.parquet/.csv, utterances.parquet and errors.jsonl.")
@reading_options
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core) or, with --engine dask and no --scheduler, local Dask workers.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on local worker processes or on a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default with --engine dask: a local cluster).")
@model_options
@click.option("--audio", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="A folder of the conversations' recordings, each named like its transcript (session3.vtt -> "
                   "session3.m4a): pitch and loudness per utterance and voice synchrony in the tables. Needs "
                   "pip install 'rapportlens[audio]'.")
@CHANNELS_OPTION
@click.option("--video", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="A folder of the conversations' videos, each named like its transcript (session3.vtt -> "
                   "session3.mp4), all filmed alike (give --video-regions): motion per utterance and movement "
                   "synchrony in the tables. Needs pip install 'rapportlens[video]'.")
@video_options.REGIONS
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the final summary.")
def batch(inputs, out, fmt, options, practitioners, clients, interpreters, peers, encoding, jobs, engine, scheduler, model,
          score_model, audio, audio_channels, video, video_regions, quiet) -> None:
    """Analyse a corpus: INPUTS are files, folders (walked) or quoted glob patterns.

    Resumable: conversations already in DIR/results.jsonl are skipped. A file that cannot
    be read is logged in DIR/errors.jsonl and listed at the end; the others are analysed.
    """
    try:
        from .batch import ReadOptions, default_jobs, discover, make_engine, run_batch
    except ImportError as e:
        raise click.ClickException(f"batch needs the corpus extra ({e.name} is missing): "
                                   "pip install 'rapportlens[corpus]'") from None
    settings: dict = {}
    if model:
        settings["codes"] = {"model": str(Path(model).resolve())}
    if score_model:
        settings["rapport"] = settings["timeline"] = {"score_model": str(Path(score_model).resolve())}
    _need_audio(audio, audio_channels)
    video_options.need_video(video, video_regions)
    opts = ReadOptions(fmt, encoding, tuple(practitioners), tuple(clients), _parse_options(options), peers,
                       tuple(interpreters), str(Path(audio).resolve()) if audio else None, audio_channels,
                       str(Path(video).resolve()) if video else None, {n: r.label for n, r in video_regions.items()})
    try:
        paths = discover(list(inputs))
        default_pipeline(settings)  # bad settings fail here, before any worker starts
        engine_ = make_engine(engine, jobs or default_jobs(), scheduler)
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    con = console()
    with engine_, _batch_progress(con, quiet) as (on_start, advance):
        if not quiet:
            con.print(f"{len(paths)} inputs; running on {engine_.description}")
        result = run_batch(paths, Path(out), engine_, read_options=opts, settings=settings,
                           progress=advance, on_start=on_start)
    _batch_summary(con, result)
    if result.failures:
        sys.exit(2)


def _natural(path: str) -> list:
    """Sort key that puts session2 before session10."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path)]


def _read_results(path: str) -> list[dict]:
    """The results in a batch run's ``results.jsonl`` (or an ``analyze --json`` output), in order."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"not a JSON line ({e.msg})", path=path, line=n,
                                 fix="pass results.jsonl from `rapportlens batch` or the output of "
                                     "`rapportlens analyze --json` with several files (one object per line)") from None
            if not isinstance(item, dict) or "features" not in item:
                raise InputError("not an analysis result (no 'features')", path=path, line=n,
                                 fix="pass results.jsonl from `rapportlens batch`")
            out.append(item)
    if not out:
        raise InputError("no results in the file", path=path, fix="pass results.jsonl from `rapportlens batch`")
    # A batch run appends results as they finish: put them back in file and position order.
    return sorted(out, key=lambda r: (_natural(str((r.get("batch") or {}).get("source", ""))),
                                      (r.get("batch") or {}).get("position", 0)))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@reading_options
@click.option("--results", "results_path", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Read analysed sessions from a batch run's results.jsonl instead of transcripts.")
@click.option("--json", "as_json", is_flag=True, help="Print the series as one JSON object.")
@model_options
@click.option("--html", "html_out", type=click.Path(writable=True), metavar="OUT",
              help="Also write the series as a self-contained HTML page, with a chart of the scores by session. "
                   "OUT a folder (existing, or ending in /): the page as series.html and each session's report "
                   "beside it, linked from the page.")
@click.option("--audio", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="A folder of the sessions' recordings, each named like its transcript: voice synchrony by session. "
                   "Needs pip install 'rapportlens[audio]'.")
@CHANNELS_OPTION
@click.option("--video", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="A folder of the sessions' videos, each named like its transcript, all filmed alike (give "
                   "--video-regions): movement synchrony by session. Needs pip install 'rapportlens[video]'.")
@video_options.REGIONS
@click.option("--quiet", "-q", is_flag=True, help="Do not print warnings or progress.")
def trend(files, fmt, options, practitioners, clients, interpreters, peers, encoding, results_path, as_json, model, score_model,
          html_out, audio, audio_channels, video, video_regions, quiet) -> None:
    """Follow one client or practitioner over several sessions, in the order given (a folder's
    transcripts in natural name order: session2 before session10): per session the headline
    figures, then which measures rose or fell and what came back."""
    from .series import build_series
    from .series_summary import summarize_series

    if bool(files) == bool(results_path):
        raise click.UsageError("give the sessions' transcripts, or --results FILE, not both or neither")
    _need_audio(audio, audio_channels)
    video_options.need_video(video, video_regions)
    convs: list = []
    try:
        if results_path:
            results = _read_results(results_path)
        else:
            convs = _analyse_sessions(files, fmt, options, practitioners, clients, interpreters, peers, encoding,
                                      model, score_model, quiet, audio, audio_channels, video, video_regions)
            results = [to_dict(c) for c in convs]
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    series = build_series(results, order="ordered by file name, then position in the file" if results_path
                          else "in the order given, a folder's files by name")
    if html_out:
        _write_series_pages(series, convs, html_out, quiet)
    if as_json:
        click.echo(json.dumps(series.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(summarize_series(series))


@main.command()
@click.option("--practitioner", "-p", "practitioners", multiple=True, required=True, metavar="NAME",
              help="The speaker who runs the conversation (an agent, a coach; repeatable). Everyone else is a client.")
@click.option("--group", is_flag=True, help="Everyone else is a member of a group, not a client.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per utterance (JSON Lines), for a program.")
@click.option("--recent", type=click.IntRange(min=2), default=20, show_default=True, metavar="N",
              help="Utterances the recent scores read.")
def live(practitioners, group, as_json, recent) -> None:
    """Analyse a conversation as it happens: read `Name: text` lines, or JSON objects with
    speaker, text and optionally start and end, from standard input (as a program writes them,
    or `tail -f` of a transcript) and print, after each, its codes, any risk at once, ruptures
    as they begin and are repaired, and the recent rapport score."""
    from .live import LiveSession

    session = LiveSession(list(practitioners), group=group, recent=recent)
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        said = _live_input(line)
        if said is None:
            click.echo(f"warning: line {n}: not 'Name: text' nor a JSON object with speaker and text, left out: "
                       f"{line.strip()[:60]!r}", err=True)
            continue
        try:
            update = session.add(**said)
        except (RapportLensError, TypeError, ValueError) as e:
            click.echo(f"warning: line {n}: {e}", err=True)
            continue
        click.echo(json.dumps(update.to_dict(), ensure_ascii=False) if as_json else _live_line(update))


def _live_input(line: str) -> dict | None:
    """One utterance from a line: `Name: text`, or a JSON object with `speaker` and `text` (and
    optionally `start` and `end` in seconds), as a program writes it."""
    line = line.strip()
    if line.startswith("{"):
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            return None
        if not isinstance(item, dict) or not isinstance(item.get("speaker"), str) or not isinstance(item.get("text"), str):
            return None
        return {k: item[k] for k in ("speaker", "text", "start", "end") if item.get(k) is not None}
    name, sep, text = line.partition(":")
    if not sep or not name.strip() or not text.strip() or len(name) > 60:
        return None
    return {"speaker": name, "text": text}


def _live_line(update) -> str:
    """One utterance's update: its codes and the recent score, then any risk and ruptures under it."""
    out = []
    for r in update.risk:
        sure = "RISK, model unsure" if r.get("unsure") else "!! RISK, needs human review"
        out.append(f"  {sure}: {r['label']} ({r['source']}): \"{r['evidence']}\"")
    for r in update.ruptures:
        out.append(f"  rupture ({r['kind']}) repaired here" if r["repair"] and r["repair"]["utterance"] == update.utterance
                   else f"  rupture ({r['kind']}) begins")
    for n in update.nudges:
        out.append(f"  > {n['pitfall'].replace('_', ' ')}: {n['reason']}"
                   + (f"; try: {n['try']} (\"{n['example']}\")" if n["try"] else ""))
    codes = ", ".join(c["code"] for c in update.codes) or "-"
    rec = update.recent["overall"]
    head = (f"[{update.utterance}] {update.speaker}: {codes} | recent {'-' if rec is None else f'{rec:.0f}'}"
            f" (utterances {update.recent['start']}-{update.recent['end']})")
    return "\n".join([head, *out])


def _write_series_pages(series, convs: list, html_out: str, quiet: bool) -> None:
    """The series page at ``html_out``; in a folder (existing, or named with a final /), as
    series.html with each analysed session's report beside it, linked from the page."""
    from .report import report_filename, write_html
    from .report.series import write_series_html

    out = Path(html_out)
    links: dict[int, str] = {}
    if out.is_dir() or html_out.endswith(("/", "\\")):
        out.mkdir(parents=True, exist_ok=True)
        for point, conv in zip(series.sessions, convs):
            name = f"{point.number:02d}-{report_filename(conv)}.html"
            write_html(conv, out / name)
            links[point.number] = name
        out = out / "series.html"
        if not convs and not quiet:
            click.echo("note: sessions read from --results have no reports to link; analyse the transcripts for them",
                       err=True)
    try:
        write_series_html(series, out, links)
    except OSError as e:
        raise click.ClickException(f"cannot write {out}: {e.strerror}. Choose another path with --html.")
    if not quiet:
        click.echo(f"series page: {out}" + (f" (with {len(links)} session reports beside it)" if links else ""), err=True)


def _analyse_sessions(files, fmt, options, practitioners, clients, interpreters, peers, encoding, model, score_model,
                      quiet, audio=None, audio_channels=(), video=None, video_regions=None) -> list:
    """Every session in ``files`` analysed; a file that fails stops the series, since a series
    with a session missing would show a trend that is not there."""
    pipeline = default_pipeline(model_settings(model, score_model))
    paths = []
    for item in files:
        paths += sorted(_transcripts(item, fmt), key=_natural) if Path(item).is_dir() else [item]
    results = []
    with _progress(len(paths), "analysing sessions", not quiet) as bar:
        for path in paths:
            convs = list(iter_read(path, fmt, encoding=encoding, practitioners=practitioners, clients=clients,
                                   options=_parse_options(options), peers=peers, interpreters=interpreters))
            if audio:
                convs = attach(convs, path, audio, channels=audio_channels)
            if video:
                convs = attach_video(convs, path, video, video_regions)
            for conv in convs:
                conv = pipeline(conv)
                results.append(conv)
                if not quiet:
                    for notice in conv.notices:
                        click.echo(f"warning: {notice}", err=True)
            bar.update(1)
    return results


@contextmanager
def _batch_progress(con, quiet: bool):
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if quiet:
        yield (lambda *a: None), (lambda *a: None)
        return
    columns = (TextColumn("analysing"), BarColumn(), TextColumn("{task.fields[convs]}"),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    started = time.perf_counter()
    with Progress(*columns, console=con) as bar:
        # The bar moves by bytes of transcript (no extra pass over the corpus; the ETA holds).
        task = bar.add_task("batch", total=None, rate="", convs="")
        count = {"convs": 0, "files": 0}

        def on_start(files: int, size: int) -> None:
            count["files"] = files
            bar.update(task, total=max(size, 1), convs=f"0 conversations from {files} files")

        def advance(conversations: int, size: float) -> None:
            count["convs"] += conversations
            rate = count["convs"] / max(time.perf_counter() - started, 1e-9)
            bar.update(task, advance=size, rate=f"{rate:,.1f} conv/s",
                       convs=f"{count['convs']} conversations from {count['files']} files")

        yield on_start, advance


def _batch_summary(con, result) -> None:
    con.print(f"analysed {result.analysed} conversations ({result.utterances:,} utterances) in "
              f"{result.seconds:.1f} s, {result.throughput:,.0f} utterances/s")
    if result.skipped:
        con.print(f"skipped {result.skipped} conversations done in an earlier run")
    con.print(f"tables: {result.tables.get('conversations', 0)} conversations, "
              f"{result.tables.get('utterances', 0):,} utterances in {result.out}")
    if result.failures:
        con.print(f"{len(result.failures)} failed (also in {result.out / 'errors.jsonl'}):")
        for f in result.failures:
            where = f.source + (f" [{f.conversation}]" if f.conversation else "")
            con.print(f"  {where}: {f.error}", markup=False, highlight=False)


def _write_reports(results: list, out: Path, quiet: bool) -> None:
    from .report import (  # matplotlib loads only when a report is asked for
        render_index,
        report_filename,
        write_html,
    )

    if len(results) == 1 and not out.is_dir():
        targets = [(results[0], out)]
    else:
        out.mkdir(parents=True, exist_ok=True)
        # Two conversations with one id (session.txt in two folders) must not share a report.
        taken: dict[str, int] = {}
        targets = []
        for conv in results:
            name = report_filename(conv)
            taken[name] = taken.get(name, 0) + 1
            targets.append((conv, out / (f"{name}.html" if taken[name] == 1 else f"{name}-{taken[name]}.html")))
    for conv, path in targets:
        try:
            write_html(conv, path)
        except OSError as e:
            raise click.ClickException(f"cannot write the report {path}: {e.strerror}. Choose another path with --html.")
        if not quiet:
            click.echo(f"report: {path}", err=True)
    if len(targets) > 1:
        index = out / "index.html"
        index.write_text(render_index(targets, out), encoding="utf-8")
        if not quiet:
            click.echo(f"index of the reports: {index}", err=True)


@main.command()
@click.argument("video", type=click.Path(exists=True, dir_okay=False))
@video_options.REGIONS
@click.option("--at", "seconds", type=click.FloatRange(min=0), default=60.0, show_default=True, metavar="SECONDS",
              help="Which moment of the video to show.")
@click.option("--out", "-o", "out", required=True, type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Image to write (PNG; another extension matplotlib knows, such as .jpg or .pdf, for that format).")
def frame(video, video_regions, seconds, out) -> None:
    """Save one frame of VIDEO with the --video-regions drawn on it, to check them before an
    analysis with --video. The image is written to FILE only."""
    from .video.preview import draw, frame_at

    if not video_regions:
        raise click.UsageError("give --video-regions, e.g. 'Therapist=left,Client=right', to draw them")
    try:
        written = draw(frame_at(video, seconds), video_regions, out)
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    click.echo(f"wrote {written}", err=True)


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


def _progress(total: int, label: str, show: bool):
    return click.progressbar(length=total, label=label, file=sys.stderr, show_eta=True,
                             show_pos=True) if show else _NoBar()


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


@main.command("eval")
@click.option("--dataset", "-d", "dataset_name", required=True,
              type=click.Choice(["annomi", "esconv", "epitome", "coded"]), help="Which dataset's labels to score against.")
@click.option("--data", required=True, type=click.Path(exists=True), metavar="PATH",
              help="The dataset's folder (or file), unchanged from its release.")
@click.option("--model", "-m", "model", type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="Model folder from `rapportlens train` (default: the shipped model).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per task, one per line.")
def eval_command(dataset_name, data, model, as_json) -> None:
    """Score the coding model against a labelled dataset: accuracy, macro-F1, per class, confusion."""
    from . import datasets
    from .coding.coder import load_model
    from .evaluation import evaluate
    from .report_eval import format_evaluation

    try:
        ds = datasets.load(dataset_name, data)
        coding_model = load_model(model)
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    n = sum(1 for e in ds.examples if e.labels)
    with _progress(n, f"coding {n} utterances", sys.stderr.isatty()) as bar:
        results = evaluate(ds, coding_model, progress=bar.update)
    if not results:
        _fail(RapportLensError(f"model {coding_model.card.id} can score none of {dataset_name}'s tasks"))
        sys.exit(2)
    for r in results:
        click.echo(json.dumps(r.to_dict(), ensure_ascii=False) if as_json else format_evaluation(r))
    if as_json and results[0].trained_on:  # the text tables say it under each task
        click.echo(f"warning: {data}: {results[0].in_sample_warning()}", err=True)


def _datasets_own(key: str) -> str:
    """The datasets' own defaults for a training setting, as "name: value; ..."."""
    from .training.settings import DATASET_DEFAULTS

    return "; ".join(f"{name}: {d[key]}" for name, d in DATASET_DEFAULTS.items() if key in d)


def _default_help(key: str, default: str | None = None) -> str:
    from .training.settings import DEFAULTS

    own = _datasets_own(key)
    return f"default: {DEFAULTS[key] if default is None else default}" + (f"; {own}" if own else "")


@main.command()
@click.option("--dataset", "-d", "dataset_name", required=True,
              type=click.Choice(["annomi", "esconv", "epitome", "coded"]),
              help="Dataset layout; `coded` is your own transcripts with a code per utterance.")
@click.option("--data", required=True, type=click.Path(exists=True), metavar="PATH", help="The labelled data.")
@click.option("--out", required=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Folder to write the model to (model.onnx, tokenizer.json, card.json).")
@click.option("--cv", type=click.IntRange(0, 20), default=0, show_default=True,
              help="First run K-fold cross-validation split by conversation, and record it in the model card.")
@click.option("--epochs", type=click.IntRange(1, 50), default=None,
              help=f"Passes over the training data ({_default_help('epochs')}).")
@click.option("--max-length", type=click.IntRange(32, 512), default=None,
              help=f"Tokens the model reads per utterance, context included ({_default_help('max_length')}).")
@click.option("--context-chars", type=click.IntRange(0, 2000), default=None,
              help=f"Characters of earlier talk the model reads before the utterance ({_default_help('context_chars')}).")
@click.option("--practitioner-context-chars", type=click.IntRange(0, 2000), default=None,
              help="Characters of earlier talk the encoder reads before a practitioner's utterance, where that "
                   "should differ from --context-chars (0: their own words only, fewer tokens to run; "
                   "default: the same as --context-chars).")
@click.option("--freeze", type=click.IntRange(0, 6), default=None,
              help=f"Lowest encoder layers kept as pretrained, of 6; fewer train slower ({_default_help('freeze')}).")
@click.option("--pooling", type=click.Choice(POOLINGS), default=None,
              help="What the heads read: every token (mean), the utterance's own tokens (target), "
                   f"or both ({_default_help('pooling')}).")
@click.option("--name", default=None, help="Model name recorded in the card (default: DATASET-minilm).")
@click.option("--fp32", is_flag=True, help="Keep full-precision weights (4x larger) instead of int8.")
@click.option("--keep-folds", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="With --cv, keep each fold's model in DIR/fold-N (to score sessions out of fold).")
@click.option("--lexical/--no-lexical", default=True, show_default=True,
              help="Also fit a word and character n-gram model and combine it with the encoder (docs/accuracy.md).")
@click.option("--second-view", type=click.IntRange(0, 2000), default=None, metavar="CHARS",
              help="Also train a second encoder that reads CHARS characters of earlier talk (0: the utterance "
                   "alone) and average the two; twice the training and coding time "
                   f"({_default_help('second_view', 'none')}).")
@click.option("--one-view", is_flag=True, help="Train one encoder only, also where the dataset's default is two.")
@click.option("--lexical-weight", type=click.FloatRange(0, 1), default=None, metavar="W",
              help="How much the lexical model weighs against the encoder in every head, without --cv (with --cv "
                   f"each head chooses its own out of fold; {_default_help('lexical_weight', '0.5, 0.25 with two views')}).")
def train(dataset_name, data, out, cv, epochs, max_length, context_chars, practitioner_context_chars, freeze,
          pooling, name, fp32, keep_folds, lexical, second_view, one_view, lexical_weight) -> None:
    """Fine-tune the coding model on labelled data (needs `pip install 'rapportlens[train]'`)."""
    from pathlib import Path

    if one_view and second_view is not None:
        _fail(RapportLensError("--one-view and --second-view contradict each other; give one of them"))
        sys.exit(2)
    from . import datasets
    from .training import require_training_stack

    try:
        require_training_stack()
        ds = datasets.load(dataset_name, data)
    except RapportLensError as e:
        _fail(e)
        sys.exit(2)
    from .report_eval import format_cv
    from .training.run import train as run_training

    n = sum(1 for e in ds.examples if e.labels)
    click.echo(f"{ds.name}: {n} labelled utterances in {len(ds.groups())} conversations; "
               f"tasks: {', '.join(t.name for t in ds.tasks)}", err=True)
    if keep_folds and not cv:
        _fail(RapportLensError("--keep-folds needs --cv K"))
        sys.exit(2)
    if lexical_weight is not None and (cv or not lexical):
        _fail(RapportLensError("--lexical-weight is for a model trained without --cv and with its lexical model: "
                               "with --cv each head chooses its weight out of fold; drop one of the options"))
        sys.exit(2)

    chosen = {k: v for k, v in (("epochs", epochs), ("max_length", max_length), ("context_chars", context_chars),
                                ("practitioner_context_chars", practitioner_context_chars), ("freeze", freeze),
                                ("pooling", pooling), ("second_view", second_view),
                                ("lexical_weight", lexical_weight)) if v is not None}
    if one_view:
        chosen["second_view"] = None
    card = run_training(ds, Path(out), name=name or f"{dataset_name}-minilm", cv=cv,
                        quantize=not fp32, keep_folds=Path(keep_folds) if keep_folds else None,
                        lexical=lexical, **chosen)
    if cv:
        click.echo(format_cv(card["cross_validation"], {t.name: t.published for t in ds.tasks if t.published is not None}))
    click.echo(f"model written to {out}; use it with: rapportlens analyze FILE --model {out}")
    if not cv:  # scoring it on this same data would only say how well it remembers it
        click.echo(f"its accuracy is not measured yet: score it on conversations it never saw (rapportlens eval "
                   f"--dataset {dataset_name} --data OTHER --model {out}), or train again with --cv 5")


@main.command("codebook")
@click.option("--markdown", is_flag=True, help="Print the reference page docs/codebook.md.")
@click.option("--json", "as_json", is_flag=True, help="Print the codebook as JSON.")
def codebook_command(markdown: bool, as_json: bool) -> None:
    """List the behaviour codes: meaning, speaker, how each is detected, examples."""
    from dataclasses import asdict

    from .coding.codebook import codebook, codebook_markdown

    if markdown:
        click.echo(codebook_markdown(), nl=False)
        return
    book = codebook()
    if as_json:
        click.echo(json.dumps({k: asdict(v) for k, v in book.items()}, indent=2))
        return
    for c in book.values():
        click.echo(f"{c.code:<22} {c.speaker:<13} {c.detection:<12} {c.label}")
        click.echo(textwrap.fill(c.definition, 78, initial_indent="    ", subsequent_indent="    "))


# The web app's commands live with it; registered here so `rapportlens --help` lists them.
from .web.commands import serve, users

main.add_command(serve)
main.add_command(users)
