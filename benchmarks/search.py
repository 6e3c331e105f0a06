"""The two candidates for the site's search, measured side by side on the same built site
(issue 15): Material's lunr search as sphub ships it (loaded when search is opened, through
sphub's worker), and Pagefind (PyPI `pagefind-bin`, run with its defaults on a copy of the
site). Each visit starts with an empty cache, on localhost and on the slow line; the bytes
are what the server sent, compressed as a host does."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, on_slow_line, serve

FIRST_QUERY = "Sa-Dhan"
SECOND_QUERY = "regulators"
# What a member types, and a title the results should show: an accent left out, a typo.
FORGIVING = (
    ("Cecile", "The Decision Tree for Microfinance Networks"),  # written "Cécile"
    ("regulaters", "Advocacy with regulators"),
    ("cerse", "CERISE"),
)
INDEX = "/search/search_index.json"
# Material's: the results' line reads so once the index is loaded, and once a query ran.
READY = "() => /Type to start/i.test(document.querySelector('.md-search-result__meta').textContent)"
DONE = "() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)"
# Pagefind's JavaScript API: the first query, from the import of its script to the first
# result's data (its title and address), as its own interface does.
PAGEFIND_QUERY = """async ([base, query]) => {
  const pagefind = await import(base + "pagefind/pagefind.js")
  const search = await pagefind.search(query)
  const shown = await Promise.all(search.results.slice(0, 3).map((r) => r.data()))
  return shown.flatMap((d) => [d.meta.title, ...d.sub_results.map((s) => s.title)])
}"""


@dataclass
class Candidate:
    """One means of search, as measured."""

    name: str
    first_visit: int = 0  # bytes of search fetched by a first visit, before search is opened
    first_query: list[int] = field(default_factory=list)  # bytes, opening to first result
    second_query: int = 0  # bytes for a further query
    local_ms: list[float] = field(default_factory=list)  # opening to the first result
    slow_ms: list[float] = field(default_factory=list)
    found: dict[str, bool] = field(default_factory=dict)  # FORGIVING query -> title shown
    version: str = ""  # of the package measured (Pagefind's; lunr's comes with Material)


def _sent(server) -> int:
    return sum(n for _, n in server.sent)


def _lunr_query(tab, query: str) -> list[str]:
    """Open Material's search (its index loads), type `query` and wait for its results;
    the titles shown. The field is emptied first, so that the results' line reads "Type to
    start searching" again before the query, and its count after is this query's."""
    search = tab.locator("input.md-search__input")
    search.click()
    search.fill("")
    search.press("End")  # Material searches on key events
    tab.wait_for_function(READY, timeout=120_000)
    search.fill(query)
    search.press("End")
    tab.wait_for_function(DONE, timeout=120_000)
    return tab.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def _query(tab, url: str, query: str, pagefind: bool) -> list[str]:
    if pagefind:
        return tab.evaluate(PAGEFIND_QUERY, [url, query])
    return _lunr_query(tab, query)


def _visits(site: Path, page: str, runs: int, candidate: Candidate, pagefind: bool) -> None:
    from playwright.sync_api import sync_playwright

    server, url = serve(site, compress=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for slow in [False] * runs + [True] * runs:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                tab = context.new_page()
                if slow:
                    on_slow_line(context, tab)
                server.sent.clear()
                tab.goto(url + page, wait_until="networkidle", timeout=120_000)
                candidate.first_visit = sum(
                    n for path, n in server.sent if INDEX in path or "/pagefind/" in path
                )
                server.sent.clear()
                start = time.perf_counter()
                _query(tab, url, FIRST_QUERY, pagefind)
                elapsed = 1000 * (time.perf_counter() - start)
                (candidate.slow_ms if slow else candidate.local_ms).append(elapsed)
                if not slow:
                    candidate.first_query.append(_sent(server))
                    server.sent.clear()
                    _query(tab, url, SECOND_QUERY, pagefind)
                    candidate.second_query = _sent(server)
                    for query, title in FORGIVING:
                        # Among the first results shown (a page's sections count).
                        candidate.found[query] = title in _query(tab, url, query, pagefind)[:6]
                context.close()
            browser.close()
    finally:
        server.shutdown()


def with_pagefind(site: Path, folder: Path) -> Path:
    """A copy of the built `site` in `folder`, indexed by Pagefind with its defaults."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(site, folder)
    subprocess.run(
        [sys.executable, "-m", "pagefind_bin", "--site", str(folder)],
        check=True,
        capture_output=True,
    )
    return folder


def compare(site: Path, page: str, runs: int, work: Path) -> tuple[Candidate, Candidate]:
    """Measure both candidates on the built `site`, from its `page`."""
    import importlib.metadata

    lunr = Candidate("lunr")
    pagefind = Candidate("Pagefind", version=importlib.metadata.version("pagefind-bin"))
    _visits(site, page, runs, lunr, pagefind=False)
    _visits(with_pagefind(site, work / "pagefind-site"), page, runs, pagefind, pagefind=True)
    return lunr, pagefind
