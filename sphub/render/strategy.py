"""Pages of the network strategy framework, rendered from the validated site with the
templates in overrides/fragments/: one page per step of the decision tree (the answers so far
are in its address, as in GOV.UK Smart Answers), one page per outcome, tool, practice, entry
point, strategy option and case study, and the macros the hand-written guidance pages call."""

from __future__ import annotations

from collections.abc import Callable

from sphub.render.pictures.diagram import layout, numbers
from sphub.render.renderer import Page, Renderer
from sphub.data.tree import Step, start_of, walk

START_PAGE = "decision-tree/index.md"  # hand-written: what the tree is for, and a start link
# Collections with one page per entry, each from the template named after the collection.
ENTRY_COLLECTIONS = ("tools", "practices", "entry_points", "strategy_options", "case_studies")

# Macro name -> fragment template, for the hand-written pages under docs/guidance/.
FRAGMENTS = {
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
}


def step_src(step: Step) -> str:
    """Source path of a step's page: the node, then one folder per answer, e.g.
    'decision-tree/q/board/new/members.md' or 'decision-tree/result/own-house-first/new/
    members/agreed.md'. The start question has no answers: 'decision-tree/q/awareness.md'."""
    kind = "q" if step.node.type == "question" else "result"
    return "/".join(("decision-tree", kind, step.node.id) + step.slugs) + ".md"


def template_values(renderer: Renderer) -> dict:
    """What every framework template may use besides `site` and `href`."""
    tree = renderer.site.tree
    return {
        "step_src": step_src,
        "start_src": step_src(Step(start_of(tree), ())) if tree else START_PAGE,
        "start_page": START_PAGE,
        "tags": numbers(tree),
        "layout": (lambda: layout(tree)),
        "paths_to": (lambda node: [s for s in walk(tree) if s.node.id == node.id]),
        "path_lengths": (lambda: sorted({len(s.answers) for s in walk(tree)
                                         if s.node.type == "outcome"})),
    }


def strategy_pages(renderer: Renderer) -> list[Page]:
    """Every page of the framework made from data."""
    values = template_values(renderer)
    pages: list[Page] = []
    for step in walk(renderer.site.tree):
        src = step_src(step)
        template = "tree_question.html" if step.node.type == "question" else "tree_outcome.html"
        html = renderer.render(template, src, step=step, node=step.node, **values)
        # Left out of search: the same question stands on many paths, and a search should
        # lead to the start, not into the middle of someone's answers.
        pages.append(Page(src, step.node.heading, html, searchable=False))
    for node in renderer.site.tree.values():
        if node.type == "outcome":
            src = renderer.src_of(node)
            html = renderer.render("tree.html", src, entry=node, title=node.heading, **values)
            pages.append(Page(src, node.heading, html))
    for key in ENTRY_COLLECTIONS:
        for entry in renderer.site.collection(key).values():
            src = renderer.src_of(entry)
            title = renderer.title_of(entry)
            html = renderer.render(f"{key}.html", src, entry=entry, title=title, **values)
            pages.append(Page(src, title, html))
    return pages


def strategy_macros(renderer: Renderer, current_src: Callable[[], str]) -> dict:
    """Macros for the hand-written guidance pages, bound to `renderer`; `current_src()` names
    the page being rendered so links are relative to it."""

    def macro(template: str) -> Callable[[], str]:
        def render() -> str:
            html = renderer.render(template, current_src(), **template_values(renderer))
            return "\n\n" + html + "\n\n"  # one raw HTML block for Markdown

        return render

    return {name: macro(template) for name, template in FRAGMENTS.items()}
