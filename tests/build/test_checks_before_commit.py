"""The checks editors run before committing (pre-commit) and the git host runs on every change
(.github/workflows/site.yml). The host cannot be reached from here: the files must parse, and
every command they run must work here, run the same way."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from sphub.data.reader import read_yaml
from sphub.outputs import pdf
from tests.conftest import ROOT

BIN = Path(sys.executable).parent  # the project's .venv/bin


def _yaml(path: Path) -> dict:
    value, problems = read_yaml(path.name, path.read_bytes())
    assert problems == [], problems
    return value.value


def _run(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True)


def test_yamllint_accepts_the_data_files_and_the_project_yaml():
    result = _run(f"{BIN}/yamllint -c .yamllint .")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_yamllint_catches_a_layout_mistake(tmp_path):
    bad = tmp_path / "members.yml"
    bad.write_text("members:\n  - id: x\n    name: X\n   kind: other\n")
    result = _run(f"{BIN}/yamllint -c .yamllint {bad}")
    assert result.returncode == 1 and "4:" in result.stdout


def test_pre_commit_hooks_run_commands_that_work_here():
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {h["id"] for h in hooks} == {"sphub-fmt", "yamllint", "sphub-validate", "sphub-schemas"}
    yaml_files = subprocess.run(
        ["git", "ls-files", "*.yml", "*.yaml", ".yamllint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for hook in hooks:
        entry = shlex.split(hook["entry"])
        if hook["language"] == "python":  # pre-commit installs it from PyPI in its own venv
            assert f"{entry[0]}=={_pinned(entry[0])}" in hook["additional_dependencies"]
            entry[0] = str(BIN / entry[0])
        args = entry + ([] if hook.get("pass_filenames") is False else yaml_files)
        result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, (hook["id"], result.stdout, result.stderr)


def test_pre_commit_data_check_fails_on_bad_data(data_copy):
    path = data_copy / "events.yml"
    path.write_text(path.read_text().replace("start: 2012-02-20", "start: 20 Feb 2012"))
    result = subprocess.run(
        [str(BIN / "sphub"), "validate", "--data", str(data_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert (
        "events.yml:" in result.stderr
        and "start: expected a date (YYYY-MM-DD), got '20 Feb 2012'" in result.stderr
    )


def test_workflow_parses_and_its_commands_work_here(built_site):
    workflow = _yaml(ROOT / ".github" / "workflows" / "site.yml")
    assert set(workflow["on"]) >= {"push", "pull_request"}
    check = workflow["jobs"]["check"]
    assert check["steps"][0]["with"]["fetch-depth"] == 0  # last-changed dates need history
    runs = [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]
    assert runs[-1] == "make test"
    for command in runs[:-1]:
        if command.startswith("sudo "):  # sets up the runner (system packages), not here
            continue
        if command == "make site":  # run once per test run (`built_site`): its result here
            assert (built_site / "index.html").is_file()
            assert (built_site / pdf.GUIDE).is_file()  # the PDF guide
            continue
        result = _run(command)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    # `make test` is the command running this test: running it here would recurse. Check
    # that make knows it and that it runs the suite.
    result = _run("make -n test")
    assert result.returncode == 0 and "-m pytest" in result.stdout
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "check" and "refs/heads/main" in publish["if"]


def _pinned(package: str) -> str:
    text = (ROOT / "pyproject.toml").read_text()
    return text.split(f'"{package}==', 1)[1].split('"', 1)[0]


LAYOUT_MISTAKES = {
    "CRLF line endings": lambda text: text.replace("\n", "\r\n"),
    "trailing spaces": lambda text: text.replace("    acronym: PMN\n", "    acronym: PMN   \n"),
    "a space before a colon": lambda text: text.replace(
        "    acronym: PMN\n", "    acronym : PMN\n"
    ),
    "spaces inside brackets": lambda text: text.replace("years: [", "years: [ "),
    "no final newline": lambda text: text.rstrip("\n"),
}


def test_make_validate_and_yamllint_agree_on_layout_mistakes(tmp_path):
    """What yamllint refuses in pre-commit and CI, `sphub validate` refuses too, at the same
    line; and `sphub fmt` mends the mistakes it can (all but brackets here)."""
    (tmp_path / ".yamllint").write_text((ROOT / ".yamllint").read_text())
    shipped = (ROOT / "data" / "members.yml").read_text()
    for mistake, make in LAYOUT_MISTAKES.items():
        data = tmp_path / "data"
        if data.exists():
            subprocess.run(["rm", "-rf", str(data)], check=True)
        subprocess.run(["cp", "-r", str(ROOT / "data"), str(data)], check=True)
        (data / "members.yml").write_bytes(make(shipped).encode())
        lint = subprocess.run(
            [str(BIN / "yamllint"), "-f", "parsable", "-c", ".yamllint", "data/members.yml"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        check = subprocess.run(
            [str(BIN / "sphub"), "validate"], cwd=tmp_path, capture_output=True, text=True
        )
        assert lint.returncode == 1 and check.returncode == 1, mistake
        lint_lines = {line.split(":")[1] for line in lint.stdout.splitlines() if "[error]" in line}
        check_lines = {
            line.split(":")[1] for line in check.stderr.splitlines() if "(yamllint:" in line
        }
        assert lint_lines == check_lines, (mistake, lint.stdout, check.stderr)
        if mistake != "spaces inside brackets":
            fmt = subprocess.run(
                [str(BIN / "sphub"), "fmt"], cwd=tmp_path, capture_output=True, text=True
            )
            assert fmt.returncode == 0, (mistake, fmt.stdout, fmt.stderr)
            assert "data/members.yml: mended" in fmt.stdout
            assert (data / "members.yml").read_bytes() == shipped.encode(), mistake
