"""Run the benchmark (`make bench`, i.e. `python -m benchmarks`) and write docs/performance.md.

For each scale: generate data, write the plain baseline project, build the site with
`sphub build` and the baseline with plain `mkdocs build` alternately (each figure the median
of the runs), at S also with each engine (`sphub build --engine`), read the built sites, time
`load_site` alone, and at S time a data edit under `sphub serve` until the page has changed.
Then, on the shipped data, `sphub build` with the PDFs: cache cold, cache warm, and no PDF."""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import idle
from benchmarks.baseline import write_plain_project
from benchmarks.idle import IdleCpu
from sphub.engines import registry
from benchmarks.generate import write as write_data
from sphub.render.urls import url_of

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides"]
ENGINES = tuple(registry.ENGINES)
BUILD_EPOCH = "1767225600"  # 2026-01-01: the same past/upcoming split in every run
# SPHUB_PDF=0: the builds compare HTML with plain MkDocs; the PDF is measured on its own.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1", "SPHUB_PDF": "0"}
# The edit under `sphub serve`: the first member's source (members-00000) gets a suffix.
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
    idle_preview: IdleCpu | None = None  # benchmarks.idle
    # engine -> wall seconds of `sphub build --engine` at S, one per run (mkdocs: sphub_seconds)
    engine_seconds: dict[str, list[float]] = field(default_factory=dict)
    engine_cpu: dict[str, list[float]] = field(default_factory=dict)
    site: dict = field(default_factory=dict)
    plain_site: dict = field(default_factory=dict)
    content_bytes: int = 0
    entries: dict = field(default_factory=dict)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def sphub_command(project: Path, out: Path, engine: str = "mkdocs") -> list[str]:
    return [
        sys.executable,
        "-m",
        "sphub.cli",
        "build",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(out),
        "--engine",
        engine,
    ]


def plain_command(project: Path, out: Path) -> list[str]:
    return [
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


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall
    cpu: float  # user and system, the process and the processes it waited for
    rss_kb: int  # the largest peak RSS among them
    output: str


def timed_build(
    command: list[str], cwd: Path, out: Path, log: Path, env: dict[str, str] | None = None
) -> Timed:
    """Run the build `command` (into `out`, removed first) in a child process; returns wall
    seconds, CPU seconds (user and system) and peak RSS (kB), read with wait4 so each build is
    measured alone (with the engine's process that `sphub build` starts and waits for). CPU
    time is shown too because other work on a shared machine stretches wall time."""
    if out.exists():
        shutil.rmtree(out)
    with log.open("w") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=output, stderr=output, env=env or ENV, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text()
    if child.returncode:
        raise SystemExit(f"build {' '.join(command)} failed:\n{text}")
    return Timed(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, text)


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
    """Seconds from saving members.yml to `sphub serve` serving the changed member page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/members/members-00000/"
    command = [
        sys.executable,
        "-m",
        "sphub.cli",
        "serve",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--dev-addr",
        f"127.0.0.1:{port}",
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
                    raise SystemExit(f"sphub serve did not start:\n{log.read_text()}")
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


def copy_project(project: Path, data: Path | None = None) -> None:
    """A sphub project in `project`: the site's own files, and `data` (else none yet)."""
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy
        copy(ROOT / part, project / part)
    if data is not None:
        shutil.copytree(data, project / "data")


def run_scale(
    name: str, runs: int, preview_runs: int, work: Path, seed: int, engines: bool = False
) -> Scale:
    """The figures of scale `name`; with `engines`, also a build with each other engine in
    every run (alternating with the others, so a busier minute hits all of them alike)."""
    result = Scale(name)
    base = work.absolute() / name
    if base.exists():
        shutil.rmtree(base)
    project, plain = base / "sphub", base / "plain"
    copy_project(project)
    result.entries = write_data(project / "data", name, seed)
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    generated = write_plain_project(project, plain)
    result.content_bytes = sum(p.stat().st_size for p in (plain / "docs").rglob("*.md"))
    others = [e for e in ENGINES if e != "mkdocs"] if engines else []
    for run in range(runs):
        print(f"  {name} run {run + 1}/{runs}: sphub build", end="", flush=True)
        t = timed_build(
            sphub_command(project, base / "site-sphub"),
            project,
            base / "site-sphub",
            base / "sphub.log",
        )
        result.sphub_seconds.append(t.seconds)
        result.sphub_cpu.append(t.cpu)
        result.sphub_rss_kb.append(t.rss_kb)
        print(f" {t.seconds:.1f} s ({t.cpu:.1f} s CPU); plain build", end="", flush=True)
        t = timed_build(
            plain_command(plain, base / "site-plain"),
            plain,
            base / "site-plain",
            base / "plain.log",
        )
        result.plain_seconds.append(t.seconds)
        result.plain_cpu.append(t.cpu)
        result.plain_rss_kb.append(t.rss_kb)
        print(f" {t.seconds:.1f} s ({t.cpu:.1f} s CPU)", end="", flush=True)
        for engine in others:
            out = base / f"site-{engine}"
            t = timed_build(
                sphub_command(project, out, engine), project, out, base / f"{engine}.log"
            )
            result.engine_seconds.setdefault(engine, []).append(t.seconds)
            result.engine_cpu.setdefault(engine, []).append(t.cpu)
            print(f"; {engine} {t.seconds:.1f} s ({t.cpu:.1f} s CPU)", end="", flush=True)
            shutil.rmtree(out)
        print(flush=True)
        total, yaml_part = validation_time(project / "data")
        result.validation_seconds.append(total)
        result.yaml_seconds.append(yaml_part)
    if others:
        result.engine_seconds["mkdocs"] = result.sphub_seconds
        result.engine_cpu["mkdocs"] = result.sphub_cpu
    result.site = site_figures(base / "site-sphub", generated)
    result.plain_site = site_figures(base / "site-plain", generated)
    if preview_runs:
        print(f"  {name}: preview under sphub serve", flush=True)
        result.preview_seconds = preview_times(project, preview_runs, base / "serve.log")
        print(f"  {name}: an idle preview's CPU", flush=True)
        result.idle_preview = idle.measure(project, base / "idle-serve.log", env=ENV)
    return result


@dataclass
class PdfBuilds:
    """`sphub build` of the shipped project with the PDFs: the disk cache emptied first
    (cold), kept from the build before (warm), and without the PDFs (SPHUB_PDF=0); wall and
    CPU seconds per run, and the guide's rendering seconds each cold build printed."""

    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    none: list[float] = field(default_factory=list)
    cold_cpu: list[float] = field(default_factory=list)
    warm_cpu: list[float] = field(default_factory=list)
    none_cpu: list[float] = field(default_factory=list)
    rendered: list[float] = field(default_factory=list)  # seconds, every PDF of a cold build
    warm_rendered_none: bool = True  # no warm build rendered a PDF
    pages: int = 0
    parallel: bool = True  # a second core was free: PDFs beside the engine


_PDF_LINE = re.compile(r"^PDF (\S+): (\d+) pages, .*?, (?:rendered in ([\d.]+) s|unchanged)", re.M)


def pdf_lines(output: str) -> list[tuple[str, int, float | None]]:
    """(path, pages, rendering seconds or None when unchanged) of each PDF a build printed."""
    return [(m[1], int(m[2]), float(m[3]) if m[3] else None) for m in _PDF_LINE.finditer(output)]


def pdf_builds(runs: int, work: Path) -> PdfBuilds:
    """Full builds of the shipped site with the PDFs, cold then warm then none, `runs` times."""
    result = PdfBuilds(parallel=len(os.sched_getaffinity(0)) > 1)
    base = work.absolute() / "pdf"
    if base.exists():
        shutil.rmtree(base)
    project = base / "sphub"
    copy_project(project, ROOT / "data")
    cache = project / ".cache" / "sphub" / "pdf"
    with_pdf = {**ENV, "SPHUB_PDF": "1"}
    out = base / "site"
    for run in range(runs):
        print(f"  PDF run {run + 1}/{runs}: cold", end="", flush=True)
        shutil.rmtree(cache, ignore_errors=True)
        t = timed_build(sphub_command(project, out), project, out, base / "cold.log", with_pdf)
        lines = pdf_lines(t.output)
        if not lines or any(seconds is None for _, _, seconds in lines):
            raise SystemExit(f"a cold build did not render every PDF:\n{t.output}")
        result.cold.append(t.seconds)
        result.cold_cpu.append(t.cpu)
        result.rendered.append(sum(seconds for _, _, seconds in lines))
        result.pages = sum(pages for _, pages, _ in lines)
        print(
            f" {t.seconds:.1f} s (PDFs rendered in {result.rendered[-1]:.1f} s); warm",
            end="",
            flush=True,
        )
        t = timed_build(sphub_command(project, out), project, out, base / "warm.log", with_pdf)
        lines = pdf_lines(t.output)
        if not lines:
            raise SystemExit(f"a warm build wrote no PDF:\n{t.output}")
        result.warm_rendered_none &= all(seconds is None for _, _, seconds in lines)
        result.warm.append(t.seconds)
        result.warm_cpu.append(t.cpu)
        print(f" {t.seconds:.1f} s; no PDF", end="", flush=True)
        t = timed_build(sphub_command(project, out), project, out, base / "none.log")
        result.none.append(t.seconds)
        result.none_cpu.append(t.cpu)
        print(f" {t.seconds:.1f} s", flush=True)
    return result


@dataclass
class LanguageBuilds:
    """`sphub build` (SPHUB_PDF=0) of the shipped project in all its languages, and of the
    same project with English alone (its data/translations/ removed); wall and CPU seconds
    per run."""

    languages: int = 0
    every: list[float] = field(default_factory=list)
    one: list[float] = field(default_factory=list)
    every_cpu: list[float] = field(default_factory=list)
    one_cpu: list[float] = field(default_factory=list)


def language_builds(runs: int, work: Path) -> LanguageBuilds:
    """The shipped site built in every language and in English alone, in turn, `runs` times."""
    from sphub.data.translations import languages

    result = LanguageBuilds(languages=len(languages(ROOT / "data")))
    base = work.absolute() / "languages"
    if base.exists():
        shutil.rmtree(base)
    every, one = base / "every", base / "one"
    copy_project(every, ROOT / "data")
    copy_project(one, ROOT / "data")
    shutil.rmtree(one / "data" / "translations", ignore_errors=True)
    for run in range(runs):
        print(f"  languages run {run + 1}/{runs}: {result.languages}", end="", flush=True)
        t = timed_build(
            sphub_command(every, base / "site"), every, base / "site", base / "every.log"
        )
        result.every.append(t.seconds)
        result.every_cpu.append(t.cpu)
        print(f" {t.seconds:.1f} s; English alone", end="", flush=True)
        t = timed_build(sphub_command(one, base / "site"), one, base / "site", base / "one.log")
        result.one.append(t.seconds)
        result.one_cpu.append(t.cpu)
        print(f" {t.seconds:.1f} s", flush=True)
    return result
