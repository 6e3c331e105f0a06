"""Build the site atomically: MkDocs writes into a fresh folder next to `site/`, and that
folder takes the place of `site/` only once the whole build has succeeded. A bad data file, a
broken template or an interrupted build leaves the previous `site/` exactly as it was."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class BuildFailed(Exception):
    """MkDocs did not finish the build; its own output says why."""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2), so that a server reading `site/` never
    finds it missing. False where the system or the file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_in(new: Path, site_dir: Path) -> None:
    """Put the finished build `new` in place of `site_dir`; `new` then holds the old site,
    if there was one, for the caller to remove."""
    if not site_dir.exists():
        new.rename(site_dir)
    elif not _exchange(new, site_dir):
        old = new.with_name(new.name + "-old")
        site_dir.rename(old)
        new.rename(site_dir)
        old.rename(new)


def build(config_file: Path, site_dir: Path, quiet: bool = True) -> None:
    """Run `mkdocs build --strict` for `config_file` into a temporary folder beside
    `site_dir`, then swap it in.

    Raises:
        BuildFailed: when MkDocs fails; `site_dir` is untouched.
    """
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside site/, so the final move is a rename on the same file system, never a copy.
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
               str(config_file), "--site-dir", str(work / "site")]
    # Not `--quiet`: MkDocs then drops warnings before `--strict` counts them, and a build
    # with broken links passes. Quiet here means MkDocs' output is shown only on failure.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"} if quiet else None  # Material's banner
    output = subprocess.PIPE if quiet else None
    process = subprocess.Popen(command, cwd=config_file.parent, env=env, stdout=output,
                               stderr=subprocess.STDOUT if quiet else None, text=True)
    try:
        log, _ = process.communicate()
        if process.returncode != 0:
            if log:
                print(log, end="", file=sys.stderr)
            raise BuildFailed(f"mkdocs build failed (exit code {process.returncode})")
        # On success, only sphub's own progress lines (the PDFs), not MkDocs' log.
        for line in (log or "").splitlines():
            if line.strip() and not re.match(r"(INFO|WARNING|DEBUG)\s+-", line):
                print(line)
        swap_in(work / "site", site_dir)
    finally:
        # Reached on failure, on success (removing the old site) and on an interrupt
        # (Ctrl-C, or SIGTERM, which the command handles like Ctrl-C): never a half site.
        if process.poll() is None:
            process.terminate()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)
