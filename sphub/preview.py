"""The preview (`make serve`): a data mistake must not stop it.

mkdocs serve (1.6) runs each rebuild in a loop that, when a rebuild raises, prints the error
and then holds every page request until a rebuild succeeds: the preview hangs. A data error
is raised in `on_config`, before the site folder is cleaned, so the last good build is still
there to serve. `keep_last_good` wraps the server's builder: a data error is printed in the
usual one-line form and the rebuild counts as done, so the previous pages keep being served
until the data is fixed and saved. Other errors are left to mkdocs as before."""

from __future__ import annotations

import sys
from collections.abc import Callable

from mkdocs.exceptions import Abort

from sphub.render import Page


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
# data edit only the pages whose content changed need building again.
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
