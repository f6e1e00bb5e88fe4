"""How often role inference picks the practitioner when the speakers' names say nothing:
each conversation's speakers are renamed "Speaker A", "Speaker B"... and their roles inferred
again (docs/formats.md, "Roles").

    python eval/role_inference.py ../shared/data/annomi/AnnoMI-simple.csv ../shared/data/esconv/esconv_hf.jsonl
"""

from __future__ import annotations

import sys

from rapportlens import Conversation, Role, read
from rapportlens.roles import assign_roles


def check(path: str, fmt: str | None = None) -> None:
    right = n = 0
    wrong = []
    for conv in read(path, fmt):
        truth = {s.name: s.role for s in conv.speakers}
        alias = {name: f"Speaker {chr(65+i)}" for i, name in enumerate(conv.speaker_names)}
        anon = Conversation.from_pairs([(alias[u.speaker], u.text) for u in conv.utterances])
        got = {s.name: s.role for s in assign_roles(anon).speakers}
        prac = [k for k, r in truth.items() if r == Role.PRACTITIONER]
        ok = all(got[alias[p]] == Role.PRACTITIONER for p in prac)
        right += ok
        n += 1
        if not ok:
            wrong.append(conv.id)
    print(f"{path}: practitioner found in {right} of {n} ({right / n:.3f}); first misses: {', '.join(wrong[:8])}")


if __name__ == "__main__":
    for arg in sys.argv[1:] or sys.exit(__doc__):
        check(arg)
