"""The editing server in front of the preview: only this server's own Host, and writes only
from the editor's own page (its Origin, a JSON body); /admin/ served without the preview's
live reload; every other request goes to the preview."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from sphub.cli import main
from sphub.editor.server import EditingServer
from tests.conftest import ROOT

PORT = 8123
OWN = f"127.0.0.1:{PORT}"


@pytest.fixture
def server(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    page = tmp_path / "index.html"
    page.write_text("<html>editor</html>")

    def preview(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"preview"]

    return EditingServer(tmp_path, {"index.html": page}, PORT, preview)


def _call(
    server,
    method="POST",
    path="/api/v1",
    host=OWN,
    origin=f"http://{OWN}",
    body=None,
    kind="application/json",
):
    data = json.dumps(body if body is not None else {"action": "info"}).encode()
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": host,
        "CONTENT_TYPE": kind,
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.input": io.BytesIO(data),
    }
    if origin is not None:
        environ["HTTP_ORIGIN"] = origin
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(server(environ, start_response))
    return int(seen["status"].split()[0]), seen["headers"], body


def _reason(body: bytes) -> str:
    reason = json.loads(body)["error"]
    assert "\n" not in reason
    return reason


def test_the_editor_on_its_own_origin_is_answered(server):
    status, headers, body = _call(server)
    assert status == 200 and json.loads(body)["type"] == "local_fs"
    status, _, _ = _call(server, host=f"localhost:{PORT}", origin=f"http://localhost:{PORT}")
    assert status == 200


@pytest.mark.parametrize(
    "origin", ["https://evil.example", f"http://127.0.0.1:{PORT + 1}", "null", None]
)
def test_another_origin_is_refused(server, origin):
    status, _, body = _call(server, origin=origin)
    assert status == 403 and "refused:" in _reason(body) and "Origin" in _reason(body)


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1:9", ""])
def test_another_host_is_refused(server, host):
    # A page of another site that reaches 127.0.0.1 through its own name (DNS rebinding).
    for path in ["/api/v1", "/admin/"]:
        status, _, body = _call(
            server,
            path=path,
            method="GET" if "admin" in path else "POST",
            host=host,
            origin=f"http://{host}",
        )
        assert status == 403 and "Host" in _reason(body)


def test_a_form_post_and_a_preflight_are_refused(server):
    status, _, body = _call(server, kind="application/x-www-form-urlencoded")
    assert status == 415 and "JSON" in _reason(body)
    status, _, body = _call(server, method="OPTIONS")
    assert status == 405
    status, _, body = _call(server, method="GET")
    assert status == 405


def test_a_refused_write_leaves_the_file(server, tmp_path):
    before = (tmp_path / "data" / "members.yml").read_bytes()
    write = {
        "action": "persistEntry",
        "params": {"dataFiles": [{"path": "data/members.yml", "raw": "members: []\n"}]},
    }
    status, _, _ = _call(server, origin="https://evil.example", body=write)
    assert status == 403
    assert (tmp_path / "data" / "members.yml").read_bytes() == before


def test_admin_is_served_without_live_reload_and_the_rest_goes_to_the_preview(server):
    status, headers, body = _call(server, method="GET", path="/admin/")
    assert status == 200 and body == b"<html>editor</html>"
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    status, _, body = _call(server, method="GET", path="/admin/../data/members.yml")
    assert status == 404
    status, _, body = _call(server, method="GET", path="/members/")
    assert body == b"preview"


def test_the_editor_listens_on_127_0_0_1_only(capsys):
    assert main(["serve", "--edit", "--dev-addr", "0.0.0.0:8000"]) == 1
    assert "refused: the editor listens on 127.0.0.1 only" in capsys.readouterr().err
