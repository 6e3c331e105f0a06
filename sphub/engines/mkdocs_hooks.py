"""The hooks sphub gives MkDocs (and ProperDocs), each one call into sphub; Zensical runs no
hooks and needs none of them:
- `on_env`: MkDocs makes the theme's Jinja environment afresh for every build, so Material's
  templates were compiled again each time (most of a second of a build or a preview
  rebuild): they are kept compiled (sphub.render.renderer.COMPILED; Jinja still compiles an
  edited template);
- `on_page_markdown` and `on_page_content`: a page made from data is finished HTML (it
  starts with sphub.render.markup.FINISHED), so it skips Markdown altogether and its HTML
  goes in as it is; other engines run it through the site's Markdown extension, which keeps
  it whole too, for the same output;
- `on_serve` (the preview only): the server is handed to the preview, which asks for a
  rebuild as soon as it has staged an edit, instead of waiting for MkDocs' watcher to notice
  (it looks every half second)."""

from __future__ import annotations

from sphub.engines import preview
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.renderer import COMPILED

_finished: dict[str, str] = {}  # source path -> HTML of a page made from data, being built


def on_page_markdown(markdown, page, config, files):
    if not markdown.startswith(FINISHED):
        return markdown
    body = markdown[len(FINISHED) :].lstrip("\n")
    _finished[page.file.src_uri] = body[: body.rindex(FINISHED_END)].rstrip("\n")
    return ""


def on_page_content(html, page, config, files):
    return _finished.pop(page.file.src_uri, html)


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    return env


def on_serve(server, config, builder):
    preview.serving(server)
    return server
