"""Page weight budget and no third-party requests, read from the built site's files. The
limits are written in docs/about-this-site.md with the measurements they come from."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

KB = 1024
MAX_PAGE_HTML = 136 * KB  # largest measured but the editing guide: 78.0 KB (fr/decision-tree/plan/)
# The editors' guide (every field of every file, 20 files, with the glossary and the plan's
# steps, fully translated): measured 171.7 KB in French, 168.0 KB in Spanish, 136.6 KB in
# English. Editors open it; no member's page links to it but "For editors".
MAX_EDITING_GUIDE_HTML = 180 * KB
MAX_FIRST_VISIT_CSS_JS = 350 * KB  # measured: 276.3 KB (members/, sphub's search worker 4 KB)
MAX_SEARCH_INDEX = 320 * KB  # measured: 257.3 KB (editors' and maintainers' pages left out)


class _Loads(HTMLParser):
    """Addresses a page makes the browser fetch by itself (not links a person follows)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.urls.append(a["href"])
        for candidate in (a.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.append(candidate.split()[0])
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])


def loads(html: str) -> list[str]:
    parser = _Loads()
    parser.feed(html)
    return parser.urls


def is_external(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_loads_parser_sees_external_resources():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//unpkg.com/x"></script><a href="https://seepnetwork.org/">x</a>'
    )
    assert [u for u in loads(html) if is_external(u)] == [
        "https://fonts.googleapis.com/css",
        "//unpkg.com/x",
    ]


def test_no_page_loads_anything_from_another_host(built_site):
    offending = {}
    for page in html_pages(built_site):
        external = [u for u in loads(page.read_text(encoding="utf-8")) if is_external(u)]
        if external:
            offending[str(page.relative_to(built_site))] = external
    assert offending == {}


def test_stylesheets_load_nothing_from_another_host(built_site):
    for css in built_site.rglob("*.css"):
        urls = re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")]+)", css.read_text())
        assert [u for u in urls if is_external(u)] == [], css


def test_html_of_every_page_within_budget(built_site):
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size for p in html_pages(built_site)}

    def budget(page: str) -> int:
        return MAX_EDITING_GUIDE_HTML if page.split("/")[-2:-1] == ["editing"] else MAX_PAGE_HTML

    over = {page: size for page, size in sizes.items() if size > budget(page)}
    assert over == {}, (
        f"pages over their budget ({MAX_PAGE_HTML // KB} KB, the editing guide {MAX_EDITING_GUIDE_HTML // KB} KB)"
    )


def first_visit_assets(site: Path, page: Path) -> list[Path]:
    """CSS and JS a first visit to `page` loads: what the page names. sphub's search worker,
    Material's and the index wait until search is opened (tests/browser/test_search.py)."""
    names = [
        u.split("?")[0]
        for u in loads(page.read_text(encoding="utf-8"))
        if u.split("?")[0].endswith((".css", ".js")) and not is_external(u)
    ]
    # 404.html names its assets from the site root ("/assets/...") when site_url is set.
    files = [
        (site / name.lstrip("/") if name.startswith("/") else page.parent / name).resolve()
        for name in names
    ]
    return files


def test_css_and_js_of_a_first_visit_within_budget(built_site):
    # Not the browser editor's page (admin/, Decap CMS's 5 MB): readers never open it; an
    # editor loads it once, from the site itself.
    for page in [p for p in html_pages(built_site) if p.parent != built_site / "admin"]:
        total = sum(f.stat().st_size for f in first_visit_assets(built_site, page))
        assert total <= MAX_FIRST_VISIT_CSS_JS, (page, total)


def test_search_index_within_budget(built_site):
    assert (built_site / "search" / "search_index.json").stat().st_size <= MAX_SEARCH_INDEX
