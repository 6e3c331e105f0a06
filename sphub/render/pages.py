"""Every page made from data, from one registry: a page per entry of each collection whose
model names a page folder and template (`Model.page_folder`, `Model.page_template`), and a
page per step of the decision tree (the answers so far are in its address, as in GOV.UK
Smart Answers). Each page is finished HTML from an autoescaped fragment template."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from sphub.data.tree import walk
from sphub.editor.links import editor_address
from sphub.models import COLLECTIONS
from sphub.models.types import Model
from sphub.render.i18n import N_
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.renderer import Renderer
from sphub.render.urls import relative_url, step_src, url_of


@dataclass(frozen=True)
class Page:
    """A page made from data: its source path, title and HTML body."""

    src: str
    title: str
    html: str
    searchable: bool = True
    kind: str = ""  # what the entry is ("Member"): its tag in search results
    # Where the theme's edit control leads (its entry's form in the browser editor), relative
    # to the page; "" for none.
    edit_url: str = ""

    def markdown(self, after: str = "") -> str:
        """The page as an engine reads it, with `after` (HTML) at the end. The title is JSON
        (valid YAML, any character safe), with `&`, `<` and `>` escaped: the theme prints
        `page.meta.title` as element text (<title>, the header) without escaping it, and into
        attributes only through `| e`. Quotes stay as they are: Zensical's search shows the
        title as text, so an escaped apostrophe would show as "&#39;". The body is finished
        HTML, which the site's Markdown extension keeps whole (sphub.render.markup.FINISHED)."""
        title = json.dumps(html.escape(self.title, quote=False), ensure_ascii=False)
        search = "" if self.searchable else "search:\n  exclude: true\n"
        # Material's search shows a page's tags on its results; no page shows them (the
        # tags plugin is off).
        tags = f"tags: [{json.dumps(self.kind)}]\n" if self.kind else ""
        body = f"{FINISHED}\n{self.html}{after}\n{FINISHED_END}"
        # data_page: the theme's "Edit this page" is the page's own (overrides/partials).
        edit = f"edit_url: {json.dumps(self.edit_url)}\n" if self.edit_url else ""
        return f"---\ntitle: {title}\ndata_page: true\n{edit}{search}{tags}---\n{body}\n"


def written_kind(src: str) -> str:
    """What the hand-written page `src` is, as search names it (the catalogue's message): a
    page of the guidance, or another page of the site."""
    return N_("Guidance") if src.startswith(("guidance/", "decision-tree/")) else N_("Page")


def entry_page(renderer: Renderer, entry: Model) -> Page:
    """The page of one entry, from the template its model names, with the date its data file
    last changed (when known)."""
    collection = renderer.site.collection_of(entry)
    src = renderer.src_of(entry)
    title = renderer.title_of(entry)
    html = _translation_note(renderer, entry, src) + renderer.render(
        entry.page_template, src, entry=entry, title=title
    )
    file = f"data/{COLLECTIONS[collection].file}"
    if file in renderer.changes:
        html += "\n" + renderer.render(
            "last_changed.html", src, change=renderer.changes[file], file=file
        )
    html += edit_line(renderer, entry, src)
    kind = renderer.gettext(entry.kind_name)
    return Page(src, title, html, kind=kind, edit_url=edit_url(renderer, entry, src))


def edit_url(renderer: Renderer, entry: Model, src: str) -> str:
    """The address of `entry`'s form in the browser editor, from its page; "" when the site
    does not ship the editor (or this language's build does not)."""
    if not renderer.env.globals.get("editor"):
        return ""
    here = url_of(src, renderer.directory_urls)
    return relative_url(here, editor_address(renderer.site.collection_of(entry)))


def edit_line(renderer: Renderer, entry: Model, src: str) -> str:
    """In the preview only (`make serve`): where the page's entry stands in its data file,
    and its file's form in the browser editor. Members' pages speak of no file or line."""
    if not renderer.env.globals.get("preview"):
        return ""
    key = renderer.site.collection_of(entry)
    where = renderer.site.places.get((key, entry.id))
    return "\n" + renderer.render(
        "edit_entry.html",
        src,
        file=f"data/{COLLECTIONS[key].file}",
        line=where.file.line(where.path) if where else 1,
        fragment=editor_address(key).removeprefix("admin/"),
    )


def _translation_note(renderer: Renderer, entry: Model, src: str) -> str:
    """The note on a page of another language than the source's whose text is (partly) in
    English, or whose English changed since it was translated; '' otherwise."""
    state = renderer.site.translation_state(entry)
    return renderer.render("translation_note.html", src, state=state) + "\n" if state else ""


def step_pages(renderer: Renderer) -> list[Page]:
    """A page per step of every path through the decision tree. Left out of search: the same
    question stands on many paths, and a search should lead to the start, not into the
    middle of someone's answers."""
    pages = []
    for step in walk(renderer.site.tree):
        src = step_src(step)
        template = "tree_question.html" if step.node.type == "question" else "tree_outcome.html"
        html = _translation_note(renderer, step.node, src) + renderer.render(
            template, src, step=step, node=step.node
        )
        html += edit_line(renderer, step.node, src)
        address = edit_url(renderer, step.node, src)
        pages.append(Page(src, step.node.heading, html, searchable=False, edit_url=address))
    return pages


def all_pages(renderer: Renderer) -> list[Page]:
    """Every page made from data, in a stable order: collections as listed in
    `sphub.models.COLLECTIONS`, entries in file order, then the steps of the tree."""
    return [
        entry_page(renderer, entry)
        for key, collection in COLLECTIONS.items()
        if collection.model.page_folder
        for entry in renderer.site.collection(key).values()
        if entry.has_page()
    ] + step_pages(renderer)
