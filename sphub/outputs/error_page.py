"""The "page not found" page (404.html), made to work under any base path.

A host shows 404.html for every address it does not have. MkDocs writes that page with
addresses from the server's root ("/assets/..."), which lose the styles and break every link
when the site is served under a sub-path (a git host's project pages: /sphub/). When
`site_url` is set, its path is that base and those addresses are right at any depth; when it
is not, the page's addresses are made relative to the site's top, where the host finds
404.html, so it keeps its styles and links under whatever base the site is served."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = "404.html"
# href="/x", src="/x", and the theme's settings ("base": "/", "search": "/assets/...");
# never "//host/..." (another site) or a bare "/" inside text.
_ROOTED_ATTRIBUTE = re.compile(r'(\b(?:href|src|action)=")/(?!/)')
_ROOTED_SETTING = re.compile(r'("(?:base|search)":\s*")/(?!/)')


def relative(html: str) -> str:
    """`html` with every address from the server's root made relative to the page."""
    html = _ROOTED_ATTRIBUTE.sub(r"\1./", html)
    return _ROOTED_SETTING.sub(r"\1./", html)


def write_error_page(site_dir: Path, site_url: str | None) -> None:
    """Make the built 404.html's addresses relative, unless `site_url` gives the base."""
    page = site_dir / PAGE
    if site_url or not page.is_file():
        return
    page.write_text(relative(page.read_text(encoding="utf-8")), encoding="utf-8")
