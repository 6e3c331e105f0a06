"""Render HTML from the validated site with autoescaped templates (overrides/fragments/).

Data text only ever enters a page as a template *value*, escaped, or as Markdown cleaned by
`sphub.render.markup`; it is never compiled as a template."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import jinja2
from markupsafe import Markup

from sphub.data.fallback import is_in_english
from sphub.data.site import Site, sort_name
from sphub.data.tree import FIRST, LATER, NEXT, Rule, rule_data
from sphub.models import COLLECTIONS
from sphub.models.network import WorkPlan
from sphub.models.strategy import PlanStep, TreeNode
from sphub.models.types import Model
from sphub.render import downloads, glossary, i18n, pictures, text
from sphub.render.guide import error_example, file_guides
from sphub.render.markup import (
    mark_english,
    markdown_html,
    with_addresses_marked,
    with_cell_labels,
    with_word_boundaries,
)
from sphub.render.urls import PLAN_PAGE, START_PAGE, page_src, relative_url, url_of


class Renderer:
    """Renders pages and fragments of one site, with links relative to the page they are on
    (or, with `links_from_source`, to its Markdown file, as Zensical reads every link).
    `bytecode_cache` keeps compiled templates between renderers and builds (the preview
    makes a renderer for every rebuild): compiling them again was a second of every build."""

    def __init__(
        self,
        site: Site,
        templates: Path,
        directory_urls: bool = True,
        changes: dict | None = None,
        locale_dir: Path | None = None,
        bytecode_cache: jinja2.BytecodeCache | None = None,
        links_from_source: bool = False,
    ):
        self.site = site
        self.links_from_source = links_from_source
        self.changes = changes or {}  # data file -> sphub.data.history.Change, shown on its pages
        self.directory_urls = directory_urls
        # The site's language (`Site.language`, 'en' for the source) and its catalogue:
        # the project's `locale/` folder (`locale_dir`) first, then sphub's.
        self.language = lang = site.language
        translations = i18n.translations(lang, locale_dir)
        self.gettext = gettext = translations.gettext
        # The words of a page that show a term's definition, in this language.
        self.tooltips = glossary.tooltips(site, gettext)
        self.words = words = text.Words(lang, gettext, translations.ngettext)
        # After a text shown in English on a page of another language (sphub.data.fallback).
        self.in_english = gettext("(in English)")
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=bytecode_cache,
            extensions=["jinja2.ext.i18n"],
        )
        self.env.install_gettext_translations(translations, newstyle=True)
        self.env.filters.update(
            md=self.markdown,
            when=words.when,
            country=words.country,
            language=words.language,
            label=words.label,
            by_name=lambda entries: sorted(entries, key=sort_name),
        )
        self.env.tests["contains"] = lambda values, value: value in values
        self.rule = Rule(site.tree.values(), list(site.steps.values()))
        self.env.globals.update(
            site=site,
            lang=lang,
            collections=COLLECTIONS,
            downloads=downloads,  # paths of the JSON, CSV and calendars
            event_dates=words.dates,
            activity_status=lambda activity, plan: words.activity_status(
                activity.status, plan.year, site.build_date
            ),
            name=self.title_of,
            size=words.size,  # a file's size in the page's language
            plural_table=self.plural_table,
            editor=False,  # whether the site ships the browser editor (sphub.engines.build)
            # Whether this is the preview (`make serve`), whose pages show editors where each
            # entry stands in its file; members' pages never do.
            preview=False,
            resolve=self.resolve,
            data_guide=lambda: file_guides(site),  # the editing guide
            error_example=lambda: error_example(site),  # and its example of a mistake
            # The decision tree: its questions, its plan page and its one rule.
            start_page=START_PAGE,
            plan_page=PLAN_PAGE,
            plan_of=self.plan_of,
            places=(FIRST, NEXT, LATER),
            rule_json=lambda: json_for_script(rule_data(site.tree.values(), site.steps.values())),
            **pictures.template_globals(site, self.title_of, words),
        )

    def plan_of(self, answers: dict[str, list[str]]):
        """The plan the rule gives for `answers` (question id -> option ids), for the worked
        example of the worksheet and the guide; None when the answers make no plan."""
        chosen = {q: tuple(o) for q, o in answers.items() if q in self.site.tree}
        if not self.site.steps or set(chosen) != set(self.site.tree):
            return None
        return self.rule.plan(chosen)

    def plural_table(self, singular: str, plural: str, upto: int, **values) -> dict:
        """A message's forms for every count from 0 to `upto`, for a script that shows a
        count: {"forms": [...], "index": "0011..."}, the form for count n being
        forms[index[n]], with `values` filled in and "{num}" where the script puts n."""
        forms: list[str] = []
        index = []
        for n in range(upto + 1):
            form = self.words.plural(singular, plural, n) % {**values, "num": "{num}"}
            if form not in forms:
                forms.append(form)
            index.append(str(forms.index(form)))
        return {"forms": forms, "index": "".join(index)}

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
        if self.links_from_source:
            here = posixpath.dirname(src) + "/" if "/" in src else ""
        else:
            here = url_of(src, self.directory_urls)

        def href(target: Model | str) -> str:
            target_src = target if isinstance(target, str) else self.src_of(target)
            if not target_src.endswith(".md"):
                return relative_url(here, target_src)
            return relative_url(here, url_of(target_src, self.directory_urls))

        html = self.env.get_template(template).render(href=href, **values)
        html = with_addresses_marked(with_cell_labels(html))
        html = mark_english(with_word_boundaries(html), self.in_english)
        return text.spaced_punctuation(html, self.language)

    def markdown(self, text: str) -> Markup:
        """A Markdown field as HTML; one whose translation is missing in a block marked
        `lang="en"`, under a label saying so in the page's language."""
        html = markdown_html(text)
        if not is_in_english(text):
            return html
        return (
            Markup('<div class="sphub-in-english-block"><p class="sphub-in-english">%s</p>')
            % self.in_english
            + Markup('<div lang="en">')
            + html
            + Markup("</div></div>")
        )

    def with_tooltips(self, html: str) -> str:
        """`html` (a page's or a macro's) with the first use of each glossary term shown with
        its definition as a tooltip."""
        return glossary.with_tooltips(html, self.tooltips)

    def title_of(self, entry: Model) -> str:
        """The title of an entry's page, and of links to it."""
        if isinstance(entry, WorkPlan):
            return self.gettext("%(region)s work plan %(year)s") % {
                "region": self.site.regions[entry.region].group,
                "year": entry.year,
            }
        if isinstance(entry, (TreeNode, PlanStep)):
            return entry.heading
        name = getattr(entry, "name", None) or entry.title
        acronym = getattr(entry, "acronym", None)
        # "SEEP Network" needs no "(SEEP)"; "Pakistan Microfinance Network" needs "(PMN)".
        # A name shown in English stays marked so (its type: sphub.data.fallback).
        if acronym and acronym not in name.split():
            return type(name)(f"{name} ({acronym})")
        return name


def json_for_script(value) -> Markup:
    """JSON to write inside a page's <script type="application/json">: '<' is escaped so that
    no value can close the element."""
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"))


def template_error(err: jinja2.TemplateError, root: Path) -> str:
    """A template's error in one line, where it happened: 'overrides/fragments/members.html:14:
    'no_such_value' is undefined'. Templates are the project's code, not data: this is for
    whoever edits them."""
    filename, line = None, None
    if isinstance(err, jinja2.TemplateSyntaxError):
        filename, line = err.filename, err.lineno
    else:
        tb = err.__traceback__
        while tb is not None:  # the innermost template frame (Jinja names them so)
            if tb.tb_frame.f_code.co_filename.endswith(".html"):
                filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    where = ""
    if filename:
        path = Path(filename)
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        where = f"{shown}:{line}: "
    return where + (err.message or type(err).__name__)
