"""The macros module every engine loads through mkdocs-macros' own mechanism (`modules:` in
mkdocs.yml): `define_env` registers sphub's macros, bound to the site `sphub build` has
already loaded and validated. Nothing else happens here."""

from __future__ import annotations

from sphub.engines import preview, session
from sphub.render.macros import make_macros


def define_env(env) -> None:
    """Called by mkdocs-macros once per build, and by Zensical's macros extension once per
    page it renders."""
    renderer = session.renderer()

    def page_src() -> str:
        # MkDocs and ProperDocs give the page's File; Zensical its path under docs_dir.
        file = getattr(env.page, "file", None)
        return file.src_uri if file is not None else env.page.path

    preview.new_build()
    macros = make_macros(renderer, page_src, env.conf.get("extra") or {})
    for name, macro in preview.recording(macros, page_src).items():
        env.macro(macro, name)
