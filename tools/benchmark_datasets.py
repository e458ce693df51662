"""Size and load time of every course dataset, against the course's targets.

Each dataset is loaded with `civicai.data.load` (reading the CSV and typing
every column) several times in this process; the best time is reported, as
a learner's notebook pays it once per load. The baseline is the course's
target: each file loads in under a second, and all of datasets/ holds at most
25 MB; the ratio columns say how much of each target a file uses.

    python tools/benchmark_datasets.py [NAME ...]     (default: every dataset)
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from civicai.data import DATASETS_DIR, catalog, load

TARGET_SECONDS = 1.0
TARGET_FOLDER_BYTES = 25 * 2**20
REPEATS = 3


def best_load_seconds(name: str) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        load(name)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main(arguments: list[str]) -> int:
    names = arguments or catalog().names
    print(f"Machine: {os.cpu_count()} cores; baseline = the course target of {TARGET_SECONDS:g} s per load "
          f"and {TARGET_FOLDER_BYTES / 2**20:g} MB for all of datasets/ (best of {REPEATS} loads)")
    print(f"{'dataset':22} {'rows':>8} {'bytes':>11} {'seconds':>8} {'x target':>8}")
    worst = 0.0
    for name in names:
        entry = catalog()[name]
        size = (DATASETS_DIR / entry["file"]).stat().st_size
        seconds = best_load_seconds(name)
        worst = max(worst, seconds / TARGET_SECONDS)
        print(f"{name:22} {entry['rows']:>8,} {size:>11,} {seconds:8.3f} {seconds / TARGET_SECONDS:8.2f}", flush=True)
    folder = sum(path.stat().st_size for path in Path(DATASETS_DIR).iterdir() if path.is_file())
    print(f"All of datasets/: {folder:,} bytes = {folder / TARGET_FOLDER_BYTES:.2f} of the 25 MB target.")
    print(f"Slowest load uses {worst:.2f} of its target (1.00 = at the limit).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
