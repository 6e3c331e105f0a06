"""What an engine's build needs of sphub: the site `sphub build` (or the preview) loaded and
validated once, for the macros module the engine loads (sphub.engines.macros_env), and the
plugin object that hands it to MkDocs and ProperDocs in the process that builds.

MkDocs and ProperDocs take the plugin as `config.plugins["sphub"]` (any object whose `on_*`
methods are events); Zensical runs no plugins, so its staged configuration names the file
the session was saved to (`extra.sphub.session`), which the macros module reads."""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass
from pathlib import Path

import jinja2

from sphub.data.site import Site
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.renderer import Renderer

PLUGIN = "sphub"  # the plugin's name in MkDocs' configuration


@dataclass(frozen=True)
class Session:
    """What the macros need: the site, the project's templates, the history of its files."""

    site: Site
    templates: Path
    directory_urls: bool
    changes: dict  # data file -> sphub.data.history.Change
    locale: Path | None = None  # the project's own catalogues
    compiled: Path | None = None  # where compiled templates are kept between builds
    # Links in a page's HTML written relative to its Markdown file, as Zensical reads them.
    links_from_source: bool = False

    def renderer(self) -> Renderer:
        return Renderer(
            self.site,
            self.templates,
            self.directory_urls,
            self.changes,
            self.locale,
            bytecode_cache=self.bytecode_cache(),
            links_from_source=self.links_from_source,
        )

    def bytecode_cache(self) -> jinja2.BytecodeCache | None:
        if self.compiled is None:
            return None
        self.compiled.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(self.compiled))

    def save(self, folder: Path) -> Path:
        """Write this session into `folder`, for an engine in another process; its path."""
        path = folder / "session.pickle"
        path.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        return path


@functools.cache
def renderer_of_file(path: str) -> Renderer:
    """The renderer of the session saved at `path`, made once per process (Zensical asks
    for it on every page)."""
    # Written by this build, in its own staging folder: not data from outside.
    session = pickle.loads(Path(path).read_bytes())  # noqa: S301
    return session.renderer()


class Plugin:
    """sphub's plugin for MkDocs and ProperDocs, made by sphub for one build and added to the
    loaded configuration: it carries the session's renderer (and, in the preview, the record
    of the macros each page called) to the macros module, and two speed-ups:
    - `on_env`: MkDocs makes the theme's Jinja environment afresh for every build, so
      Material's templates were compiled again each time (most of a second of a build or a
      preview rebuild): they are kept compiled (Jinja's FileSystemBytecodeCache; Jinja still
      compiles an edited template);
    - `on_page_markdown` and `on_page_content`: a page made from data is finished HTML (it
      starts with sphub.render.markup.FINISHED), so it skips Markdown altogether and its
      HTML goes in as it is; Zensical runs it through the site's Markdown extension, which
      keeps it whole too, for the same output."""

    def __init__(self, session: Session, calls=None):
        self.session = session
        self.renderer = session.renderer()
        self.calls = calls  # sphub.engines.preview.MacroCalls, in the preview
        self._finished: dict[str, str] = {}  # source path -> HTML of a data page being built

    def on_page_markdown(self, markdown, page, config, files):
        if not markdown.startswith(FINISHED):
            return markdown
        body = markdown[len(FINISHED) :].lstrip("\n")
        self._finished[page.file.src_uri] = body[: body.rindex(FINISHED_END)].rstrip("\n")
        return ""

    def on_page_content(self, html, page, config, files):
        return self._finished.pop(page.file.src_uri, html)

    def on_env(self, env, config, files):
        env.bytecode_cache = self.session.bytecode_cache()
        return env
