"""Renames: an entry's old ids (`old_ids`) keep their addresses working. The build writes, at
each old address, a tiny page that sends the reader to the entry's page (a meta refresh,
with a canonical link for search engines), using a relative link like every other page."""

from __future__ import annotations

from dataclasses import dataclass

from sphub.data.errors import Problem
from sphub.data.site import Site
from sphub.models.types import Model
from sphub.render.renderer import Renderer
from sphub.render.urls import PAGE_FOLDERS, page_src, url_of


@dataclass(frozen=True)
class Redirect:
    """The page at `dest` (a path under site/) sends readers to `html`'s target."""

    entry: Model
    index: int  # of the old id in the entry's `old_ids`
    dest: str
    html: str


def redirect_dest(src: str, directory_urls: bool) -> str:
    """The file under site/ a page `src` would be written to."""
    url = url_of(src, directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def redirects(renderer: Renderer, directory_urls: bool) -> list[Redirect]:
    """One redirect page per old id of every entry that has a page, in its folder and in the
    folders its pages had before (`old_page_folders`: the tree's outcomes became steps)."""
    found = []
    for key in PAGE_FOLDERS:
        for entry in renderer.site.collection(key).values():
            for index, old in enumerate(entry.old_ids):
                sources = [page_src(key, old)] + [
                    f"{folder}/{old}.md" for folder in entry.old_page_folders
                ]
                for old_src in sources:
                    html = renderer.render(
                        "redirect.html", old_src, entry=entry, title=renderer.title_of(entry)
                    )
                    dest = redirect_dest(old_src, directory_urls)
                    found.append(Redirect(entry, index, dest, html))
    return found


def collisions(site: Site, found: list[Redirect], taken: set[str]) -> list[Problem]:
    """Redirects whose address is already a page or file of the site (`taken`, paths under
    site/), one problem each. Clashes between entries' own ids are found by the cross-checks;
    these are clashes with hand-written pages."""
    return [
        site.problem(
            r.entry,
            ("old_ids", r.index),
            "an address no page uses",
            f"'{r.entry.old_ids[r.index]}' (site/{r.dest} is already a page)",
        )
        for r in found
        if r.dest in taken
    ]
