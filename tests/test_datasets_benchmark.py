"""The dataset benchmark runs and prints a size and a load time per file (timings are not asserted)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_prints_rows_bytes_and_load_time_per_dataset():
    completed = subprocess.run([sys.executable, "tools/benchmark_datasets.py", "faq", "draft_lottery_1970"],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    for name, rows in (("faq", 67), ("draft_lottery_1970", 366)):
        line = next(line for line in completed.stdout.splitlines() if line.startswith(name + " "))
        fields = line.split()
        assert int(fields[1].replace(",", "")) == rows
        assert int(fields[2].replace(",", "")) == (ROOT / "datasets" / f"{name}.csv").stat().st_size
        seconds, ratio = float(fields[3]), float(fields[4])
        assert seconds > 0 and abs(ratio - seconds / 1.0) < 0.01
    assert re.search(r"All of datasets/: [\d,]+ bytes = \d\.\d\d of the 25 MB target", completed.stdout)
