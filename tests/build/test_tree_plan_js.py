"""The browser applies the same rule as sphub: docs/assets/javascripts/tree-plan.js, run with
Node.js, gives the plan `sphub.data.tree.Rule` gives on every distinct path of the shipped tree
(every plan the tree can give)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sphub.data.load import load_site
from sphub.data.tree import Rule, distinct_paths, rule_data

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs/assets/javascripts/tree-plan.js"
RUNNER = """
const { plan } = require(process.argv[2]);
const { rule, paths } = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = paths.map((answers) => {
  const p = plan(rule, answers);
  return p && p.steps.map((s) => [s.id, s.stage, s.after]);
});
process.stdout.write(JSON.stringify(out));
"""


def test_the_browser_and_sphub_give_the_same_plan_on_every_path(tmp_path):
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js is missing: .ci/run installs it (apt-get install nodejs)")
        pytest.skip("Node.js is not installed")
    site = load_site(ROOT / "data")
    questions, steps = list(site.tree.values()), list(site.steps.values())
    rule = Rule(questions, steps)
    answers = [{q: list(o) for q, o in a.items()} for a in distinct_paths(questions, steps)]
    expected = [
        [[p.step.id, p.stage, [a.id for a in p.after]] for p in rule.plan(a).steps] for a in answers
    ]
    runner = tmp_path / "run.js"
    runner.write_text(RUNNER)
    done = subprocess.run(
        [node, str(runner), str(SCRIPT)],
        input=json.dumps({"rule": rule_data(questions, steps), "paths": answers}),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    got = json.loads(done.stdout)
    assert len(got) == len(expected) > 1000
    assert got == expected
