"""The macros module every engine loads through mkdocs-macros' own mechanism (`modules:` in
mkdocs.yml): `define_env` registers sphub's macros, bound to the site `sphub build` has
already loaded and validated. Nothing else happens here."""

from __future__ import annotations

from sphub.engines.session import PLUGIN, Plugin, renderer_of_file
from sphub.render.macros import make_macros


def define_env(env) -> None:
    """Called by mkdocs-macros once per build, and by Zensical's macros extension once per
    page it renders."""
    # MkDocs and ProperDocs: sphub's plugin in the configuration; Zensical: the file the
    # session was saved to, named in the staged configuration.
    plugins = env.conf.get("plugins")
    plugin = plugins.get(PLUGIN) if isinstance(plugins, dict) else None
    if isinstance(plugin, Plugin):
        renderer, calls = plugin.renderer, plugin.calls
    else:
        session = ((env.conf.get("extra") or {}).get("sphub") or {}).get("session")
        if not session:
            raise RuntimeError(
                "The site is built with `sphub build` (or `make site`), which loads "
                "and checks data/ first; the engine alone cannot build it."
            )
        renderer, calls = renderer_of_file(session), None

    def page_src() -> str:
        # MkDocs and ProperDocs give the page's File; Zensical its path under docs_dir.
        file = getattr(env.page, "file", None)
        return file.src_uri if file is not None else env.page.path

    macros = make_macros(renderer, page_src, env.conf.get("extra") or {})
    if calls is not None:  # the preview: it notes what each page's macros gave
        calls.new_build()
        macros = calls.recording(macros, page_src)
    for name, macro in macros.items():
        env.macro(macro, name)
