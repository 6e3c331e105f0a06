"""Where each entry's page lives, and links between pages. Links are relative, so the same
pages work on a server, under a sub-path, and from disk (file://)."""

from __future__ import annotations

import posixpath

from sphub.models import COLLECTIONS
from sphub.models.types import PagedEntry

# Collection key -> folder of its pages under docs/, as each collection's model says.
PAGE_FOLDERS = {
    key: c.model.page_folder for key, c in COLLECTIONS.items() if issubclass(c.model, PagedEntry)
}


# Hand-written: what the decision tree is for, and its questions (a form).
START_PAGE = "decision-tree/index.md"
# Made by sphub: the plan the form's answers give (they are in its address).
PLAN_PAGE = "decision-tree/plan.md"


def page_src(collection: str, entry_id: str) -> str:
    """Source path (as MkDocs names files) of an entry's page, e.g. 'members/pmn.md'."""
    return f"{PAGE_FOLDERS[collection]}/{entry_id}.md"


def url_of(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page `src`, relative to the site root."""
    stem = src[: -len(".md")]
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        folder = folder + "/" if folder else ""
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both relative to the site root."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    link = _relpath(to_url or ".", base or ".")
    if to_url.endswith("/") or not to_url:
        link = link.rstrip("/") + "/"
    return "./" if link == "./" or link == "." else link


def absolute_url(site_url: str | None, src: str, directory_urls: bool) -> str | None:
    """The full address of the page `src` under `site_url` (mkdocs.yml), or None when the
    site's address is not configured: files that leave the site (calendars) then carry no
    link rather than a wrong one."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url_of(src, directory_urls)


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for two paths under the same root: the same answer without asking
    the system for the working directory, which it did for every link on every page."""
    to = [part for part in path.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."
