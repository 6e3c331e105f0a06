"""Real-browser fixtures: the built site served on localhost, Debian's Chromium (or the browser
SPHUB_CHROMIUM names) driven by Playwright, and a `Visit` (browsing.py) that records every
request and console error of a page so each test fails on a request leaving localhost or on a
script error.

Browser tests carry the `browser` marker from their folder (tests/conftest.py; `pytest -m
browser` runs them alone). Without Chromium they skip on a developer's machine, and fail under
CI=true: CI must run them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser.browsing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    require_browser,
    DESKTOP,
    PHONE,
    Visit,
    open_visit,
    searching,
    serve,
)


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The URL of the shipped site, served on localhost."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def visit(browser, request) -> Iterator[Visit]:
    """A fresh page at phone and at desktop width. After the test's own steps, fails on any
    request that left localhost or any console error."""
    context, visit = open_visit(browser, request.param)
    yield visit
    context.close()
    visit.check()


@pytest.fixture(scope="module")
def searcher(browser, site_url) -> Iterator[Visit]:
    """One desktop page of the shipped site for a module's queries, each typed into the same
    search (its index loads once). After the module, fails on any request that left localhost
    or any console error. Where search opens on a phone is tested with `visit`."""
    yield from searching(browser, site_url)
