"""A site served as a host serves it, and opened in Chromium as a member on a slow line opens
it: the bench's first-visit row, and the browser tests' byte budget (tests/browser)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import statistics
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

# The browser: Debian's Chromium, or the one SPHUB_CHROMIUM names (on a host where
# /usr/bin/chromium is not a real browser, such as Ubuntu's snap stub).
CHROMIUM = os.environ.get("SPHUB_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What a host compresses: text, not images already compressed.
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".csv")
# A slow line (issue 15): 400 kbit/s each way, 400 ms round trips.
SLOW_LINE = {"latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}


class QuietServer(http.server.ThreadingHTTPServer):
    """A localhost server that does not print the traceback of a connection the browser
    closed midway (it left the page): not the site's error."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class _CompressingHandler(_QuietHandler):
    """Answers as a host does: gzip (level 6, most servers' default) for text files when the
    browser accepts it. Every answer's size (headers and body, as sent) is added to
    `server.sent`, by path."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzipped and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        # The header lines so far, and the blank line that ends them.
        self._counted = sum(len(line) for line in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def copyfile(self, source, outputfile):
        body = source.read()
        outputfile.write(body)
        self.server.sent.append((self.path, self._counted + len(body)))


def serve(folder: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on a free localhost port in a thread; returns the server and its URL.
    With `compress`, as a host does (gzip), counting what it sends (`server.sent`)."""
    handler = functools.partial(
        _CompressingHandler if compress else _QuietHandler, directory=str(folder)
    )
    server = QuietServer(("127.0.0.1", 0), handler)
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def on_slow_line(context, tab) -> None:
    """Put the Playwright page `tab` (of `context`) on SLOW_LINE, through Chromium's network
    emulation."""
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_LINE})


@dataclass(frozen=True)
class FirstVisit:
    """A page opened `runs` times with an empty cache over the slow line."""

    page: str
    paint_ms: list[float]  # first contentful paint, each run
    sent: int  # bytes the server sent for one visit (compressed), until the network was idle
    requests: int

    @property
    def median_paint_ms(self) -> float:
        return statistics.median(self.paint_ms)


def first_visit(site: Path, page: str, runs: int) -> FirstVisit:
    """Open `page` of the built `site`, served compressed, in Chromium over SLOW_LINE."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site, compress=True)
    paints, sent, requests = [], 0, 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(runs):
                server.sent.clear()
                context = browser.new_context(viewport={"width": 390, "height": 844})
                tab = context.new_page()
                on_slow_line(context, tab)
                tab.goto(url + page, wait_until="networkidle", timeout=120_000)
                paints.append(
                    tab.evaluate(
                        "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                    )
                )
                sent, requests = sum(n for _, n in server.sent), len(server.sent)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return FirstVisit(page, paints, sent, requests)
