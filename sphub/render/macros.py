"""The macros hand-written pages call, e.g. `{{ member_directory() }}`. Each renders one
fragment template for the page being rendered; none takes data text as a template."""

from __future__ import annotations

from collections.abc import Callable

from sphub.render.renderer import Renderer

# Macro name -> fragment template in overrides/fragments/.
FRAGMENTS = {
    "home_overview": "home.html",
    "region_list": "region_list.html",
    "member_directory": "member_directory.html",
    "workplan_list": "workplan_list.html",
    "event_list": "event_list.html",
    "resource_library": "resource_library.html",
    "partner_list": "partner_list.html",
    "project_list": "project_list.html",
    "about_links": "about_links.html",
    "data_guide": "data_guide.html",
    "download_list": "download_list.html",
}


def make_macros(
    renderer: Renderer, current_src: Callable[[], str], extra: dict
) -> dict[str, Callable[..., str]]:
    """Macros bound to `renderer`; `current_src()` names the page being rendered so links are
    relative to it; `extra` is the `extra:` section of mkdocs.yml (newsletter, social)."""

    def macro(template: str) -> Callable[[], str]:
        def render() -> str:
            values = {"newsletter": extra.get("newsletter"), "social": extra.get("social", [])}
            # Blank lines around make the fragment one raw HTML block for Markdown.
            return "\n\n" + renderer.render(template, current_src(), **values) + "\n\n"

        return render

    def downloads(collection: str) -> str:
        """Links to the downloads of `collection` (JSON, and CSV or calendar where made)."""
        html = renderer.render("downloads.html", current_src(), collection=collection)
        return "\n\n" + html + "\n\n"

    macros: dict[str, Callable[..., str]] = {n: macro(t) for n, t in FRAGMENTS.items()}
    return macros | {"downloads": downloads}
