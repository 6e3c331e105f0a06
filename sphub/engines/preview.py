"""The preview (`make serve`): a data mistake must not stop it, and an edit shows quickly.

mkdocs serve (1.6) runs each rebuild in a loop that, when a rebuild raises, prints the error
and then holds every page request until a rebuild succeeds: the preview hangs. A data error
is raised in `on_config`, before the site folder is cleaned, so the last good build is still
there to serve. `keep_last_good` wraps the server's builder: a data error is printed in the
usual one-line form and the rebuild counts as done, so the previous pages keep being served
until the data is fixed and saved. Other errors are left to mkdocs as before."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.exceptions import Abort

from sphub.render.renderer import Page


class DataAbort(Abort):
    """The build stops because the data is invalid; the message is the problem report."""


def keep_last_good(builder: Callable[[], None]) -> Callable[[], None]:
    """`builder` that, on bad data, reports it and leaves the served site as it was."""

    def build() -> None:
        try:
            builder()
        except DataAbort as err:
            print(f"{err.message}\nThe preview still shows the last good build; fix the data "
                  "and save to rebuild.", file=sys.stderr, flush=True)

    return build


# What a dirty rebuild (`make serve` runs `mkdocs serve --dirty`) must redo after an edit: a
# full build of a few hundred pages takes seconds, most of it MkDocs and Material; after one
# data edit only the pages whose content changed need building again. `mkdocs serve` loads
# the config, and with it a fresh copy of the hooks module, for each rebuild, in the same
# process: what one build must know of the one before lives here.

# The command MkDocs started with (on_startup runs once, not for each rebuild).
started_as: str | None = None


@dataclass(frozen=True)
class Call:
    """One call of a macro by a hand-written page, and what it gave."""

    name: str
    args: tuple
    kwargs: dict
    output: str


Macros = dict[str, Callable[..., str]]

# Source path -> Markdown of each data page in the previous build.
_previous: dict[str, str] = {}
# Hand-written page -> the macros it called in the build that last built it, with their
# output: the page changes with the data exactly when one of those outputs does.
_calls: dict[str, list[Call]] = {}
_last: dict[str, object] = {}  # name -> value, for `differs`
_NOTHING = object()  # no value given yet


def changed(pages: list[Page]) -> set[str]:
    """Source paths of the pages that differ from the previous build (all, the first time)."""
    current = {page.src: page.markdown() for page in pages}
    different = {src for src, text in current.items() if _previous.get(src) != text}
    _previous.clear()
    _previous.update(current)
    return different


def differs(name: str, value: object) -> bool:
    """Whether `value` differs from the one given under `name` in the previous build (True
    the first time): mkdocs.yml's text (the macros read its `extra:`), the PDFs' sizes."""
    different = _last.get(name, _NOTHING) != value
    _last[name] = value
    return different


def recording(macros: Macros, current_src: Callable[[], str]) -> Macros:
    """`macros` that also note each call under the page being rendered (`current_src()`)."""

    def record(name: str, macro: Callable[..., str]) -> Callable[..., str]:
        def call(*args, **kwargs) -> str:
            output = macro(*args, **kwargs)
            _calls.setdefault(current_src(), []).append(Call(name, args, kwargs, output))
            return output

        return call

    return {name: record(name, macro) for name, macro in macros.items()}


def starting(src: str) -> None:
    """The hand-written page `src` is about to be built: its calls are noted afresh."""
    _calls[src] = []


def macros_changed(src: str, macros_for: Callable[[], Macros]) -> bool:
    """Whether the hand-written page `src` would show something else now: a macro it called,
    called again with the same arguments on the current data (`macros_for()`, bound to
    `src`), gives another output. True when the page was not built before in this process."""
    if src not in _calls:
        return True
    macros = macros_for()
    return any(macros[call.name](*call.args, **call.kwargs) != call.output
               for call in _calls[src])
