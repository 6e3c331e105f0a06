"""The preview (`make serve`, `sphub serve`): an edit shows quickly, and a data mistake never
stops it.

sphub stages the site once, then MkDocs serves the staging folder (`mkdocs serve --dirty`,
in this process). A watcher reloads the data on every edit of data/, docs/ or overrides/:
on a data mistake it prints the problems in the usual one-line form and leaves the staging
folder as it was, so the last good pages stay served; otherwise it writes only the staged
pages whose text changed, and touches the hand-written pages whose macros now give another
output. MkDocs' dirty rebuild then builds those pages, and only those, again."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from sphub.data.errors import DataError
from sphub.data.load import load_site
from sphub.engines import session
from sphub.engines.project import Project
from sphub.data.fields import references
from sphub.editor.assets import admin_files
from sphub.editor.assets import missing as editor_missing
from sphub.editor.server import LOCAL_NAMES, EditingServer
from sphub.data.translations import languages, translate
from sphub.data.translations import TRANSLATED_PAGE
from sphub.engines.languages import Language, languages_of
from sphub.engines.staging import stage
from sphub.render.i18n import LOCALE, SOURCE
from sphub.models import COLLECTIONS
from sphub.render.pages import Page, all_pages, entry_page, step_pages
from sphub.render.renderer import COMPILED, Renderer
from sphub.render.macros import Macros, make_macros
from sphub.render.renderer import template_error

# Collections no step of the decision tree shows; an edit elsewhere renders the steps again.
NETWORK = {
    "topics",
    "regions",
    "organisations",
    "members",
    "workplans",
    "events",
    "resources",
    "projects",
}
STEPS = ("decision-tree/q/", "decision-tree/result/")  # sphub.render.urls.step_src

POLL = 0.1  # seconds between looks at the watched folders (a look takes a few ms)


@dataclass(frozen=True)
class Call:
    """One call of a macro by a hand-written page, and what it gave."""

    name: str
    args: tuple
    kwargs: dict
    output: str


# Hand-written page -> the macros it called in the build that last built it, with their
# output: the page changes with the data exactly when one of those outputs does.
_calls: dict[str, list[Call]] = {}
_built_in: dict[str, int] = {}  # page -> the build that noted its calls
_build = 0


def new_build() -> None:
    """A build starts (`define_env` runs once per build): each page's calls are noted afresh."""
    global _build
    _build += 1


def recording(macros: Macros, current_src: Callable[[], str]) -> Macros:
    """`macros` that also note each call under the page being rendered (`current_src()`)."""

    def record(name: str, macro: Callable[..., str]) -> Callable[..., str]:
        def call(*args, **kwargs) -> str:
            output = macro(*args, **kwargs)
            src = current_src()
            if _built_in.get(src) != _build:
                _calls[src], _built_in[src] = [], _build
            _calls[src].append(Call(name, args, kwargs, output))
            return output

        return call

    return {name: record(name, macro) for name, macro in macros.items()}


def macros_changed(src: str, macros_for: Callable[[], Macros]) -> bool:
    """Whether the hand-written page `src` would show something else now: a macro it called,
    called again with the same arguments on the current data (`macros_for()`, bound to
    `src`), gives another output. True when the page was not built before in this process."""
    if src not in _calls:
        return True
    macros = macros_for()
    return any(macros[call.name](*call.args, **call.kwargs) != call.output for call in _calls[src])


_server = None  # MkDocs' LiveReloadServer, once it serves (sphub.engines.mkdocs_hooks)
# Held while the staged files are written, and by each of MkDocs' rebuilds: a rebuild that
# started on the first written file would read some pages as unchanged and then find them
# changed when it builds them (MkDocs 1.6 then hands Material's search a page without
# content, and the rebuild fails).
_writing = threading.Lock()
_editing: tuple[Path, dict[str, Path]] | None = None  # with `--edit`: the project, /admin/'s files
# The banner every served page shows while the data (or a template) has problems; "" when
# the last edit built.
_banner = b""


def serving(server) -> None:
    """Keep MkDocs' server, and have it add the problems banner to every page it serves
    (MkDocs 1.6, pinned, adds its reload script to each HTML page in this method); with
    `--edit`, put the editing server in front of it."""
    global _server
    _server = server
    add_script = server._inject_js_into_html

    def with_banner(content: bytes, epoch: int) -> bytes:
        return add_script(with_problems(content, _banner), epoch)

    server._inject_js_into_html = with_banner
    build = server.builder

    def builder() -> None:
        with _writing:
            build()

    server.builder = builder
    if _editing is not None:
        # The editing server goes in front of MkDocs' on the same address (one origin: the
        # editor's page and its API).
        root, admin = _editing
        port = server.server_address[1]
        server.set_app(EditingServer(root, admin, port, server.get_app()))


_BODY = re.compile(rb"<body[^>]*>")


def with_problems(page: bytes, banner: bytes) -> bytes:
    """`page` with `banner` at the top of its body."""
    found = _BODY.search(page) if banner else None
    if found is None:
        return page
    return page[: found.end()] + banner + page[found.end() :]


def problems_banner(templates: Path, lines: list[str], what: str) -> bytes:
    """The banner listing `lines` (one problem each, escaped), from its fragment template."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined
    )
    count = len(lines)
    html = environment.get_template("preview_problems.html").render(
        heading=f"{count} problem{'s' if count != 1 else ''} in the {what}: the preview was "
        "not rebuilt",
        lines=lines,
        what=what,
    )
    return html.encode("utf-8")


def _show(banner: bytes) -> None:
    """Show `banner` (b"": none) on the pages served from now on, and have the browsers
    reload to show it. While a rebuild runs, its end makes them reload."""
    global _banner
    _banner = banner
    if _server is None:
        return
    with _server._epoch_cond:
        if _server._visible_epoch == _server._wanted_epoch:
            # In MkDocs' unit (milliseconds of time.monotonic), later than the page's.
            epoch = max(_server._visible_epoch + 1, round(time.monotonic() * 1000))
            _server._visible_epoch = _server._wanted_epoch = epoch
            _server._epoch_cond.notify_all()


def _rebuild_now() -> None:
    """Ask MkDocs' server for a rebuild at once, as its own watcher would (MkDocs 1.6's
    LiveReloadServer, pinned: its watcher's callback does exactly this)."""
    if _server is not None:
        with _server._rebuild_cond:
            _server._want_rebuild = True
            _server._rebuild_cond.notify_all()


def _line(site, key: str, entry_id: str) -> int:
    where = site.places[(key, entry_id)]
    return where.file.line(where.path)


def _snapshot(folders: list[Path]) -> dict[Path, float]:
    return {
        p: p.stat().st_mtime for f in folders if f.is_dir() for p in f.rglob("*") if p.is_file()
    }


class Preview:
    """The staged site of `project`, staged again after every edit."""

    def __init__(self, project: Project, folder: Path):
        from sphub.engines.build import renderer_for

        self.project, self.folder, self.renderer_for = project, folder, renderer_for
        self.watched = [project.data, project.docs, project.overrides, project.locale, LOCALE]
        self.codes = languages(project.data)
        self.session: session.Session | None = None  # the last good data's
        self.pages: dict[str, Page] = {}  # source path -> page, of the last good data
        self.seen_templates: dict[Path, float] = {}

    def restage(self) -> bool:
        """Load, check and stage the data; False (and the problems printed) on bad data.

        MkDocs' watcher rebuilds as soon as it sees a staged file change: so everything is
        worked out first (the pages, which hand-written pages' macros now give another
        output, the session the rebuild's macros read), and the files are written last, at
        once. Otherwise the rebuild starts on the first written pages, with the previous
        data in its macros, and a second rebuild follows for the rest."""
        config = self.project.config()
        try:
            site = load_site(self.project.data)
            renderer = self.renderer_for(self.project, site, config.directory_urls)
            renderer.env.globals["preview"] = True
            touch = []
            for src in list(_calls):
                # A hand-written page whose macros give another output now is built again.
                macros = make_macros(renderer, lambda src=src: src, config.extra)
                if macros_changed(src, lambda macros=macros: macros):
                    touch.append(self.folder / "docs" / src)
        except (DataError, jinja2.TemplateError) as err:
            return self._refused(err)
        previous = self.session
        self.session = session.Session(
            site,
            self.project.templates,
            config.directory_urls,
            renderer.changes,
            self.project.locale,
        )
        session.begin(self.session)
        try:
            pages = self._pages(renderer, previous)
            english = Language(SOURCE, self.codes, self.project.locale)
            with _writing:
                stage(renderer, self.project.docs, self.folder / "docs", False, pages, english)
                for staged in touch:
                    if staged.exists():
                        os.utime(staged)
            self.pages = {page.src: page for page in pages}
        except (DataError, jinja2.TemplateError) as err:  # found before any file is written
            self.session = previous
            if previous is not None:
                session.begin(previous)
            return self._refused(err)
        global _banner
        _banner = b""  # the rebuild's reload shows the pages without it
        _rebuild_now()
        return True

    def _pages(self, renderer: Renderer, previous: session.Session | None) -> list[Page]:
        """Every page made from data, rendered again only where the edit can show: the
        entries that changed, those they refer to and those that refer to them (a page shows
        the names of both); every page of the guidance when the guidance changed (an outcome
        shows every path to it).
        Everything is rendered when the templates or the files' history changed."""
        templates = _snapshot([self.project.templates])
        everything = (
            previous is None
            or templates != self.seen_templates
            or previous.changes != renderer.changes
        )
        self.seen_templates = templates
        if everything:
            return all_pages(renderer)
        old, new = previous.site, renderer.site
        changed = {
            (key, entry_id)
            for key in COLLECTIONS
            for entry_id in old.collection(key).keys() | new.collection(key).keys()
            if old.collection(key).get(entry_id) != new.collection(key).get(entry_id)
        }
        shown = set(changed)
        for key, entry_id in changed:
            for site in (old, new):
                entry = site.collection(key).get(entry_id)
                if entry is None:
                    continue
                shown |= {
                    (link.collection, link.source.id)
                    for link in site.backlinks.get((key, entry_id), [])
                }
                shown |= {
                    (target, value)
                    for _, targets, value in references(entry)
                    for target in targets
                    if value in site.collection(target)
                }
        # A page shows its entry's line in its file ("Edit this page"): entries below an
        # edit moved.
        shown |= {
            (key, entry_id)
            for key in COLLECTIONS
            for entry_id in old.collection(key).keys() & new.collection(key).keys()
            if _line(old, key, entry_id) != _line(new, key, entry_id)
        }
        guidance = any(key not in NETWORK for key, _ in changed)  # its pages show paths
        pages = [
            entry_page(renderer, entry)
            if (key, entry.id) in shown
            or (guidance and key not in NETWORK)
            or renderer.src_of(entry) not in self.pages
            else self.pages[renderer.src_of(entry)]
            for key, collection in COLLECTIONS.items()
            if collection.model.page_folder
            for entry in new.collection(key).values()
            if entry.has_page()
        ]
        if guidance:
            return pages + step_pages(renderer)
        return pages + [page for page in self.pages.values() if page.src.startswith(STEPS)]

    def _refused(self, err: DataError | jinja2.TemplateError) -> bool:
        if isinstance(err, DataError):
            report = err.report()
            lines, what = [str(p) for p in err.problems], "data"
        else:
            report = f"A template could not be rendered: {template_error(err, self.project.root)}"
            lines, what = [template_error(err, self.project.root)], "templates"
        _show(problems_banner(self.project.templates, lines, what))
        print(
            f"{report}\nThe preview still shows the last good build; fix it and save to rebuild.",
            file=sys.stderr,
            flush=True,
        )
        return False

    def watch(self) -> None:
        seen = _snapshot(self.watched)
        self.build_languages(set(self.codes) - {SOURCE})
        while True:
            time.sleep(POLL)
            now = _snapshot(self.watched)
            if now != seen:
                edited = {p for p in seen.keys() | now.keys() if seen.get(p) != now.get(p)}
                seen = now
                changed = languages_changed(edited, self.project, self.codes)
                if SOURCE in changed:
                    if self.restage():
                        self.build_languages(changed - {SOURCE})
                    continue
                try:  # only translations changed: the English pages stay as they are
                    site = load_site(self.project.data)
                except DataError as err:
                    self._refused(err)
                    continue
                self.build_languages(changed, site)

    def build_languages(self, codes: set[str], english=None) -> None:
        """Build each language of `codes` again, whole (in a process of its own, as
        `sphub build` does), from the site `english` (default: the last staged), and put it
        in place in the served site, under its folder."""
        from sphub.engines.build import _Forked, _LanguageBuild, swap_in
        from sphub.engines.registry import engine_named

        while codes and _server is None:  # MkDocs serves once its first build is done
            time.sleep(POLL)
        if not codes or self.session is None:
            return
        english = english or self.session.site
        sites = {code: translate(english, code) for code in self.codes}
        for language in languages_of(self.codes, self.project.locale):
            if language.code not in codes:
                continue
            work = self.folder / "languages"
            engine = engine_named("mkdocs")
            changes = self.session.changes
            one = _LanguageBuild(
                self.project, engine, language, sites, changes, work, False, False, preview=True
            )
            try:
                _Forked(one).result()
            except Exception as err:  # bad data was refused above: an engine's or a bug's
                print(f"The {language.code} pages were not rebuilt: {err}", file=sys.stderr)
                continue
            built, served = work / language.code / "site", Path(_server.root) / language.code
            swap_in(built, served)
            shutil.rmtree(built, ignore_errors=True)
            print(f"Rebuilt the {language.code} pages", flush=True)
        _rebuild_now()  # the served pages reload


def languages_changed(edited: set[Path], project: Project, codes: tuple[str, ...]) -> set[str]:
    """The languages whose pages an edit of the files `edited` can change: a file of one
    language's own (data/translations/<lang>/, docs/x.<lang>.md, its catalogue) changes
    that language's; any other file (the English data and pages, the templates) every
    language's."""
    found = set()
    for path in edited:
        code = None
        for folder in (project.data / "translations", project.locale, LOCALE):
            if path.is_relative_to(folder):
                code = path.relative_to(folder).parts[0]
        match = TRANSLATED_PAGE.search(path.name)
        if match and path.is_relative_to(project.docs):
            code = match[1]
        if code not in codes or code == SOURCE:
            return set(codes)
        found.add(code)
    return found


def serve(project: Project, dev_addr: str, verbose: bool = False, edit: bool = False) -> int:
    """Serve the preview on `dev_addr` until interrupted; `verbose` shows mkdocs-macros'
    messages too (a line or more per page and rebuild, which buried the data's problems);
    with `edit`, the browser editor too, at /admin/, saving into data/ through sphub's
    checks (sphub.editor)."""
    global _editing
    from sphub.engines.registry import engine_named

    folder = project.cache / "preview"
    if edit:
        host = dev_addr.rsplit(":", 1)[0]
        if host not in LOCAL_NAMES:
            print(
                f"refused: the editor listens on 127.0.0.1 only, not on {host!r}",
                file=sys.stderr,
            )
            return 1
        problem = editor_missing(project.root)
        if problem:
            print(f"The editor cannot start: {problem}.", file=sys.stderr)
            return 1
        _editing = (project.root, admin_files(project.root, folder / "admin"))
    COMPILED.keep_in(project.cache / "templates")
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    preview = Preview(project, folder)
    if not preview.restage():
        return 1
    english = Language(SOURCE, preview.codes, project.locale)
    config_file = engine_named("mkdocs").write_config(
        project, folder / "docs", folder / "site", english
    )
    threading.Thread(target=preview.watch, daemon=True).start()
    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs' own messages ("Serving on ...", each rebuild), as its command line shows them.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(
        logging.INFO if verbose else logging.WARNING
    )
    try:
        mkdocs_serve(
            str(config_file),
            livereload=True,
            build_type="dirty",
            watch_theme=True,
            dev_addr=dev_addr,
            strict=False,
        )
    except KeyboardInterrupt:
        pass
    return 0
