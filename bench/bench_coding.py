"""Coding speed: utterances per second of the shipped model, against the raw encoder.

In one run and on the same utterances it times
  1. the raw encoder: the ONNX session alone on already-tokenised batches, every utterance
     with the card's ``context_chars`` of context and onnxruntime's default threading (the
     baseline), and as the coder runs it (one utterance per run, its own input),
  2. the model: tokenising + encoder + heads (``CodingModel.predict``),
  3. the coder: model + rules layer + engagement model + mapping to codes (``Coder.code``),
  4. the whole default pipeline (reading excluded), and the same with risk patterns only,
  5. risk on the client turns: patterns alone, and patterns + the risk model.
Run: `python bench/bench_coding.py [--utterances N] [--data ANNOMI_FOLDER] [--repeat R] [--model DIR]
[--reference DIR]`; ``--reference`` adds the coder with another model folder to the same run.
Without --data the corpus is made from the codebook's examples (written by the project).
"""

from __future__ import annotations

import argparse
import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import onnxruntime as ort
from timing import best_and_median

from rapportlens import Conversation
from rapportlens.coding.codebook import codebook
from rapportlens.coding.coder import Coder, load_model
from rapportlens.coding.engagement import load_engagement
from rapportlens.coding.inputs import conversation_items
from rapportlens.coding.onnx_model import BATCH_SIZE, encode, graph
from rapportlens.coding.repair_model import load_repair
from rapportlens.coding.runtime import runtime_info
from rapportlens.coding.shared_weights import add_shared_weights
from rapportlens.model import Role
from rapportlens.pipeline import default_pipeline
from rapportlens.rapport import risk as risk_module
from rapportlens.rapport.risk import assess_many, risk_model

RAW_BATCH = 8  # the baseline's batch size: what the coder ran before one utterance per run


def cold(fn):
    """``fn`` with the risk-pattern cache emptied first: each timed run reads its texts anew,
    as one analysis of a session does (the cache only spares analyzers asking twice)."""
    def run():
        risk_module._pattern_flags.cache_clear()
        return fn()
    return run


def synthetic(n: int) -> list[Conversation]:
    book = codebook().values()
    therapist = itertools.cycle([e for c in book if c.speaker != "client" for e in c.examples])
    client = itertools.cycle([e for c in book if c.speaker == "client" for e in c.examples])
    pairs = [("Therapist", next(therapist)) if i % 2 == 0 else ("Client", next(client)) for i in range(n)]
    roles = {"Therapist": Role.PRACTITIONER, "Client": Role.CLIENT}
    return [Conversation.from_pairs(pairs[i:i + 100], roles=roles, id=f"s{i}") for i in range(0, n, 100)]


def annomi(path: str, n: int) -> list[Conversation]:
    import rapportlens
    from rapportlens.datasets.annomi import FILES
    from rapportlens.datasets.base import find_files

    convs = []
    # The folder `rapportlens eval --data` takes works here too; AnnoMI-full.csv comes first.
    for conv in rapportlens.read(find_files(Path(path), FILES, "AnnoMI")[0], format="annomi"):
        convs.append(conv)
        if sum(len(c) for c in convs) >= n:
            break
    return convs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--utterances", type=int, default=2000)
    ap.add_argument("--data", help="AnnoMI folder (or one of its CSV files) to take real utterances from")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", help="model folder to time (default: the shipped model)")
    ap.add_argument("--reference", metavar="DIR",
                    help="also time the coder with this model folder in the same run (an earlier build, say)")
    args = ap.parse_args()
    convs = annomi(args.data, args.utterances) if args.data else synthetic(args.utterances)
    items = [i for c in convs for i in conversation_items(c)]
    n = len(items)
    model = load_model(args.model)
    # As the codes analyzer runs it: the engagement model reads the clients' turns too.
    coder = Coder(model, load_engagement(), load_repair())
    whole_only = Coder(model, coder.engagement, coder.repair, sentence_min=None)  # as before codes.v14
    if args.reference:
        reference = load_model(args.reference)
        reference_coder = Coder(reference, load_engagement(), load_repair())
    # The pipelines code with the model being timed, not always the shipped one.
    codes = {"model": str(model.directory)}
    pipeline = default_pipeline({"codes": codes})
    order = sorted(range(n), key=lambda i: len(items[i].text) + len(items[i].context))

    def batched(size: int, practitioner_context_chars: int | None) -> list[dict]:
        return [encode(model.tokenizer, [items[i] for i in order[s:s + size]], model.card.context_chars,
                       practitioner_context_chars)
                for s in range(0, n, size)]

    # The baseline reads every utterance with the card's context_chars, so a model that
    # reads less before practitioners' utterances shows that saving against it.
    batches = batched(RAW_BATCH, None)
    singles = batched(BATCH_SIZE, model.card.practitioner_context_chars)
    names = [o.name for o in model.session.get_outputs()]
    client = [i.text for i in items if i.role == Role.CLIENT]
    risk_model()  # loaded before timing, as the coding model is
    patterns_only = default_pipeline({"codes": codes, "risk": {"use_model": False}})

    # The baseline is the encoder as onnxruntime runs it out of the box (its own threads
    # inside each batch, batches one after another); the coder runs one thread per run and
    # several runs at once (onnx_model.CodingModel), timed alone in the next row.
    plain_opts = ort.SessionOptions()
    shared = add_shared_weights(plain_opts, model.card.info, model.directory)
    plain = ort.InferenceSession(graph(model.graph_file), plain_opts, providers=["CPUExecutionProvider"])

    def raw() -> None:
        assert shared is not None  # the shared word embeddings stay alive while the session runs
        for feed in batches:
            plain.run(names, feed)

    def raw_concurrent() -> None:
        with ThreadPoolExecutor(model.workers) as pool:
            list(pool.map(lambda feed: model.session.run(names, feed), singles))

    rows = [
        (f"raw encoder (ONNX session only, batches of {RAW_BATCH}, onnxruntime's default threads)",
         best_and_median(raw, args.repeat)[1]),
        (f"raw encoder as the coder runs it ({BATCH_SIZE} per run, {model.workers} runs at once, 1 thread each)",
         best_and_median(raw_concurrent, args.repeat)[1]),
        ("model: tokenise + encoder + heads", best_and_median(lambda: model.predict(items), args.repeat)[1]),
        ("coder: model + rules + engagement and repair models + codes", best_and_median(cold(lambda: coder.code(items)), args.repeat)[1]),
        ("coder without reading sentences on their own (as before codes.v14)",
         best_and_median(cold(lambda: whole_only.code(items)), args.repeat)[1]),
        *([(f"coder with the reference model {reference.card.id}",
            best_and_median(cold(lambda: reference_coder.code(items)), args.repeat)[1])] if args.reference else []),
        ("default pipeline (all analyzers)",
         best_and_median(cold(lambda: [pipeline(c.with_speakers(c.speakers)) for c in convs]), args.repeat)[1]),
        ("default pipeline, risk by patterns only",
         best_and_median(cold(lambda: [patterns_only(c.with_speakers(c.speakers)) for c in convs]), args.repeat)[1]),
    ]
    risk_rows = [
        ("risk: patterns only", best_and_median(cold(lambda: assess_many(client, use_model=False)), args.repeat)[1]),
        ("risk: patterns + risk model", best_and_median(cold(lambda: assess_many(client)), args.repeat)[1]),
    ]
    tokens, read = (sum(int(b["attention_mask"].sum()) for b in bs) for bs in (batches, singles))
    print(f"{n} utterances ({'AnnoMI' if args.data else 'codebook examples'}), {tokens / n:.0f} tokens each "
          f"on average with context ({read / n:.0f} as the model reads them); model {model.card.id}; "
          f"median of {args.repeat}; {', '.join(f'{k} {v}' for k, v in runtime_info().items())}\n")
    print("| stage | seconds | utterances/s | time vs raw encoder |")
    print("|---|---|---|---|")
    base = rows[0][1]
    for label, t in rows:
        print(f"| {label} | {t:.2f} | {n / t:,.0f} | {t / base:.2f}x |")
    print(f"\nRisk on the {len(client)} client turns:\n")
    print("| stage | seconds | client turns/s | time vs patterns only |")
    print("|---|---|---|---|")
    for label, t in risk_rows:
        print(f"| {label} | {t:.2f} | {len(client) / t:,.0f} | {t / risk_rows[0][1]:.2f}x |")


if __name__ == "__main__":
    main()
