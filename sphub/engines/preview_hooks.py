"""The preview's one MkDocs hook (`sphub serve` adds it to the preview's staged
configuration; a site build has none): MkDocs makes the theme's Jinja environment afresh
for every rebuild, so Material's templates were compiled again after each edit (most of a
second). Kept compiled between rebuilds instead; Jinja still compiles an edited template."""

from __future__ import annotations

from sphub.render.renderer import COMPILED


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    return env
