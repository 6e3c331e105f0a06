"""Every internal link and anchor of the built site leads somewhere: each href and src of every
page names a file of the site, and each #fragment an id on the page it points to. The same
holds inside any zip the site offers (read from disk, where a folder is not a page), and for
the internal links of any PDF."""

from __future__ import annotations

import io
import posixpath
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

LINKING = {"href", "src", "xlink:href", "poster", "data", "action"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value or "")
            elif name in LINKING and value is not None:
                self.links.append(value)
            elif name == "srcset" and value:
                self.links += [part.split()[0] for part in value.split(",") if part.strip()]


def broken_links(files: dict[str, bytes], folders_are_pages: bool = True) -> list[str]:
    """Broken internal links among `files` (site path -> bytes): 'page: link (why)'."""
    pages = {name: _parse(raw) for name, raw in files.items() if name.endswith(".html")}
    folders = {posixpath.dirname(name) for name in files}
    broken = []
    for name, page in sorted(pages.items()):
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("//"):
                continue  # another site (checked elsewhere for what may load)
            target = name
            if parts.path:
                # A path from the root ('/assets/...', on the 404 page with site_url set) starts
                # at the site's.
                base = "" if parts.path.startswith("/") else posixpath.dirname(name)
                target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
                if target.startswith("../") or target == "..":
                    broken.append(f"{name}: {link} (leaves the site)")
                    continue
                if target == "." or target in folders or parts.path.endswith("/"):
                    if not folders_are_pages:
                        broken.append(f"{name}: {link} (a folder, not a page, from disk)")
                        continue
                    target = posixpath.normpath(posixpath.join(target, "index.html"))
                if target not in files:
                    broken.append(f"{name}: {link} (no such file)")
                    continue
            fragment = unquote(parts.fragment)
            # The browser editor's page reads its fragment as the form to open, not an id.
            if target == "admin/index.html":
                fragment = ""
            if fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append(f"{name}: {link} (no id '{fragment}' on {target})")
    return broken


def _parse(raw: bytes) -> _Page:
    page = _Page()
    page.feed(raw.decode("utf-8"))
    return page


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_no_broken_internal_link(built_site):
    files = _site_files(built_site)
    assert sum(name.endswith(".html") for name in files) > 10
    assert broken_links(files) == []


def test_no_broken_link_inside_zips(built_site):
    for path in built_site.rglob("*.zip"):
        with zipfile.ZipFile(path) as archive:
            files = {
                name: archive.read(name) for name in archive.namelist() if not name.endswith("/")
            }
        assert broken_links(files, folders_are_pages=False) == [], path.name


def pdf_broken_links(raw: bytes) -> list[str]:
    """Internal links of a PDF whose destination is missing."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject

    reader = PdfReader(io.BytesIO(raw))
    names = set(reader.named_destinations)
    pages = {page.indirect_reference.idnum for page in reader.pages}
    broken = []
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A") or {}
            if "/Dest" in annotation:
                destination = annotation["/Dest"]
            elif action.get("/S") == "/GoTo":
                destination = action["/D"]
            else:
                continue
            destination = (
                destination.get_object() if hasattr(destination, "get_object") else destination
            )
            if isinstance(destination, ArrayObject):
                if destination[0].idnum not in pages:
                    broken.append(f"page {number}: a link to a page not in the document")
            elif str(destination) not in names:
                broken.append(f"page {number}: a link to '{destination}', not a destination")
    return broken


def test_no_broken_link_in_pdfs(built_site):
    for path in built_site.rglob("*.pdf"):
        assert pdf_broken_links(path.read_bytes()) == [], path.name


def test_checker_finds_broken_links():
    """The checker on a small site that does go wrong, so a quiet check means something."""
    files = {
        "index.html": b'<a href="a/">ok</a><a href="a/#top">ok</a><a href="#here">ok</a>'
        b'<p id="here"></p><a href="b/">missing</a><a href="a/#nope">no id</a>'
        b'<img src="img/x.png"><a href="../up.html">out</a>'
        b'<a href="https://example.org/">elsewhere</a>',
        "a/index.html": b'<h1 id="top">A</h1>',
    }
    assert broken_links(files) == [
        "index.html: b/ (no such file)",
        "index.html: a/#nope (no id 'nope' on a/index.html)",
        "index.html: img/x.png (no such file)",
        "index.html: ../up.html (leaves the site)",
    ]
    assert (
        broken_links(files, folders_are_pages=False)[0]
        == "index.html: a/ (a folder, not a page, from disk)"
    )


def _pdf_with_link(destination: str | None) -> bytes:
    """Two pages, a named destination 'second', and a link on page 1 to page 2 (or, when
    given, to the named `destination`)."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_blank_page(200, 200)
    writer.add_named_destination("second", 1)
    writer.add_annotation(0, Link(rect=(10, 10, 50, 50), target_page_index=1))
    if destination is not None:
        link = writer.pages[0]["/Annots"][0].get_object()
        link[NameObject("/Dest")] = TextStringObject(destination)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "destination, broken",
    [
        (None, []),
        ("second", []),
        ("nowhere", ["page 1: a link to 'nowhere', not a destination"]),
    ],
)
def test_pdf_checker_finds_broken_links(destination, broken):
    assert pdf_broken_links(_pdf_with_link(destination)) == broken
