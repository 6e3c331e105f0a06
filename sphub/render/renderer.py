"""Render HTML from the validated site with autoescaped templates (overrides/fragments/).

Data text only ever enters a page as a template *value*, escaped, or as Markdown cleaned by
`sphub.render.markup`; it is never compiled as a template."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from sphub.outputs import exports as export
from sphub.render import pictures
from sphub.render import text
from sphub.render.guide import file_guides
from sphub.render.markup import markdown_html
from sphub.models import COLLECTIONS
from sphub.models.types import Model
from sphub.data.site import Site, sort_name
from sphub.render.urls import page_src, relative_url, url_of


@dataclass(frozen=True)
class Page:
    """A page made from data: its source path, title and HTML body."""

    src: str
    title: str
    html: str
    searchable: bool = True

    def markdown(self) -> str:
        """The page as MkDocs reads it. The title is JSON (valid YAML, any character safe),
        HTML-escaped: the theme prints `page.meta.title` into <title> and the header without
        escaping it. The body is one raw HTML block, which Markdown passes through untouched."""
        title = json.dumps(str(escape(self.title)), ensure_ascii=False)
        search = "" if self.searchable else "search:\n  exclude: true\n"
        return f"---\ntitle: {title}\n{search}---\n\n{self.html}\n"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process: `mkdocs serve` makes a Renderer
    for every rebuild, and compiling every template again was a tenth of a rebuild. Jinja
    checks each template's source against its checksum, so an edited template is compiled."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class Renderer:
    """Renders pages and fragments of one site, with links relative to the page they are on."""

    def __init__(self, site: Site, templates: Path, directory_urls: bool = True,
                 changes: dict | None = None):
        self.site = site
        self.changes = changes or {}  # data file -> sphub.data.history.Change, shown on its pages
        self.directory_urls = directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_COMPILED,
        )
        self.env.filters.update(
            md=markdown_html,
            when=text.when,
            country=text.country_name,
            language=text.language_name,
            label=text.label,
            by_name=lambda entries: sorted(entries, key=sort_name),
        )
        self.env.tests["contains"] = lambda values, value: value in values
        self.env.globals["export"] = export  # paths of the downloads (JSON, CSV, calendars)
        self.env.globals.update(site=site, event_dates=text.event_dates, name=self.title_of, resolve=self.resolve
        )
        self.env.globals.update(pictures.template_globals(site, self.title_of))
        self.env.globals["data_guide"] = lambda: file_guides(site)  # the editing guide

    def resolve(self, ids: list[str] | str | None, *collections: str) -> list[Model]:
        """The entries `ids` name, looked up in `collections` in order (references are
        checked at load, so each id is found)."""
        ids = [ids] if isinstance(ids, str) else ids or []
        return [
            next(self.site.collection(c)[i] for c in collections if i in self.site.collection(c))
            for i in ids
        ]

    def src_of(self, entry: Model) -> str:
        return page_src(self.site.collection_of(entry), entry.id)

    def render(self, template: str, src: str, **values) -> str:
        """Render `template` for the page `src`; `href(x)` in the template links from there
        to an entry, to another page's source path, or to a file of the built site
        ('exports/members.csv')."""
        here = url_of(src, self.directory_urls)

        def href(target: Model | str) -> str:
            target_src = target if isinstance(target, str) else self.src_of(target)
            if not target_src.endswith(".md"):
                return relative_url(here, target_src)
            return relative_url(here, url_of(target_src, self.directory_urls))

        html = self.env.get_template(template).render(href=href, **values)
        return str(Markup(html))

    def entry_page(self, entry: Model) -> Page:
        """The page of one entry, from the template named after its collection."""
        collection = self.site.collection_of(entry)
        src = page_src(collection, entry.id)
        title = self.title_of(entry)
        html = self.render(f"{collection}.html", src, entry=entry, title=title)
        file = f"data/{COLLECTIONS[collection].file}"
        if file in self.changes:
            html += "\n" + self.render("last_changed.html", src, change=self.changes[file],
                                       file=file)
        return Page(src, title, html)

    def title_of(self, entry: Model) -> str:
        if self.site.collection_of(entry) == "workplans":
            return f"{self.site.regions[entry.region].group} work plan {entry.year}"
        name = getattr(entry, "name", None) or entry.title
        acronym = getattr(entry, "acronym", None)
        # "SEEP Network" needs no "(SEEP)"; "Pakistan Microfinance Network" needs "(PMN)".
        return f"{name} ({acronym})" if acronym and acronym not in name.split() else name

    def pages(self) -> list[Page]:
        """Every page made from data: one per entry of each collection."""
        return [
            self.entry_page(entry)
            for key in ("regions", "organisations", "members", "workplans", "events",
                        "resources", "projects", "topics")
            for entry in self.site.collection(key).values()
        ]
