"""`make editor` unpacks only the files the site serves from the decap-cms package, checked
against the integrity pinned in package.json."""

from __future__ import annotations

import io
import tarfile

from sphub.editor.install import integrity_of, pinned, unpack
from tests.conftest import ROOT


def _tarball(names: list[str]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name in names:
            data = name.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_only_the_served_files_are_unpacked(tmp_path):
    names = [
        "package/package.json",
        "package/README.md",
        "package/dist/decap-cms.js",
        "package/dist/decap-cms.js.map",
        "package/dist/103.decap-cms.js",
        "package/dist/cms.js",
        "package/dist/f728.wasm",
        "package/dist/decap-cms.js.LICENSE.txt",
        "package/dist/../../outside.decap-cms.js",
    ]
    written = unpack(_tarball(names), tmp_path / "decap-cms")
    assert sorted(written) == [
        "dist/103.decap-cms.js",
        "dist/decap-cms.js",
        "dist/decap-cms.js.LICENSE.txt",
        "dist/f728.wasm",
        "package.json",
    ]
    assert not (tmp_path / "outside.decap-cms.js").exists()
    assert (tmp_path / "decap-cms" / "dist" / "decap-cms.js").read_text() == (
        "package/dist/decap-cms.js"
    )


def test_the_pin_is_a_version_and_an_integrity():
    editor = pinned(ROOT)
    assert editor["package"] == "decap-cms" and editor["version"].count(".") == 2
    assert editor["integrity"].startswith("sha512-")
    assert integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )
