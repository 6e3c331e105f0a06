"""The validated site of the build under way, for the macros module an engine loads
(`sphub.engines.macros_env`). Data is loaded and validated once, by `sphub build`: an engine
that runs in sphub's own process finds it here; one that runs in a process of its own finds
it in the file that the environment variable SPHUB_SESSION names (written by the build)."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from sphub.data.site import Site
from sphub.render.renderer import Renderer

SESSION_VARIABLE = "SPHUB_SESSION"
# Set by an engine that reads links in a page's HTML as relative to its Markdown file.
LINKS_FROM_SOURCE = "SPHUB_LINKS_FROM_SOURCE"


@dataclass(frozen=True)
class Session:
    """What the macros need: the site, the project's templates, the history of its files."""

    site: Site
    templates: Path
    directory_urls: bool
    changes: dict  # data file -> sphub.data.history.Change
    locale: Path | None = None  # the project's own catalogues


_current: Session | None = None
_renderer: tuple[Session, Renderer] | None = None


def begin(session: Session) -> None:
    """Make `session` the current one."""
    global _current
    _current = session


def shared(folder: Path) -> dict[str, str]:
    """Write the current session into `folder` for an engine in another process; returns the
    environment variables that process needs to find it."""
    path = folder / "session.pickle"
    path.write_bytes(pickle.dumps(current(), protocol=pickle.HIGHEST_PROTOCOL))
    return {SESSION_VARIABLE: str(path)}


def end() -> None:
    global _current
    _current = None


def renderer() -> Renderer:
    """The renderer of the current session, made once per session (Zensical asks per page)."""
    global _renderer
    now = current()
    if _renderer is None or _renderer[0] is not now:
        _renderer = (
            now,
            Renderer(now.site, now.templates, now.directory_urls, now.changes, now.locale),
        )
        _renderer[1].links_from_source = os.environ.get(LINKS_FROM_SOURCE) == "1"
    return _renderer[1]


def current() -> Session:
    """The session of the build under way.

    Raises:
        RuntimeError: outside `sphub build` or `sphub serve` (a bare `mkdocs build` has no
            data pages to link to, so it is refused rather than half built).
    """
    global _current
    if _current is not None:
        return _current
    path = os.environ.get(SESSION_VARIABLE)
    if path:
        # Written by this build, in its own staging folder: not data from outside.
        _current = pickle.loads(Path(path).read_bytes())  # noqa: S301
        return _current
    raise RuntimeError(
        "The site is built with `sphub build` (or `make site`), which loads "
        "and checks data/ first; the engine alone cannot build it."
    )
