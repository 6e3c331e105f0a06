"""How soon an editor's save reaches the open pages, in each language, at the shipped size:
`sphub serve` on a copy of the shipped project, a data file saved (as the editor's save
writes it), and the time until the page shows the new text.

- its language: a French translation saved (data/translations/fr/tools.yml), until the
  French tool page shows it; an English text saved (data/tools.yml), until the English page
  does. Target: at most 1.5 s.
- every language: a text every language shows as written (a member's name, data/members.yml),
  until the English, French and Spanish pages all show it. Target: at most 3 s.

Self-contained (`python -m benchmarks.editing` runs it alone); `make bench` adds its rows."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.run import ENV, ROOT, copy_project, fetch, free_port
from sphub.render.urls import page_src, url_of


def _until_shown(urls: list[str], marker: str, limit: float = 300) -> float:
    start = time.perf_counter()
    waiting = list(urls)
    while waiting:
        waiting = [u for u in waiting if marker not in (fetch(u) or "")]
        if time.perf_counter() - start > limit:
            raise SystemExit(f"the edit never reached {waiting}")
        if waiting:
            time.sleep(0.05)
    return time.perf_counter() - start


def _edit(path: Path, key: str, old: str, new: str) -> None:
    """Replace the line `key: old` of `path` (the whole line: another value may begin so)."""
    text = path.read_text(encoding="utf-8")
    line = f"{key}: {old}\n"
    assert line in text, (path, line)
    path.write_text(text.replace(line, f"{key}: {new}\n", 1), encoding="utf-8")


def edit_latencies(runs: int, work: Path) -> dict[str, list[float]]:
    """Seconds from a save to the pages showing it: {'en', 'fr', 'every language'}."""
    from sphub.data.load import load_site

    project = work.absolute() / "editing"
    if project.exists():
        import shutil

        shutil.rmtree(project)
    copy_project(project, ROOT / "data")
    site = load_site(project / "data")
    data = project / "data"
    tools, members = (data / "tools.yml").read_text(), (data / "members.yml").read_text()
    french_tools = (data / "translations" / "fr" / "tools.yml").read_text()

    # Entries whose text stands on one line of its file (the edit replaces it there) and is
    # shown on the page as it is written (no character the page escapes).
    def plain(text: str, file_text: str, key: str) -> bool:
        return f"{key}: {text}\n" in file_text and not set(text) & set("&<>\"'")

    french_of = {
        entry_id: t.entry
        for (key, entry_id), t in site.translations.entries["fr"].items()
        if key == "tools"
    }
    tool = next(
        t
        for t in site.tools.values()
        if t.id in french_of
        and plain(t.name, tools, "name")
        and plain(french_of[t.id].name, french_tools, "name")
    )
    french = french_of[tool.id]
    member = next(m for m in site.members.values() if plain(m.name, members, "name"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    tool_page = url_of(page_src("tools", tool.id), True)
    member_page = url_of(page_src("members", member.id), True)
    pages = {
        "en": [f"{base}{tool_page}"],
        "fr": [f"{base}fr/{tool_page}"],
        "every language": [f"{base}{p}{member_page}" for p in ("", "fr/", "es/")],
    }
    files = {
        "en": (project / "data" / "tools.yml", "name", tool.name),
        "fr": (project / "data" / "translations" / "fr" / "tools.yml", "name", french.name),
        "every language": (project / "data" / "members.yml", "name", member.name),
    }
    command = [sys.executable, "-m", "sphub.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = work.absolute() / "editing.log"
    times: dict[str, list[float]] = {kind: [] for kind in pages}
    with log.open("w") as output:
        env = {**ENV, "SPHUB_PDF": "0"}
        server = subprocess.Popen(command, stdout=output, stderr=output, env=env, cwd=project)
        try:
            for urls in pages.values():
                _until_shown(urls, "<html", limit=900)
            for run in range(runs):
                for kind, urls in pages.items():
                    path, key, text = files[kind]
                    # Looked for on the page as its own words: the page may mark a term of
                    # the text (the glossary's tooltips), so the text is not found whole.
                    added = f"(edit {run + 1})"
                    time.sleep(1)  # let the watcher settle after the previous rebuild
                    _edit(path, key, text, f"{text} {added}")
                    times[kind].append(_until_shown(urls, added))
                    print(f"{kind}: {times[kind][-1]:.2f} s", flush=True)
                    files[kind] = (path, key, f"{text} {added}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return times


def edit_rows(times: dict[str, list[float]] | None) -> list[tuple[str, str, bool | None]]:
    """The rows of `make bench`'s targets: (what, figure, met)."""
    if not times:
        return [("A save reaches the open pages (shipped size)", "not measured", None)]
    rows = []
    for kind, limit in (("en", 1.5), ("fr", 1.5), ("every language", 3.0)):
        median = statistics.median(times[kind])
        what = (
            f"A save reaches the open page of its language ({kind}) in at most {limit} s"
            if kind != "every language"
            else f"A save reaches the open page in every language (en, fr, es) in at most {limit} s"
        )
        figure = f"{median:.2f} s (median of {len(times[kind])}; max {max(times[kind]):.2f} s)"
        rows.append((what, figure, median <= limit))
    return rows


if __name__ == "__main__":
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for what, figure, met in edit_rows(edit_latencies(runs, ROOT / ".bench")):
        print(f"{what}: {figure} ({'met' if met else 'not met'})")
