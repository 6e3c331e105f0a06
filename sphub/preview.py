"""What a preview rebuild (`make serve`: `mkdocs serve --dirty`) must redo after an edit.

A full build of a few hundred pages takes seconds, most of it MkDocs and Material; after one
data edit only the pages whose content changed need building again."""

from __future__ import annotations

from sphub.render import Page

# Source path -> Markdown of each data page in the previous build of this process (a server
# keeps its process between rebuilds; the hooks module is loaded afresh each time).
_previous: dict[str, str] = {}


def changed(pages: list[Page]) -> set[str]:
    """Source paths of the pages that differ from the previous build (all, the first time)."""
    current = {page.src: page.markdown() for page in pages}
    different = {src for src, text in current.items() if _previous.get(src) != text}
    _previous.clear()
    _previous.update(current)
    return different
