"""The idle preview's row of `make bench`: the CPU that `sphub serve` uses while nothing is
edited, read from /proc over a window once the preview has built every language (target:
under 1% of one core). Self-contained: `measure` runs it, `row` words it for the report;
`python -m benchmarks.idle PROJECT` runs this row alone."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TARGET = 1.0  # percent of one core
TICKS = os.sysconf("SC_CLK_TCK")  # /proc counts CPU time in these


@dataclass(frozen=True)
class IdleCpu:
    """CPU used by the preview's process over `window` seconds with no edit."""

    cpu_seconds: float
    window: float

    @property
    def percent(self) -> float:
        return 100 * self.cpu_seconds / self.window


def _cpu_seconds(pid: int) -> float:
    """User and system time of process `pid` and of its children that ended (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    return (utime + stime + cutime + cstime) / TICKS


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except OSError:
        return False


def measure(project: Path, log: Path, window: float = 30.0, env: dict | None = None) -> IdleCpu:
    """Start `sphub serve` on `project`, wait until it has built every language (and a
    few seconds more for the browsers' reload), then read its CPU time over `window`."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "sphub.cli", "serve", "--config-file"]
    command += [str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
    codes = sorted(p.name for p in (project / "data" / "translations").glob("*") if p.is_dir())
    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=output, cwd=project, env=env)
        try:
            deadline = time.monotonic() + 900
            base = f"http://127.0.0.1:{port}/"
            while not all(_serves(f"{base}{code}/") for code in ["", *codes]):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"sphub serve did not start:\n{log.read_text()}")
                time.sleep(0.5)
            time.sleep(5)  # the rebuild and reload that follow the last language
            before, start = _cpu_seconds(server.pid), time.monotonic()
            time.sleep(window)
            after, end = _cpu_seconds(server.pid), time.monotonic()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return IdleCpu(after - before, end - start)


def row(idle: IdleCpu | None) -> tuple[str, str, bool | None]:
    """The report's row: (target, measured, met)."""
    target = f"An idle preview (`sphub serve`, no edit) uses under {TARGET:g}% of a core"
    if idle is None:
        return target, "not measured in this run", None
    measured = f"{idle.percent:.2f}% ({idle.cpu_seconds:.2f} s of CPU in {idle.window:.0f} s)"
    return target, measured, idle.percent < TARGET


if __name__ == "__main__":
    folder = Path(sys.argv[1]).absolute()
    idle = measure(folder, folder / "idle-serve.log")
    print(" | ".join(str(v) for v in row(idle)))
