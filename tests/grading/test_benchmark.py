"""The grading benchmark runs end to end on a tiny cohort and prints its figures.

Timings are not asserted (they are the benchmark's to print); what is checked is that
it grades with both plain nbgrader and civicai-grade, prints wall and CPU time and a
ratio for both stages, and finds the grades identical.
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_benchmark_compares_with_plain_nbgrader_and_prints_figures():
    completed = subprocess.run(
        [sys.executable, "tools/benchmark_grading.py", "--only", "light", "--learners", "4",
         "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    for stage in ("plain nbgrader, autograde", "plain nbgrader, whole cycle",
                  "civicai-grade, 2 workers, autograde", "civicai-grade, 2 workers, whole cycle"):
        row = next((line for line in out.splitlines() if stage in line), "")
        assert re.search(r"wall +\d+\.\d s .*CPU +\d+\.\d s", row), f"{stage}: {row!r}"
    assert len(re.findall(r"ratio +\d+\.\d\dx +grades identical", out)) == 2, out
    assert "All grades identical to plain nbgrader." in out
