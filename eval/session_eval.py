"""How often the rupture finder marks a written session as a reader would: each session in
``eval/sessions/SET/`` is a transcript the project wrote (``Name: text`` lines), and the
set's ``key.csv`` says where its ruptures start and which practitioner turn repairs them.

    python eval/session_eval.py eval/sessions            # every set
    python eval/session_eval.py eval/sessions/set55 --show   # one set, with each session's output

``key.csv`` has one row per expected rupture (a session without one has a single row with
``rupture`` "none"): ``session`` (the transcript's file name without its extension: any
format ``rapportlens analyze`` reads but CSV), ``practitioner`` (the practitioner's
name; several separated by ";"), ``rupture`` (the 0-based utterance where it starts; where a
reader could take either of two turns, both, separated by ";"), ``repair`` (the utterance
of the repair attempt, alternatives separated by ";", or "none"), ``note``.

A session is right when the finder reports exactly as many ruptures as the key, each one
taking in one of its key row's utterances, with the key's repair utterance (or none). Sets
are written before the build that first reads them, so a set's first run is the honest
figure; after its misses are fixed it becomes a regression check.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

import rapportlens
from rapportlens import assign_roles


@dataclass(frozen=True)
class Expected:
    starts: frozenset[int]
    repair: frozenset[int]  # empty: no repair


def _indices(value: str, where: str) -> frozenset[int]:
    value = value.strip()
    if value.lower() == "none":
        return frozenset()
    try:
        return frozenset(int(v) for v in value.split(";"))
    except ValueError:
        raise SystemExit(f"{where}: expected 'none' or utterance numbers separated by ';', got {value!r}") from None


def read_key(path: Path) -> tuple[dict[str, list[Expected]], dict[str, list[str]]]:
    expected: dict[str, list[Expected]] = {}
    practitioners: dict[str, list[str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{path}:{line}"
            name = (row.get("session") or "").strip()
            if not name or not (row.get("practitioner") or "").strip():
                raise SystemExit(f"{where}: session and practitioner must not be empty")
            practitioners[name] = [p.strip() for p in row["practitioner"].split(";")]
            starts = _indices(row.get("rupture") or "", where)
            expected.setdefault(name, [])
            if starts:
                expected[name].append(Expected(starts, _indices(row.get("repair") or "none", where)))
    return expected, practitioners


def matched(found: list[dict], want: list[Expected]) -> list[tuple[Expected, dict]] | None:
    """Each key row with the rupture found for it (one that takes in one of its utterances),
    or None when the finder reported another number of ruptures or missed a row."""
    if len(found) != len(want):
        return None
    left, pairs = list(found), []
    for exp in want:
        match = next((r for r in left if exp.starts & set(r["utterances"])), None)
        if match is None:
            return None
        left.remove(match)
        pairs.append((exp, match))
    return pairs


def judge(found: list[dict], want: list[Expected]) -> bool:
    pairs = matched(found, want)
    if pairs is None:
        return False
    for exp, match in pairs:
        got = match["repair"]["utterance"] if match["repair"] else None
        if (got is None) != (not exp.repair) or (got is not None and got not in exp.repair):
            return False
    return True


def describe(conv, found: list[dict]) -> str:
    lines = []
    for u, coded in zip(conv.utterances, conv.features["codes"], strict=True):
        codes = ", ".join(f"{c['code']} {c['confidence']:.2f}" for c in coded[:4])
        lines.append(f"  {u.index:>3} {u.speaker}: {u.text}   [{codes}]")
    for r in found:
        rep = r["repair"]["utterance"] if r["repair"] else None
        lines.append(f"  -> rupture {r['utterances']} {r['kind']} {r['signals']} repair {rep} repaired {r['repaired']}")
    return "\n".join(lines)


def run_set(folder: Path, show: bool) -> tuple[int, int, int, int]:
    key = folder / "key.csv"
    if not key.exists():
        raise SystemExit(f"{folder}: no key.csv (see this script's docstring for its columns)")
    expected, practitioners = read_key(key)
    right = total = rep_right = rep_total = 0
    for name in sorted(expected):
        files = [p for p in folder.glob(f"{name}.*") if p.suffix != ".csv"]
        if len(files) != 1:
            raise SystemExit(f"{key}: session {name!r} needs exactly one transcript file named {name}.txt, .vtt, .srt..."
                             f" in {folder} (found {len(files)})")
        path = files[0]
        conv = assign_roles(rapportlens.read(path)[0], practitioners=practitioners[name])
        conv = rapportlens.analyze(conv)
        found = conv.features["ruptures"]
        ok = judge(found, expected[name])
        repaired = any(e.repair for e in expected[name])
        total += 1
        right += ok
        rep_total += repaired
        rep_right += ok and repaired
        if show or not ok:
            print(f"{folder.name}/{name}: {'right' if ok else 'WRONG'}"
                  f" (key: {[(sorted(e.starts), sorted(e.repair)) for e in expected[name]]})")
            print(describe(conv, found))
    return right, total, rep_right, rep_total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="a set folder, or a folder of set folders")
    ap.add_argument("--show", action="store_true", help="print every session with its codes, not only the wrong ones")
    args = ap.parse_args()
    sets = [args.path] if (args.path / "key.csv").exists() else sorted(p for p in args.path.iterdir() if p.is_dir())
    if not sets:
        raise SystemExit(f"{args.path}: no set folders with a key.csv")
    grand = [0, 0, 0, 0]
    for folder in sets:
        res = run_set(folder, args.show)
        grand = [a + b for a, b in zip(grand, res, strict=True)]
        print(f"{folder.name}: {res[0]} / {res[1]} right; repaired ruptures {res[2]} / {res[3]}")
    if len(sets) > 1:
        print(f"all: {grand[0]} / {grand[1]} right; repaired ruptures {grand[2]} / {grand[3]}")


if __name__ == "__main__":
    main()
