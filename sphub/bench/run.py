"""Run the benchmark (`make bench`, i.e. `python -m sphub.bench`) and write docs/performance.md.

For each scale: generate data, write the plain baseline project, build both with MkDocs
alternately (each figure the median of the runs), read the built sites, time `load_site`
alone, and at scale S time a data edit under `mkdocs serve` until the page has changed."""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from sphub.bench.baseline import write_plain_project
from sphub.bench.generate import write as write_data
from sphub.render.urls import url_of

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "hooks"]
BUILD_EPOCH = "1767225600"  # 2026-01-01: the same past/upcoming split in every run
# SPHUB_PDF=0: the builds compare HTML with plain MkDocs; the PDF is measured on its own.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1", "SPHUB_PDF": "0"}
SERVE_OPTIONS = ["--livereload", "--dirty", "--no-strict"]  # as `make serve`
# The edit under `mkdocs serve`: the first member's source (members-00000) gets a suffix.
EDITED_VALUE = "Synthetic benchmark data"


@dataclass
class Scale:
    """The figures of one scale; lists hold one value per run."""

    name: str
    sphub_seconds: list[float] = field(default_factory=list)
    plain_seconds: list[float] = field(default_factory=list)
    sphub_cpu: list[float] = field(default_factory=list)
    plain_cpu: list[float] = field(default_factory=list)
    sphub_rss_kb: list[int] = field(default_factory=list)
    plain_rss_kb: list[int] = field(default_factory=list)
    validation_seconds: list[float] = field(default_factory=list)
    yaml_seconds: list[float] = field(default_factory=list)
    preview_seconds: list[float] = field(default_factory=list)
    site: dict = field(default_factory=dict)
    plain_site: dict = field(default_factory=dict)
    content_bytes: int = 0
    entries: dict = field(default_factory=dict)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed_build(project: Path, out: Path, log: Path) -> tuple[float, float, int]:
    """Build `project` into `out` in a child process; returns wall seconds, CPU seconds (user
    and system) and peak RSS (kB), read with wait4 so each build is measured alone. CPU time
    is shown too because other work on a shared machine stretches wall time."""
    if out.exists():
        shutil.rmtree(out)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    with log.open("w") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=output, stderr=output, env=ENV, cwd=project)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"build of {project} failed:\n{log.read_text()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def site_figures(site: Path, generated: list[str]) -> dict:
    """Sizes read from a built site: every file, the HTML pages, the generated pages."""
    html = {p: p.stat().st_size for p in site.rglob("*.html")}
    pages = [site / url_of(src, True) / "index.html" for src in generated]
    return {
        "pages": len(html),
        "bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_median": median(list(html.values())),
        "html_max": max(html.values()),
        "generated_median": median([html[p] for p in pages]),
        "search_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


_VALIDATION = """
import gc, sys, time
from pathlib import Path
from sphub.data.load import load_site
from sphub.data.reader import read_yaml
start = time.perf_counter()
load_site(sys.argv[1])
total = time.perf_counter() - start
gc.disable()  # as load_site does
start = time.perf_counter()
for path in sorted(Path(sys.argv[1]).glob("*.yml")):
    read_yaml(path.name, path.read_bytes())
print(total, time.perf_counter() - start)
"""


def validation_time(data: Path) -> tuple[float, float]:
    """`load_site` alone, in a fresh process, imports not counted; and the part of it spent
    reading YAML (parsing and line map), timed again on its own."""
    result = subprocess.run(
        [sys.executable, "-c", _VALIDATION, str(data)],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    total, yaml_part = result.stdout.split()
    return float(total), float(yaml_part)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def preview_times(project: Path, runs: int, log: Path) -> list[float]:
    """Seconds from saving members.yml to `mkdocs serve` serving the changed member page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/members/members-00000/"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        *SERVE_OPTIONS,
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(project / "mkdocs.yml"),
    ]
    members = project / "data" / "members.yml"
    original = members.read_text(encoding="utf-8")
    times = []
    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=output, env=ENV, cwd=project)
        try:
            deadline = time.monotonic() + 900
            while fetch(url) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"mkdocs serve did not start:\n{log.read_text()}")
                time.sleep(0.2)
            for run in range(runs):
                marker = f"{EDITED_VALUE} (edit {run + 1})"
                time.sleep(1)  # let the watcher settle after the previous build
                edited = original.replace(f"source: {EDITED_VALUE}", f"source: {marker}", 1)
                members.write_text(edited, encoding="utf-8")
                start = time.perf_counter()
                while marker not in (fetch(url) or ""):
                    if time.perf_counter() - start > 600:
                        raise SystemExit(f"the edit never reached the page:\n{log.read_text()}")
                    time.sleep(0.05)  # a browser asks once; polling must not slow the server
                times.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=30)
            members.write_text(original, encoding="utf-8")
    return times


def run_scale(name: str, runs: int, preview_runs: int, work: Path, seed: int) -> Scale:
    result = Scale(name)
    base = work / name
    if base.exists():
        shutil.rmtree(base)
    project, plain = base / "sphub", base / "plain"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy
        copy(ROOT / part, project / part)
    result.entries = write_data(project / "data", name, seed)
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    generated = write_plain_project(project, plain)
    result.content_bytes = sum(p.stat().st_size for p in (plain / "docs").rglob("*.md"))
    for run in range(runs):
        print(f"  {name} run {run + 1}/{runs}: sphub build", end="", flush=True)
        seconds, cpu, rss = timed_build(project, base / "site-sphub", base / "sphub.log")
        result.sphub_seconds.append(seconds)
        result.sphub_cpu.append(cpu)
        result.sphub_rss_kb.append(rss)
        print(f" {seconds:.1f} s ({cpu:.1f} s CPU); plain build", end="", flush=True)
        seconds, cpu, rss = timed_build(plain, base / "site-plain", base / "plain.log")
        result.plain_seconds.append(seconds)
        result.plain_cpu.append(cpu)
        result.plain_rss_kb.append(rss)
        print(f" {seconds:.1f} s ({cpu:.1f} s CPU)", flush=True)
        total, yaml_part = validation_time(project / "data")
        result.validation_seconds.append(total)
        result.yaml_seconds.append(yaml_part)
    result.site = site_figures(base / "site-sphub", generated)
    result.plain_site = site_figures(base / "site-plain", generated)
    if preview_runs:
        print(f"  {name}: preview under mkdocs serve", flush=True)
        result.preview_seconds = preview_times(project, preview_runs, base / "serve.log")
    return result
