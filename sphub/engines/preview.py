"""The preview (`make serve`, `sphub serve`): an edit shows quickly, and a data mistake never
stops it.

sphub stages the site once, then MkDocs builds the staging folder and its live-reload server
(`mkdocs.livereload.LiveReloadServer`) serves it, all in this process, on MkDocs' public
API: a builder of sphub's own (MkDocs' `build`, dirty, with sphub's plugin), `watch`,
`serve` and WSGI's `get_app`/`set_app`. A watcher that waits on the kernel (watchdog's
inotify observer) sees every edit of data/, docs/, overrides/ and the catalogues: sphub
reloads the data; on a data mistake it prints the problems in the usual one-line form,
shows them in a banner on every page, and leaves the staging folder as it was, so the last
good pages stay served; otherwise it writes only the staged pages whose text changed, and
touches the hand-written pages whose macros now give another output. MkDocs' dirty rebuild
then builds those pages, and only those, again, and reloads the browsers. Every language
is a lane of its own (`Lane`: its staging folder, its folder in the served site, its
record of macros), staged and built the same way, and only when an edit can change it:
English first, then the other languages, in a thread of their own.

MkDocs' server rebuilds and reloads when a file it watches changes: it watches one file,
which sphub touches when an edit has come (it looks at it every POLL seconds, the only file
it looks at). A lane's build and the writing of its staged files hold its lock, so a build
never reads half-written files, and an edit during a build waits for its end."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from sphub.data.errors import DataError
from sphub.data.fields import references
from sphub.data.load import load_site
from sphub.data.translations import TRANSLATED_PAGE, languages, translate
from sphub.editor.assets import admin_files
from sphub.editor.assets import missing as editor_missing
from sphub.editor.server import LOCAL_NAMES, EditingServer
from sphub.engines.languages import Language, languages_of
from sphub.engines.project import Project
from sphub.engines.session import PLUGIN, Plugin, Session
from sphub.engines.staging import stage
from sphub.models import COLLECTIONS
from sphub.models.types import PagedEntry
from sphub.render.i18n import LOCALE, SOURCE
from sphub.render.macros import Macros, make_macros
from sphub.render.pages import Page, all_pages, entry_page, plan_page
from sphub.render.renderer import Renderer, template_error
from sphub.render.urls import PLAN_PAGE

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
STEPS = (PLAN_PAGE,)  # the decision tree's plan page (sphub.render.pages.plan_page)
# Collections every step's page shows something of (the answers that call for the step).
PLAN = {"tree", "steps"}

# After an event, how long the watcher waits for more (an editor's save is often several:
# a temporary file, then a rename) before it acts on them all at once.
SETTLE = 0.05  # seconds
# Events that say a file's content changed (not that it was opened or read).
CHANGES = {"created", "modified", "deleted", "moved", "closed"}
# How often MkDocs' server looks at the one file it watches (sphub touches it when an edit
# is staged): a stat of one file, ten times a second, to start a rebuild within 0.1 s.
POLL = 0.1  # seconds
# At most this long, the other languages wait for MkDocs to build an English edit before
# they are staged, and a rebuild waits for a language being staged (it never takes so long;
# if it did, they go on).
WAIT_ENGLISH = 30  # seconds
WAIT_STAGED = 30  # seconds


@dataclass(frozen=True)
class Call:
    """One call of a macro by a hand-written page, and what it gave."""

    name: str
    args: tuple
    kwargs: dict
    output: str


class MacroCalls:
    """Hand-written page -> the macros it called in the build that last built it, with their
    output: the page changes with the data exactly when one of those outputs does."""

    def __init__(self) -> None:
        self.calls: dict[str, list[Call]] = {}
        self.built_in: dict[str, int] = {}  # page -> the build that noted its calls
        self.build = 0

    def new_build(self) -> None:
        """A build starts (`define_env` runs once per build): each page's calls are noted
        afresh."""
        self.build += 1

    def recording(self, macros: Macros, current_src: Callable[[], str]) -> Macros:
        """`macros` that also note each call under the page being rendered (`current_src()`)."""

        def record(name: str, macro: Callable[..., str]) -> Callable[..., str]:
            def call(*args, **kwargs) -> str:
                output = macro(*args, **kwargs)
                src = current_src()
                if self.built_in.get(src) != self.build:
                    self.calls[src], self.built_in[src] = [], self.build
                self.calls[src].append(Call(name, args, kwargs, output))
                return output

            return call

        return {name: record(name, macro) for name, macro in macros.items()}

    def changed(self, src: str, macros_for: Callable[[], Macros]) -> bool:
        """Whether the hand-written page `src` would show something else now: a macro it
        called, called again with the same arguments on the current data (`macros_for()`,
        bound to `src`), gives another output. True when the page was not built before."""
        if src not in self.calls:
            return True
        macros = macros_for()
        return any(
            macros[call.name](*call.args, **call.kwargs) != call.output for call in self.calls[src]
        )


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


def _line(site, key: str, entry_id: str) -> int:
    where = site.places[(key, entry_id)]
    return where.file.line(where.path)


def _snapshot(folder: Path) -> dict[Path, float]:
    """Every file under `folder`, with the time it was last written."""
    return {p: p.stat().st_mtime for p in folder.rglob("*") if p.is_file()}


def _within(snapshot: dict[Path, float], folder: Path) -> dict[Path, float]:
    return {path: time for path, time in snapshot.items() if path.is_relative_to(folder)}


class Edits:
    """The files edited under the watched folders, as the kernel reports them (watchdog's
    observer: inotify on Linux), handed out in bursts (`next`)."""

    def __init__(self) -> None:
        self.paths: set[Path] = set()
        self.came = threading.Condition()

    def dispatch(self, event) -> None:  # watchdog's handler interface
        if event.is_directory or event.event_type not in CHANGES:
            return
        with self.came:
            self.paths.add(Path(os.fsdecode(event.src_path)))
            if getattr(event, "dest_path", ""):
                self.paths.add(Path(os.fsdecode(event.dest_path)))
            self.came.notify_all()

    def next(self) -> set[Path]:
        """Wait for an edit; the files edited until none came for SETTLE seconds."""
        with self.came:
            self.came.wait_for(lambda: self.paths)
            while self.came.wait(timeout=SETTLE):
                pass
            paths, self.paths = self.paths, set()
        return paths


class Lane:
    """One language of the preview: its pages staged in `docs`, built by MkDocs, dirty, into
    `site` (English: the served folder; another language: its folder in it), with what its
    last good staging made (its session, its pages, the record of its macros' calls).

    Its lock is held while its staged files are written and while MkDocs builds them: a
    build that started on the first written file would read some pages as unchanged and
    then find them changed when it builds them (MkDocs 1.6 then hands Material's search a
    page without content, and the build fails)."""

    def __init__(self, project: Project, language: Language, docs: Path, site: Path):
        from sphub.engines.mkdocs import MkDocs

        self.project, self.language, self.docs, self.site = project, language, docs, site
        docs.mkdir(parents=True, exist_ok=True)
        self.config_file = MkDocs().write_config(project, docs, site, language)
        # The `extra:` its pages' macros see (the footer's links named in its language).
        extra = yaml.safe_load(self.config_file.read_text(encoding="utf-8")).get("extra")
        self.extra = extra or {}
        self.session: Session | None = None  # of its last good staging
        self.pages: dict[str, Page] = {}  # source path -> page made from data, of that staging
        self.seen_theme: dict[Path, float] = {}  # overrides/, as its last good staging saw it
        self.calls = MacroCalls()
        self.writing = threading.Lock()
        self.staged = False  # staged since its last build: the next rebuild builds it
        # To be staged, and a rebuild asked for meanwhile (`Preview.stage_languages`): a
        # rebuild waits for its staging, then builds it.
        self.expected = False
        self.settled = threading.Condition(self.writing)  # notified after each staging, build
        self.builds = 0

    def restage(self, site, changes: dict | None = None) -> None:
        """Stage the pages of `site` (this language's) whose text changed, and touch the
        hand-written pages whose macros now give another output; the next rebuild builds
        them, if any. Everything is worked out first and the files are written last, at
        once: the caller holds `writing`.

        Raises:
            DataError, jinja2.TemplateError: before any file is written.
        """
        from sphub.engines.build import renderer_for, session_for

        config = self.project.config()
        renderer = renderer_for(self.project, site, config.directory_urls, changes)
        renderer.env.globals["preview"] = True
        touch = []
        for src in list(self.calls.calls):
            macros = make_macros(renderer, lambda src=src: src, self.extra)
            if self.calls.changed(src, lambda macros=macros: macros):
                touch.append(self.docs / src)
        theme = _snapshot(self.project.overrides)
        pages = self._pages(renderer, self.session, theme)
        staged = stage(renderer, self.project.docs, self.docs, False, pages, self.language)
        # A template of the theme (main.html, a partial) is part of every page, which
        # MkDocs' dirty build cannot know: every page is built again.
        if self.seen_theme and theme != self.seen_theme:
            touch = list(self.docs.rglob("*.md"))
        touch = [path for path in touch if path.exists()]
        for path in touch:
            os.utime(path)
        self.pages, self.seen_theme = {page.src: page for page in pages}, theme
        self.session = session_for(self.project, site, config.directory_urls, renderer.changes)
        # Nothing to build when no staged file changed (an English edit of a text this
        # language translates): its pages stay as they are, and the next edit waits less.
        # The first staging is always built: the served folder starts empty, while the
        # staged files may be those of the last preview.
        self.staged |= staged.changed or bool(touch) or self.builds == 0

    def _pages(
        self, renderer: Renderer, previous: Session | None, theme: dict[Path, float]
    ) -> list[Page]:
        """Every page made from data, rendered again only where the edit can show: the
        entries that changed (in this language: their translation or its state too), those
        they refer to and those that refer to them (a page shows the names of both); every
        step's page when the decision tree or its steps changed (a step's page shows the
        answers that call for it); the plan page when the guidance changed.
        Everything is rendered when the templates (in `theme`, overrides/ now), the files'
        history or the glossary (its tooltips are on every page) changed."""
        templates = self.project.templates
        everything = (
            previous is None
            or _within(theme, templates) != _within(self.seen_theme, templates)
            or previous.changes != renderer.changes
            or previous.site.glossary != renderer.site.glossary
        )
        if everything:
            return all_pages(renderer)
        old, new = previous.site, renderer.site
        changed = {
            (key, entry_id)
            for key in COLLECTIONS
            for entry_id in old.collection(key).keys() | new.collection(key).keys()
            if old.collection(key).get(entry_id) != new.collection(key).get(entry_id)
            or old.states.get((key, entry_id)) != new.states.get((key, entry_id))
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
        steps = any(key in PLAN for key, _ in changed)  # every step's page shows answers
        guidance = any(key not in NETWORK for key, _ in changed)  # the plan shows its names
        pages = [
            entry_page(renderer, entry)
            if (key, entry.id) in shown
            or (steps and key in PLAN)
            or renderer.src_of(entry) not in self.pages
            else self.pages[renderer.src_of(entry)]
            for key, collection in COLLECTIONS.items()
            if issubclass(collection.model, PagedEntry)
            for entry in new.collection(key).values()
        ]
        if guidance:
            return pages + plan_page(renderer)
        return pages + [page for page in self.pages.values() if page.src.startswith(STEPS)]

    def build(self, url: str) -> None:
        """MkDocs' build of what was staged since the last, dirty (only the pages whose
        staged file is newer than their HTML), with the session of the last good data."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with self.writing:
            self.settled.wait_for(lambda: not self.expected, timeout=WAIT_STAGED)
            if not self.staged:
                return
            url += self.language.prefix
            config = load_config(
                config_file=str(self.config_file), site_dir=str(self.site), strict=False
            )
            config.site_url = url
            config.plugins[PLUGIN] = Plugin(self.session, self.calls)
            if self.builds == 0:
                config.plugins.on_startup(command="serve", dirty=True)
            build(config, serve_url=url, dirty=True)
            self.builds += 1
            self.staged = False
            self.settled.notify_all()

    def wait_built(self, timeout: float) -> None:
        """Wait until what was staged is built (at most `timeout` seconds)."""
        with self.settled:
            self.settled.wait_for(lambda: not self.staged, timeout)

    def expect(self) -> None:
        """Say this lane is about to be staged: a rebuild from now on waits for it."""
        with self.writing:
            self.expected = True

    def settle(self) -> None:
        """Say this lane's staging is over (staged or refused): a rebuild waits no more."""
        with self.settled:
            self.expected = False
            self.settled.notify_all()


class Preview:
    """The preview of `project`, staged in `folder`: each language's lane (English first),
    the state of the server that serves them, and the languages waiting to be staged."""

    def __init__(self, project: Project, folder: Path):
        self.project, self.folder = project, folder
        self.watched = [project.data, project.docs, project.overrides, project.locale, LOCALE]
        self.codes = languages(project.data)
        self.site_dir = folder / "site"
        self.lanes = {
            language.code: Lane(
                project,
                language,
                folder / language.prefix / "docs",
                self.site_dir / language.prefix,
            )
            for language in languages_of(self.codes, project.locale)
        }
        self.english = self.lanes[SOURCE]
        # The banner every served page shows while the data (or a template) has problems;
        # b"" when the last edit built.
        self.banner = b""
        # The one file MkDocs' server watches: touched, it rebuilds and reloads the browsers.
        self.reload_file = folder / "reload" / "edited"
        # The languages to stage again, in a thread of their own (an English edit need not
        # wait for them), from the English site `languages_english`.
        self.languages_wanted: set[str] = set()
        self.languages_english = None
        self.languages_came = threading.Condition()

    def restage(self) -> bool:
        """Load and check the data, and stage the English pages; False (and the problems
        printed) on bad data. The caller holds the English lane's `writing`."""
        try:
            self.english.restage(load_site(self.project.data))
        except (DataError, jinja2.TemplateError) as err:  # found before any file is written
            return self._refused(err)
        self.banner = b""  # the rebuild's reload shows the pages without it
        return True

    def _refused(self, err: DataError | jinja2.TemplateError) -> bool:
        if isinstance(err, DataError):
            report = err.report()
            lines, what = [str(p) for p in err.problems], "data"
        else:
            report = f"A template could not be rendered: {template_error(err, self.project.root)}"
            lines, what = [template_error(err, self.project.root)], "templates"
        self.banner = problems_banner(self.project.templates, lines, what)
        print(
            f"{report}\nThe preview still shows the last good build; fix it and save to rebuild.",
            file=sys.stderr,
            flush=True,
        )
        return False

    def reload(self) -> None:
        """Have MkDocs' server rebuild and reload the browsers: it sees the file it watches
        change within POLL seconds, then it builds each lane staged since its last build."""
        self.reload_file.parent.mkdir(parents=True, exist_ok=True)
        self.reload_file.write_text(str(time.time_ns()), encoding="utf-8")

    def on_edit(self, edited: set[Path]) -> None:
        """Stage the edit of the files `edited` in each language it can change."""
        changed = languages_changed(edited, self.project, self.codes)
        if SOURCE in changed:
            with self.english.writing:
                # Asked first: MkDocs notices it while the data loads, and its build of the
                # English pages starts as soon as they are written.
                self.reload()
                built = self.restage()
            if built:
                self.want_languages(changed - {SOURCE}, self.english.session.site)
            return
        # Only translations changed: the English pages stay as they are. The rebuild is
        # asked for first, as for English: MkDocs notices it while the data loads.
        lanes = [self.lanes[code] for code in changed]
        asked = self.ask_first(lanes)
        try:
            site = load_site(self.project.data)
        except DataError as err:
            self._refused(err)  # the rebuild shows the problems' banner
            for lane in lanes:
                lane.settle()
            if not asked:
                self.reload()
            return
        self.banner = b""
        self.want_languages(changed, site)

    def want_languages(self, codes: set[str], english) -> None:
        """Have the languages of `codes` staged again from the English site `english`, after
        those under way."""
        if not codes:
            return
        with self.languages_came:
            self.languages_wanted |= codes
            self.languages_english = english
            self.languages_came.notify_all()

    def stage_wanted_languages(self) -> None:
        """Stage the languages wanted, for ever (a daemon thread)."""
        while True:
            with self.languages_came:
                self.languages_came.wait_for(lambda: self.languages_wanted)
                codes, self.languages_wanted = self.languages_wanted, set()
                english, self.languages_english = self.languages_english, None
            # After the English pages are built: the browsers of English pages wait for no
            # other language, and an English edit is shown first.
            self.english.wait_built(timeout=WAIT_ENGLISH)
            self.stage_languages(codes, english)

    def stage_languages(self, codes: set[str], english) -> None:
        """Stage each language of `codes` (from the English site `english`) whose pages can
        change, and have MkDocs build them. The rebuild is asked for first: MkDocs notices
        it while they are staged, and builds each as soon as it is staged."""
        changes = self.english.session.changes
        lanes = [self.lanes[code] for code in self.codes if code in codes and code != SOURCE]
        asked = all(lane.expected for lane in lanes)  # by the edit (`on_edit`)
        first = asked or self.ask_first(lanes)
        for lane in lanes:
            try:
                with lane.writing:
                    lane.restage(translate(english, lane.language.code), changes)
            except (DataError, jinja2.TemplateError) as err:  # a page in a hand-written one's
                # place, or a template's error in this language's text
                code = lane.language.code
                print(f"The {code} pages were not rebuilt: {err}", file=sys.stderr, flush=True)
            finally:
                lane.settle()
        if not first:
            self.reload()

    def ask_first(self, lanes: list[Lane]) -> bool:
        """Ask for the rebuild of `lanes` before they are staged (each rebuild then waits
        for their staging); False for lanes never built: they are staged when the preview
        starts, maybe before MkDocs' server watches the file `reload` touches, and ask
        once they are staged."""
        if not all(lane.builds for lane in lanes):
            return False
        for lane in lanes:
            lane.expect()
        self.reload()
        return True

    def watch(self, edits: Edits) -> None:
        """Act on every edit, for ever (a daemon thread)."""
        while True:
            self.on_edit(edits.next())

    def builder(self, url: str) -> Callable[[], None]:
        """MkDocs' server's build: each lane staged since its last build, built dirty."""
        english = self.english

        def rebuild() -> None:
            # English, once its staging under way is done (the reload was asked before it);
            # then the languages staged, or being staged, when it starts: a request waits for
            # the end of the rebuild, so a language that comes later is left to the next (its
            # staging asks for one).
            lanes = self.lanes.values()
            for lane in [lane for lane in lanes if lane is english or lane.staged or lane.expected]:
                lane.build(url)

        return rebuild

    def app(self, served: Callable) -> Callable:
        """The WSGI application `served` (MkDocs' server's), with the problems banner at the
        top of every HTML page while there are problems."""

        def with_banner(environ: dict, start_response: Callable) -> Iterable[bytes]:
            banner = self.banner
            if not banner:
                return served(environ, start_response)
            answer: dict = {}

            def keep(status, headers, exc_info=None):
                answer.update(status=status, headers=headers)

            body = served(environ, keep)
            content = b"".join(body)
            if hasattr(body, "close"):
                body.close()
            headers = answer["headers"]
            if dict(headers).get("Content-Type", "").startswith("text/html"):
                content = with_problems(content, banner)
                headers = [
                    (key, str(len(content)) if key.lower() == "content-length" else value)
                    for key, value in headers
                ]
            start_response(answer["status"], headers)
            return [content]

        return with_banner

    def serve(self, dev_addr: str, editing: tuple[Path, dict[str, Path]] | None) -> None:
        """Serve on `dev_addr` until interrupted; with `editing` (the project's root and
        /admin/'s files), the editing server in front, on the same address (one origin: the
        editor's page and its API)."""
        from watchdog.observers import Observer

        from mkdocs.livereload import LiveReloadServer

        host, port = dev_addr.rsplit(":", 1)
        url = f"http://{host}:{port}/"
        shutil.rmtree(self.site_dir, ignore_errors=True)
        self.reload()
        rebuild = self.builder(url)
        rebuild()
        server = LiveReloadServer(
            rebuild, host, int(port), str(self.site_dir), polling_interval=POLL
        )
        server.error_handler = self._error_page
        server.watch(str(self.reload_file.parent))
        app = self.app(server.get_app())
        if editing is not None:
            root, admin = editing
            app = EditingServer(root, admin, int(port), app)
        server.set_app(app)
        edits, observer = Edits(), Observer()
        for folder in self.watched:
            if folder.is_dir():
                observer.schedule(edits, str(folder), recursive=True)
        observer.start()
        threading.Thread(target=self.watch, args=(edits,), daemon=True).start()
        self.want_languages(set(self.codes) - {SOURCE}, self.english.session.site)
        threading.Thread(target=self.stage_wanted_languages, daemon=True).start()
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            observer.stop()
            server.shutdown()

    def _error_page(self, code: int) -> bytes | None:
        """The site's own 404 page (as `mkdocs serve` serves it)."""
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


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
    folder = project.cache / "preview"
    editing = None
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
        editing = (project.root, admin_files(project.root, folder / "admin"))
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    preview = Preview(project, folder)
    if not preview.restage():
        return 1
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
    preview.serve(dev_addr, editing)
    return 0
