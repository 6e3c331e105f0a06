"""The code passes ruff's default rules (pyflakes and pycodestyle errors): among them an
unused import, an undefined name, or a function defined twice, which a merge can leave."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "sphub", "hooks", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
