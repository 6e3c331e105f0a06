"""The local editing server as a WSGI application in front of the preview's own: it answers
the editor's `POST /api/v1` (sphub.editor.api) and serves /admin/, and hands every other
request to the preview.

Nobody else gets in: the preview listens on 127.0.0.1 only (sphub.engines.preview refuses
another address when editing); a request whose Host is not this server's own (a page of
another site reaching 127.0.0.1 through its own name) is refused; a write must come from the
editor's own page: its Origin must be this server's, and its body JSON (a page on another
site cannot send that without asking first, and such a question, OPTIONS, is refused). Each
refusal is one line that says why."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path

from sphub.data.reader import MAX_FILE_BYTES
from sphub.editor.api import handle
from sphub.editor.config import API_PATH, with_choices

LOCAL_NAMES = ("127.0.0.1", "localhost")
# The admin page may load and ask only this server: a request to another host is blocked by
# the browser, whatever the editor's bundle holds (sphub.editor.assets says the same for a
# built site, where the git host's API is allowed too).
LOCAL_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


class EditingServer:
    """The WSGI application: the editor's API and /admin/ on `port`, the rest to `preview`."""

    def __init__(self, root: Path, admin: dict[str, Path], port: int, preview: Callable):
        self.root, self.admin, self.port, self.preview = root, admin, port, preview
        self.hosts = {f"{name}:{port}" for name in LOCAL_NAMES}

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == API_PATH or path.startswith("/admin/") or path == "/admin":
            status, headers, body = self.respond(environ)
            start_response(status, headers)
            return [body]
        return self.preview(environ, start_response)

    def respond(self, environ: dict) -> tuple[str, list[tuple[str, str]], bytes]:
        host = environ.get("HTTP_HOST", "")
        if host not in self.hosts:
            return _refusal(403, f"refused: Host {host!r} is not this editing server's own")
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path != API_PATH:
            return self.admin_file(path, method)
        if method != "POST":
            return _refusal(405, f"refused: {method} {API_PATH}; the editor asks with POST")
        origin = environ.get("HTTP_ORIGIN")
        if origin != f"http://{host}":
            why = "no Origin" if origin is None else f"Origin {origin!r}"
            return _refusal(403, f"refused: {why}; only the editor at http://{host}/admin/ may")
        kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip()
        if kind != "application/json":
            return _refusal(415, f"refused: expected a JSON body, got {kind or 'no type'!r}")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= 2 * MAX_FILE_BYTES:
            return _refusal(413, f"refused: a body of {length} bytes")
        try:
            request = json.loads(environ["wsgi.input"].read(length))
        except (ValueError, UnicodeDecodeError):
            return _refusal(400, "refused: the body is not JSON")
        answer = handle(self.root, request)
        return _json(answer.status, answer.body)

    def admin_file(self, path: str, method: str) -> tuple[str, list[tuple[str, str]], bytes]:
        """A file of /admin/, served as it is (no live-reload script: the editor's page must
        not reload itself when a save rebuilds the preview)."""
        if method not in ("GET", "HEAD"):
            return _refusal(405, f"refused: {method} {path}")
        if path == "/admin":
            return "301 Moved Permanently", [("Location", "/admin/")], b""
        name = path[len("/admin/") :] or "index.html"
        source = self.admin.get(name)
        if source is None:
            return _refusal(404, f"not found: {path}")
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith(".yml"):
            kind = "text/yaml"
        headers = [
            ("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else "")),
            ("Content-Security-Policy", LOCAL_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-store"),
        ]
        if name == "config.yml":  # the choices of references, from the data as it is now
            text = with_choices(source.read_text(encoding="utf-8"), self.root / "data")
            return "200 OK", headers, text.encode("utf-8")
        return "200 OK", headers, source.read_bytes()


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found"}
_REASONS |= {405: "Method Not Allowed", 413: "Content Too Large", 415: "Unsupported Media Type"}
_REASONS |= {409: "Conflict", 422: "Unprocessable Content"}


def _json(status: int, body: object) -> tuple[str, list[tuple[str, str]], bytes]:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    return f"{status} {_REASONS.get(status, 'Error')}", headers, data


def _refusal(status: int, reason: str) -> tuple[str, list[tuple[str, str]], bytes]:
    return _json(status, {"error": reason})
