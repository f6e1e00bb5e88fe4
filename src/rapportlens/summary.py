"""A short, readable text summary of one analysed conversation (fits 80 columns)."""

from __future__ import annotations

import textwrap

from .model import Conversation, fmt_seconds


def _num(value: float | None, fmt: str = "{:.1f}", none: str = "-") -> str:
    return none if value is None else fmt.format(value)


def summarize(conv: Conversation) -> str:
    f = conv.features
    lines = [f"{conv.id}  ({conv.format}, {conv.source})"]
    if "risk" in f:
        lines += _risk_section(conv)
    timed = f.get("timing.duration")
    length = f"{f['talk.utterance_count']} utterances, {f['talk.turn_count']} turns"
    if timed is not None:
        length += f", {fmt_seconds(timed)[:8]} long"
    lines.append(f"  {length}")
    lines.append("")
    header = f"  {'speaker':<20} {'role':<13} {'share':>6} {'utts':>5} {'turns':>5} {'w/turn':>6} {'?':>4}"
    has_latency = any(v is not None for v in f["timing.mean_latency"].values())
    if has_latency:
        header += f" {'latency':>7}"
    lines.append(header)
    for s in conv.speakers:
        n = s.name
        role = (s.role.value if s.role else "?") + ("*" if s.role_inferred else "")
        row = (
            f"  {n[:20]:<20} {role:<13} {f['talk.share'][n]:>6.0%} {f['talk.utterances'][n]:>5} "
            f"{f['talk.turns'][n]:>5} {f['talk.mean_turn_words'][n]:>6.1f} "
            f"{f['questions.utterances'][n]:>4}"
        )
        if has_latency:
            row += f" {_num(f['timing.mean_latency'][n], '{:.2f}s'):>7}"
        lines.append(row)
    if any(s.role_inferred for s in conv.speakers):
        lines.append("  * role inferred; set it with --practitioner NAME")
    lines.append("")
    words = f["monologue.longest_words"]
    if words:
        idx = f["monologue.longest_utterances"]
        span = f"utterance {idx[0]}" if len(idx) == 1 else f"utterances {idx[0]}-{idx[-1]}"
        lines.append(f"  longest monologue: {f['monologue.longest_speaker']}, {words} words ({span})")
    if timed is not None and f["timing.timed_share"] > 0:
        lines.append(
            f"  overlaps: {f['timing.overlap_count']}; mean response latency: "
            f"{_num(f['timing.mean_latency_all'], '{:.2f} s')}"
        )
    if "scores" in f:
        lines += ["", *_scores_section(conv)]
    if "codes" in f:
        lines += ["", *_codes_section(conv)]
    if "ruptures" in f:
        lines += ["", *_ruptures_section(conv)]
    if "recommendations" in f:
        lines += ["", *_feedback_section(conv)]
    return "\n".join(lines)


def _wrap(text: str, indent: str = "  ", more: str = "    ") -> list[str]:
    return textwrap.wrap(text, 78, initial_indent=indent, subsequent_indent=more, break_on_hyphens=False)


def _risk_section(conv: Conversation) -> list[str]:
    flags = conv.features["risk"]
    if not flags:
        return ["  risk: no risk language found (this is not a risk assessment)"]
    lines = [f"  !! RISK: {len(flags)} utterance(s) need human review"]
    for r in flags:
        lines += _wrap(f"utterance {r['utterance']} ({r['speaker']}): {r['label']}: \"{r['evidence']}\"", "     ", "       ")
    return lines


def _bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "-" * width
    filled = round(value / 100 * width)
    return "#" * filled + "." * (width - filled)


def _scores_section(conv: Conversation) -> list[str]:
    s = conv.features["scores"]
    lines = [f"  rapport {s['overall']:5.0f}/100  {_bar(s['overall'])}  (score model {s['model']})"]
    for name, value in s["dimensions"].items():
        shown = "  -" if value is None else f"{value:3.0f}"
        lines.append(f"    {name.replace('_', ' '):<20} {shown}  {_bar(value)}")
    return lines


def _ruptures_section(conv: Conversation) -> list[str]:
    ruptures = conv.features["ruptures"]
    if not ruptures:
        return ["  ruptures: none found"]
    lines = [f"  ruptures: {len(ruptures)}"]
    for r in ruptures:
        span = r["utterances"]
        where = f"utterance {span[0]}" if len(span) == 1 else f"utterances {span[0]}-{span[-1]}"
        if r["repair"]:
            after = f"repair at {r['repair']['utterance']} ({', '.join(r['repair']['codes'])})"
        else:
            after = "no repair"
        back = f"engagement back at {r['recovery']}" if r["recovered"] else "engagement not back"
        lines += _wrap(f"{r['kind']} at {where} ({', '.join(r['signals'])}); {after}; {back}", "    ", "      ")
    return lines


def _feedback_section(conv: Conversation) -> list[str]:
    f = conv.features
    lines = []
    for p in f["pitfalls"]:
        lines += _wrap(f"pitfall: {p['pitfall'].replace('_', ' ')}: {p['reason']}")
    state = f["client_state"]["state"]
    if state != "none":
        lines += _wrap(f"client state: {state.replace('_', ' ')}")
    recs = f["recommendations"][:3]
    if recs:
        lines.append("  try next:")
        for r in recs:
            lines += _wrap(f"- {r['title']}: \"{r['example']}\"", "    ", "      ")
    return lines


MI_ROWS = (
    ("reflection_to_question", "reflections per question", "{:.2f}", "1.0 fair, 2.0 good"),
    ("percent_complex_reflections", "complex reflections", "{:.0f}%", "40% fair, 50% good"),
    ("percent_open_questions", "open questions", "{:.0f}%", "50% fair, 70% good"),
)


def _codes_section(conv: Conversation) -> list[str]:
    f = conv.features
    counts = f["codes.counts"]
    lines = ["  behaviour codes (utterances):"]
    items = [f"{code} {n}" for code, n in counts.items()]
    row = "   "
    for item in items:
        if len(row) + len(item) + 2 > 78:
            lines.append(row.rstrip(","))
            row = "   "
        row += f" {item},"
    if items:
        lines.append(row.rstrip(","))
    mi = f["mi.counts"]
    lines += ["", f"  motivational interviewing ({mi['reflections']} reflections, {mi['questions']} questions):"]
    levels = f["mi.levels"]
    for key, label, fmt, ref in MI_ROWS:
        value = f[f"mi.{key}"]
        shown = _num(value, fmt)
        level = f"  {levels[key]}" if key in levels else ""
        lines.append(f"    {label:<25} {shown:>5}{level:<12} (MITI {ref})")
    model = next((p["settings"] for p in conv.provenance if p["name"] == "codes"), {})
    if model:
        lines += textwrap.wrap(f"codes: model {model['model']} + rules (accuracy: docs/accuracy.md)", 78,
                               initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False)
    return lines
