"""The notebook benchmark runs and prints a figure per notebook (timings are not asserted)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_prints_time_and_memory_per_notebook():
    notebook = ROOT / "course" / "00-start-here" / "start-here.ipynb"
    completed = subprocess.run([sys.executable, "tools/benchmark_notebooks.py", str(notebook)],
                               cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    row = next(line for line in completed.stdout.splitlines()
               if line.startswith("course/00-start-here/start-here.ipynb"))
    seconds, time_ratio, megabytes, memory_ratio = map(float, row.split()[1:5])
    assert seconds > 0 and megabytes > 10  # a real kernel ran and was measured
    assert abs(time_ratio - seconds / 15) < 0.01 and abs(memory_ratio - megabytes / 1024) < 0.01
    assert "FAILED" not in row
    assert re.search(r"Worst notebook uses \d+\.\d\d of its target", completed.stdout)
