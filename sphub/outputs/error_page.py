"""The "page not found" pages (404.html, one per language), made to work at any depth, in the
language of the address asked for and under any base path.

A host shows the site's top 404.html for every address it does not have, whatever its depth
and language. MkDocs writes that page with addresses from the server's root ("/assets/..."),
which lose the styles and break every link at depth or under a sub-path (a git host's
project pages: /sphub/). When `site_url` is set, its path is that base and those addresses
are right anywhere. When it is not, they are made relative, and the page's first script
(overrides/partials/not-found.js) finds the base from the address asked for and the names at
the site's top, sets it as the page's `<base>` and then loads the page's styles and scripts
(without JavaScript such a page is unstyled: a local build without `site_url` says so). That script also sends an address under
/fr/ or /es/ to that language's 404.html (keeping the address asked for), and, for a wrong
decision tree address (such as a link to the tree's former one-page-per-answer addresses),
links to the deepest question of the tree that the address names: from the list of questions
written here, from the built tree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from sphub.data.site import Site
from sphub.render.urls import START_PAGE, url_of

PAGE = "404.html"
# Where the template leaves the settings of not-found.js (overrides/404.html).
SETTINGS = '{"sphub": "not-found"}'
# href="/x", src="/x", and the theme's settings ("base": "/", "search": "/assets/...");
# never "//host/..." (another site) or a bare "/" inside text.
_ROOTED_ATTRIBUTE = re.compile(r'(\b(?:href|src|action)=")/(?!/)')
_ROOTED_SETTING = re.compile(r'("(?:base|search)":\s*")/(?!/)')
# The stylesheets, scripts and icon a relative page loads: held in a <template> (inert, so
# the browser's look-ahead, which runs before any script, fetches nothing from the address
# asked for) and put in place by not-found.js's `sphubLoad` once the base is set.
_LOADED = re.compile(
    r'<link rel="(?:stylesheet|icon)" href="\./[^"]*">|<script src="\./[^"]*"></script>'
)
_LATER = '<template class="sphub-later">{}</template><script>sphubLoad()</script>'


def relative(html: str) -> str:
    """`html` with every address from the server's root made relative to the page."""
    html = _ROOTED_ATTRIBUTE.sub(r"\1./", html)
    return _ROOTED_SETTING.sub(r"\1./", html)


def tree_questions(site: Site, directory_urls: bool) -> dict[str, list[str]]:
    """Each question of the decision tree by its id -> [its place on the tree's page, from
    the language's root, the question]: an address of the tree's earlier pages
    (decision-tree/q/<question>/<answer>/...) names its questions."""
    start = url_of(START_PAGE, directory_urls)
    return {node.id: [f"{start}#q-{node.id}", node.question] for node in site.tree.values()}


def settings(
    site_dir: Path,
    site_url: str | None,
    language: str,
    prefixes: dict[str, str],
    questions: dict[str, list[str]],
) -> str:
    """The settings of not-found.js as JSON safe inside a <script> element."""
    value = {
        "base": urlsplit(site_url).path.rstrip("/") + "/" if site_url else None,
        # A wrong address's base is where one of these names first stands in it.
        "top": sorted(p.name for p in site_dir.iterdir()),
        "lang": language,
        "langs": prefixes,
        "questions": questions,
    }
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_error_pages(
    site_dir: Path,
    site_url: str | None,
    prefixes: dict[str, str],
    questions: dict[str, dict[str, list[str]]],
) -> None:
    """Finish every language's 404.html in the whole built site `site_dir` (the source
    language at its top, every other under `prefixes[code]`)."""
    for code, prefix in prefixes.items():
        page = site_dir / prefix / PAGE
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        values = settings(site_dir, site_url, code, prefixes, questions.get(code, {}))
        html = html.replace(SETTINGS, values, 1)
        if not site_url:
            html = _LOADED.sub(lambda found: _LATER.format(found[0]), relative(html))
        page.write_text(html, encoding="utf-8")
