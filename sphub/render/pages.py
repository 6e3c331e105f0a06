"""Every page made from data, from one registry: a page per entry of each collection whose
model is a `PagedEntry` (which names its page folder and template), and the decision tree's
plan page (the answers are in its address). Each page is finished HTML from an autoescaped
fragment template."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from sphub.data.translations import FOLDER
from sphub.editor.links import editor_address
from sphub.models import COLLECTIONS
from sphub.models.types import Model, PagedEntry
from sphub.render.i18n import SOURCE, N_
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.renderer import Renderer
from sphub.render.urls import PLAN_PAGE, relative_url, url_of


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


def entry_page(renderer: Renderer, entry: PagedEntry) -> Page:
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
    html = renderer.with_tooltips(html) + edit_line(renderer, entry, src)
    kind = renderer.gettext(entry.kind_name)
    return Page(src, title, html, kind=kind, edit_url=edit_url(renderer, entry, src))


def edit_url(renderer: Renderer, entry: Model, src: str) -> str:
    """Where the page of `entry` is edited: its form in the browser editor (relative to the
    page), or where the site does not ship the editor its data file on the git host
    (`data_on_host`, from mkdocs.yml's repo_url and edit_uri; a translated page its language's
    file); "" for neither."""
    return _editor_url(renderer, renderer.site.collection_of(entry), src)


def _editor_url(renderer: Renderer, collection: str, src: str) -> str:
    if not renderer.env.globals.get("editor"):
        on_host = renderer.env.globals.get("data_on_host")
        if not on_host:
            return ""
        own = "" if renderer.language == SOURCE else f"{FOLDER}/{renderer.language}/"
        return on_host + own + COLLECTIONS[collection].file
    return _form_url(renderer, collection, src)


def _form_url(renderer: Renderer, collection: str, src: str) -> str:
    """The form of `collection`'s file in the browser editor, from the page `src`: in
    another language, the form of that language's translation. The editor is one
    application at the site's root, above the language's folder."""
    address = editor_address(collection, renderer.language)
    link = relative_url(url_of(src, renderer.directory_urls), address)
    return link if renderer.language == SOURCE else "../" + link


def edit_line(renderer: Renderer, entry: Model, src: str) -> str:
    """In the preview only (`make serve`): where the page's entry stands in its data file,
    and its file's form in the browser editor. Members' pages speak of no file or line."""
    if not renderer.env.globals.get("preview"):
        return ""
    key = renderer.site.collection_of(entry)
    site = renderer.site
    file, where = f"data/{COLLECTIONS[key].file}", site.places.get((key, entry.id))
    line = where.file.line(where.path) if where else 1
    # In another language, its translation where there is one (else the English it shows).
    translation = site.translations.entries.get(site.language, {}).get((key, entry.id))
    if translation is not None:
        file, line = f"data/{FOLDER}/{site.language}/{COLLECTIONS[key].file}", translation.line()
    form = _form_url(renderer, key, src) if renderer.env.globals.get("editor") else ""
    return "\n" + renderer.render("edit_entry.html", src, file=file, line=line, form=form)


def _translation_note(renderer: Renderer, entry: Model, src: str) -> str:
    """The note on a page of another language than the source's whose text is (partly) in
    English, or whose English changed since it was translated; '' otherwise."""
    state = renderer.site.translation_state(entry)
    return renderer.render("translation_note.html", src, state=state) + "\n" if state else ""


def plan_page(renderer: Renderer) -> list[Page]:
    """The page that shows a network's plan: the answers are in its address, and the rule is
    applied in the browser. Left out of search: without answers it has no plan to show. Its
    edit control leads to the steps' form, where the rule is."""
    if not renderer.site.tree or not renderer.site.steps:
        return []
    html = renderer.with_tooltips(renderer.render("tree_plan.html", PLAN_PAGE))
    title = renderer.gettext("Your network's plan")
    address = _editor_url(renderer, "steps", PLAN_PAGE)
    return [Page(PLAN_PAGE, title, html, searchable=False, edit_url=address)]


def all_pages(renderer: Renderer) -> list[Page]:
    """Every page made from data, in a stable order: collections as listed in
    `sphub.models.COLLECTIONS`, entries in file order, then the decision tree's plan page."""
    return [
        entry_page(renderer, entry)
        for key, collection in COLLECTIONS.items()
        if issubclass(collection.model, PagedEntry)
        for entry in renderer.site.collection(key).values()
    ] + plan_page(renderer)
