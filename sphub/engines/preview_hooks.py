"""The preview's MkDocs hooks (`sphub serve` adds them to the preview's staged configuration;
a site build has none), each one call into sphub:
- MkDocs makes the theme's Jinja environment afresh for every rebuild, so Material's
  templates were compiled again after each edit (most of a second): they are kept compiled
  between rebuilds instead (Jinja still compiles an edited template);
- the server is handed to the preview, which asks for a rebuild as soon as it has staged an
  edit, instead of waiting for MkDocs' watcher to notice (it looks every half second)."""

from __future__ import annotations

from sphub.engines import preview
from sphub.render.renderer import COMPILED


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    return env


def on_serve(server, config, builder):
    preview.serving(server)
    return server
