"""When each data file last changed, from git: the date a data page shows as "last changed".

One `git log` per data file (not per page). On a shallow clone the oldest commit present
stands for all the history cut off before it, so a file whose last change is that commit
may have changed earlier: the page then says it cannot tell rather than show a wrong date.
Outside a git repository (a downloaded archive) it says so too."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """What is known of a file's last change: its day, or why it is not known."""

    day: date | None = None
    unknown: str = ""  # why the day is not known
    uncommitted: bool = False  # the file has changes not committed yet (a preview)


def _git(project: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(project), *args], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    # Not stripped: `git status --porcelain` lines start with meaningful spaces.
    return done.stdout if done.returncode == 0 else None


def last_changes(project: Path, files: list[str]) -> dict[str, Change]:
    """`files` (paths relative to `project`, like data/members.yml) -> their last change."""
    shallow = (_git(project, "rev-parse", "--is-shallow-repository") or "").strip() or None
    if shallow is None:
        return {f: Change(unknown="this copy of the site has no git history") for f in files}
    boundary: set[str] = set()
    if shallow == "true":
        shallow_file = Path((_git(project, "rev-parse", "--git-path", "shallow") or "").strip())
        if not shallow_file.is_absolute():
            shallow_file = project / shallow_file
        if shallow_file.is_file():
            boundary = set(shallow_file.read_text().split())
    status = _git(project, "status", "--porcelain", "--", *files) or ""
    dirty = {line[3:].strip() for line in status.splitlines()}
    prefix = (_git(project, "rev-parse", "--show-prefix") or "").strip()  # project inside the repo
    changes = {}
    for name in files:
        uncommitted = (prefix + name) in dirty
        found = (_git(project, "log", "-1", "--format=%H %as", "--", name) or "").strip()
        if not found:
            changes[name] = Change(
                unknown="the file has never been committed", uncommitted=uncommitted
            )
            continue
        commit, day = found.split()
        if commit in boundary:
            changes[name] = Change(
                unknown="the history of this copy is cut short (a shallow clone)",
                uncommitted=uncommitted,
            )
        else:
            changes[name] = Change(day=date.fromisoformat(day), uncommitted=uncommitted)
    return changes
