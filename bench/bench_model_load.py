"""How long opening the shipped MiniLM models takes (coding, risk, the engagement check),
each in a fresh interpreter, since the shared word-embedding table is read once per process.

    python bench/bench_model_load.py --repeat 3

The shipped graphs are gzipped and the shared table compressed (``coding/shared_weights.py``),
so opening them unpacks about 30 MB in memory; this measures what that costs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

MODELS = ("annomi-minilm", "risk-minilm", "engagement-minilm")
CHILD = """
import time
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.coding.shared_weights import shared_dir
start = time.perf_counter()
for name in {models!r}:
    CodingModel(shared_dir().parent / name)
print(time.perf_counter() - start)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    times = [float(subprocess.run([sys.executable, "-c", CHILD.format(models=MODELS)], check=True,
                                  capture_output=True, text=True).stdout) for _ in range(args.repeat)]
    print(f"opening {', '.join(MODELS)}: median {statistics.median(times):.2f} s over {args.repeat} fresh processes "
          f"({', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
