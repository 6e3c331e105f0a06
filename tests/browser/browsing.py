"""Helpers for the real-browser tests: serve a folder on localhost, open a page in Chromium
that records every request and console error, run axe-core, take screenshots, click through
a flow (such as a decision tree) by the names a person reads."""

from __future__ import annotations

import functools
import http.server
import io
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: F401 (for the tests)
from benchmarks.browser import QuietServer, _QuietHandler


def require_browser() -> None:
    """Skip the test where the browser cannot run (outside CI), fail it under CI=true: CI
    must run every browser test."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return
    import pytest

    message = (
        f"{CHROMIUM} is missing or cannot run (apt-get install chromium, or set "
        "SPHUB_CHROMIUM to the path of a Chromium or Chrome)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": under CI the browser tests must run")
    pytest.skip(message)


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
AXE = FIXTURES / "axe.min.js"
AXE_VERSION = "4.14.1"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about", "file"}
# Material's search meta line once its index is loaded, and once a query has run, in the
# site's languages (Material's partials/languages/{en,fr,es}.html).
SEARCH_READY = "Type to start|Taper pour|Teclee para"
SEARCH_DONE = "matching|trouvé|encontrad"


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


@dataclass
class Visit:
    """A page with everything it asked the network for and every error it logged."""

    page: object
    width: int = 0
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def leaving(self) -> list[str]:
        """Requests to any host but the local server."""
        return [url for url in self.requests if not is_local(url)]

    def check(self) -> None:
        assert not self.leaving(), f"requests left localhost: {self.leaving()}"
        assert not self.errors, f"console errors: {self.errors}"

    def axe(self) -> list[dict]:
        """Serious and critical accessibility violations on the page, from axe-core."""
        if not self.page.evaluate("typeof axe !== 'undefined'"):
            self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    def screenshot(self, name: str, **options) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}-{self.width}px.png"
        self.page.screenshot(path=str(path), **options)
        return path

    def click_through(self, labels: list[str]) -> str:
        """Click, in order, the link or button named by each label (as a person reads it),
        waiting for each page; returns the final URL."""
        for label in labels:
            target = self.page.get_by_role("link", name=label, exact=True).or_(
                self.page.get_by_role("button", name=label, exact=True)
            )
            target.first.click()
            self.page.wait_for_load_state()
        return self.page.url

    def search(self, query: str) -> list[str]:
        """Type `query` into Material's search, as a person does; returns the titles of the
        results shown. On a page whose search is open already (a query typed before), the
        field is emptied first, as a person searching for one thing after another does."""
        page = self.page
        field = page.locator("input.md-search__input")
        if not page.locator("#__search").is_checked():
            if self.width < 960:  # below 60em, search opens from the header's magnifier icon
                page.click('label.md-header__button[for="__search"]')
            else:
                field.click()
        elif field.input_value():
            field.fill("")
            field.press("End")  # Material searches on key events; fill() alone sends none
        # Type only once the index is loaded: the meta line reads "Initializing search" until
        # then, and a query typed earlier can be answered from an empty index.
        page.wait_for_function(
            f"() => /{SEARCH_READY}/i.test(document.querySelector('.md-search-result__meta')"
            ".textContent)"
        )
        field.fill(query)
        field.press("End")
        # The meta line reads "Initializing search", then "Type to start searching", and only
        # once the query has run "N matching documents" or "No matching documents".
        page.wait_for_function(
            f"() => /{SEARCH_DONE}/i.test(document.querySelector('.md-search-result__meta')"
            ".textContent)"
        )
        return page.locator(".md-search-result__item h1").all_inner_texts()


def open_visit(browser, viewport: dict, **context_options) -> tuple[object, Visit]:
    """A new browser context and page at `viewport`, recording requests and errors."""
    context = browser.new_context(viewport=viewport, **context_options)
    page = context.new_page()
    visit = Visit(page, width=viewport["width"])
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and visit.errors.append(msg.text))
    page.on("pageerror", lambda err: visit.errors.append(str(err)))
    return context, visit


def searching(browser, url: str) -> Iterator[Visit]:
    """A desktop page at `url` for one query after another (a module fixture's body); then
    fails on any request that left localhost or any console error."""
    context, visit = open_visit(browser, DESKTOP)
    visit.page.goto(url)
    yield visit
    context.close()
    visit.check()


def serve_under(folder: Path, base: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` under the sub-path `base` ('/sphub/'), as a git host's project pages
    do: an address the site does not have gets its 404.html, with status 404."""

    class Handler(_QuietHandler):
        def send_head(self):
            path = urlsplit(self.path).path
            if not path.startswith(base):
                self.send_error(404)
                return None
            self.path = "/" + path[len(base) :]
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                return super().send_head()
            body = (folder / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    handler = functools.partial(Handler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{base}"
