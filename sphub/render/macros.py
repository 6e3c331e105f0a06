"""The macros hand-written pages call, e.g. `{{ member_directory() }}` or
`{{ downloads(collection="members") }}`: one registry, each macro one fragment template
rendered for the page being rendered, its keyword arguments passed to the template. None
takes data text as a template."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sphub.render.markup import MACRO, MACRO_END
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
    "error_example": "error_example.html",
    "download_list": "download_list.html",
    "downloads": "downloads.html",  # downloads(collection="members")
    "decision_tree_start": "decision_tree_start.html",
    "guidance_overview": "guidance_overview.html",
    "assessment": "assessment.html",
    "assessment_worksheet": "assessment_worksheet.html",
    "strategy_menu": "strategy_menu.html",
    "entry_point_list": "entry_point_list.html",
    "tool_list": "tool_list.html",
    "practice_list": "practice_list.html",
    "case_study_list": "case_study_list.html",
    "quick_tree": "quick_tree.html",
    "glossary": "glossary.html",
}
# Macros whose output shows no tooltips: the glossary is the definitions themselves.
NO_TOOLTIPS = {"glossary"}

Macros = dict[str, Callable[..., str]]


def make_macros(renderer: Renderer, current_src: Callable[[], str], extra: Mapping) -> Macros:
    """Macros bound to `renderer`; `current_src()` names the page being rendered so links are
    relative to it; `extra` is the `extra:` section of mkdocs.yml (newsletter, social)."""
    site_values = {"newsletter": extra.get("newsletter"), "social": extra.get("social", [])}

    def macro(name: str, template: str) -> Callable[..., str]:
        def render(**values) -> str:
            html = renderer.render(template, current_src(), **site_values, **values)
            if name not in NO_TOOLTIPS:
                html = renderer.with_tooltips(html)
            # Blank lines around: one raw HTML block, which the site's Markdown extension
            # keeps whole between its marks (sphub.render.markup).
            return f"\n\n{MACRO}\n{html}\n{MACRO_END}\n\n"

        return render

    return {name: macro(name, template) for name, template in FRAGMENTS.items()}
