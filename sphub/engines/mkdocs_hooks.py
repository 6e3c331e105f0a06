"""The hooks sphub gives MkDocs (and ProperDocs), each one call into sphub; Zensical runs no
hooks and needs none of them:
- `on_env`: MkDocs makes the theme's Jinja environment afresh for every build, so Material's
  templates were compiled again each time (most of a second of a build or a preview
  rebuild): they are kept compiled (sphub.render.renderer.COMPILED; Jinja still compiles an
  edited template);
- `on_serve` (the preview only): the server is handed to the preview, which asks for a
  rebuild as soon as it has staged an edit, instead of waiting for MkDocs' watcher to notice
  (it looks every half second)."""

from __future__ import annotations

from sphub.engines import preview
from sphub.render.renderer import COMPILED


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    return env


def on_serve(server, config, builder):
    preview.serving(server)
    return server
