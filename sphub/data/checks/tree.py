"""Checks of the decision tree and its one rule (data/tree.yml, data/steps.yml): the questions'
shape, the steps' conditions, needs and provisions, and every path's plan (exactly one first
step, which needs nothing the path did not establish); and of the other entries of the strategy
framework (case studies, the quick tree's agenda, where resources and tools can be obtained).

Every problem is reported in the usual `data/steps.yml:LINE: steps[3].needs[1]: expected ...,
got ...` form. A reference to an unknown entry is reported by the generic reference check; the
path checks here run only on a rule whose every part is known, so that one mistake is reported
once."""

from __future__ import annotations

import hashlib
import json

from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.data.tree import Rule, Unplannable, distinct_paths
from sphub.models.strategy import PlanStep, TreeNode

# About ten minutes: every question is asked on every path.
MAX_QUESTIONS = 12
# The checks walk every plan the tree can give (`distinct_paths`); the bound keeps a build quick.
MAX_PATHS = 20_000
# A half-day session: the quick tree's agenda must fit in four hours.
MAX_AGENDA_MINUTES = 240


def _route(answers: dict) -> str:
    return ", ".join(f"{q}: {'+'.join(o)}" for q, o in answers.items())


def tree(by: dict[str, list[Located]]) -> list[Problem]:
    """Answer ids unique within their question; `exclusive` only where several answers can be
    ticked; at most MAX_QUESTIONS questions."""
    located = by["tree"]
    problems: list[Problem] = []
    for where in located:
        question = where.entry
        seen: dict[str, int] = {}
        for i, option in enumerate(question.options):
            if option.id in seen:
                problems.append(
                    where.problem(
                        ("options", i, "id"),
                        "an answer id used once in its question",
                        f"'{option.id}' again (first is options[{seen[option.id]}])",
                    )
                )
            seen.setdefault(option.id, i)
            if option.exclusive and not question.many:
                problems.append(
                    where.problem(
                        ("options", i, "exclusive"),
                        "'exclusive' only on a question with 'many: true' (one answer is always "
                        "given alone)",
                        "true",
                    )
                )
    if len(located) > MAX_QUESTIONS:
        last = located[MAX_QUESTIONS]
        problems.append(
            last.problem(
                ("id",),
                f"at most {MAX_QUESTIONS} questions (about ten minutes: every question is asked "
                "on every path)",
                f"question {len(located)} of {len(located)} here, '{last.entry.id}' and after",
            )
        )
    return problems


def tree_levels_are_scored(by: dict[str, list[Located]]) -> list[Problem]:
    """An answer's level is a level of its question's dimension in the assessment's scoring
    guide, so that the assessment page can say which answer stands for which level."""
    scored = {where.entry.id: {s.score for s in where.entry.scoring} for where in by["assessment"]}
    problems = []
    for where in by["tree"]:
        question = where.entry
        for i, option in enumerate(question.options):
            if option.level is None:
                continue
            if question.dimension is None:
                problems.append(
                    where.problem(
                        ("options", i, "level"),
                        "a level only on a question that names its assessment 'dimension'",
                        f"level {option.level} on a question with no dimension",
                    )
                )
            elif question.dimension in scored and option.level not in scored[question.dimension]:
                levels = ", ".join(str(n) for n in sorted(scored[question.dimension]))
                problems.append(
                    where.problem(
                        ("options", i, "level"),
                        f"one of the levels of '{question.dimension}' in data/assessment.yml "
                        f"({levels})",
                        str(option.level),
                    )
                )
    return problems


def _conditions(where: Located, questions: dict) -> list[Problem]:
    """A step's `when` names questions of the tree and their options."""
    problems = []
    for i, alt in enumerate(where.entry.when):
        for question_id, options in alt.items():
            question = questions.get(question_id)
            if question is None:
                problems.append(
                    where.problem(
                        ("when", i, question_id),
                        "the id of a question in data/tree.yml (" + ", ".join(questions) + ")",
                        f"'{question_id}'",
                    )
                )
                continue
            known = [o.id for o in question.options]
            for j, option in enumerate(options):
                if option not in known:
                    problems.append(
                        where.problem(
                            ("when", i, question_id, j),
                            f"an answer of '{question_id}' (" + ", ".join(known) + ")",
                            f"'{option}'",
                        )
                    )
    return problems


def _provisions(located: list[Located], establishable: set[str]) -> list[Problem]:
    """Each fact is provided by one step at most; every need can be met (an answer can establish
    it or a step provides it); no step waits, through other steps, for itself."""
    problems = []
    provider: dict[str, Located] = {}
    for where in located:
        for i, fact in enumerate(where.entry.provides):
            if fact in provider:
                first = provider[fact]
                problems.append(
                    where.problem(
                        ("provides", i),
                        "each need provided by one step (the plan must know which comes first)",
                        f"'{fact}', also provided by '{first.entry.id}'",
                    )
                )
            provider.setdefault(fact, where)
    for where in located:
        for i, fact in enumerate(where.entry.needs):
            if fact not in provider and fact not in establishable:
                problems.append(
                    where.problem(
                        ("needs", i),
                        "a need that an answer of the tree establishes or a step provides",
                        f"'{fact}', which nothing establishes or provides",
                    )
                )
    for where in located:
        # Follow what the step needs back through the steps that provide it.
        seen, todo = set(), [f for f in where.entry.needs if f in provider]
        while todo:
            source = provider[todo.pop()].entry
            if source.id == where.entry.id:
                problems.append(
                    where.problem(
                        ("needs",),
                        "needs that other steps can provide before this one",
                        "a need that comes back, through other steps, to what this step provides",
                    )
                )
                break
            if source.id not in seen:
                seen.add(source.id)
                todo += [f for f in source.needs if f in provider]
    return problems


def steps_rule(by: dict[str, list[Located]]) -> list[Problem]:
    """The rule of data/steps.yml, checked on every plan the tree can give: each path's plan has
    exactly one first step, which needs nothing the path did not establish (a network that said
    it has no time set aside never starts with a step that takes staff time)."""
    located, questions_at = by["steps"], by["tree"]
    questions = {where.entry.id: where.entry for where in questions_at}
    establishable = {f for q in questions.values() for o in q.options for f in o.establishes}
    if not questions:
        return []  # an unreadable tree.yml is reported by the loader; its ids are unknown
    problems = []
    for where in located:
        problems += _conditions(where, questions)
    problems += _provisions(located, establishable)
    if problems or tree(by) or not located or not questions:
        return problems
    yf = located[0].file
    found = _walk(list(questions.values()), [where.entry for where in located])
    if found is None:
        return problems
    answers, kind, detail = found
    if kind == "lacking":  # the rule puts first only what needs nothing lacking; a guard
        step_id, lacking = detail
        where = next(where for where in located if where.entry.id == step_id)
        problems.append(
            where.problem(
                ("needs",),
                "a first step that needs only what the path established",
                f"'{lacking}' lacking on the path {_route(answers)}",
            )
        )
        return problems
    if kind == "too many":
        expected = f"at most {MAX_PATHS} distinct plans to check (MAX_PATHS in "
        expected += "sphub/data/checks/tree.py)"
        got = "more"
    else:
        expected, got = (
            "a plan on every path through the tree",
            f"none for {_route(answers)}: {detail}",
        )
    problems.append(Problem(yf.name, yf.line(("steps",)), "steps", expected, got))
    return problems


# The walks already made, by the rule's content: a load whose tree and steps did not change
# (the preview after an edit of another file, the editor's check of a save) walks nothing.
_walks: dict[str, tuple | None] = {}


def _walk(questions: list[TreeNode], steps: list[PlanStep]) -> tuple | None:
    """The first path whose plan breaks the rule, as (answers, kind, detail), or None."""
    key = hashlib.sha256(
        json.dumps([MAX_PATHS, [e.model_dump(mode="json") for e in questions + steps]]).encode()
    ).hexdigest()
    if key not in _walks:
        if len(_walks) >= 8:
            _walks.clear()
        _walks[key] = _first_broken(questions, steps)
    return _walks[key]


def _first_broken(questions: list[TreeNode], steps: list[PlanStep]) -> tuple | None:
    rule = Rule(questions, steps)
    for walked, answers in enumerate(distinct_paths(questions, steps), 1):
        if walked > MAX_PATHS:
            return answers, "too many", None
        try:
            result = rule.plan(answers)
        except Unplannable as err:
            return answers, "no plan", str(err)
        first = result.first.step
        lacking = [f for f in first.needs if f not in result.facts]
        if lacking:
            return answers, "lacking", (first.id, lacking[0])
    return None


def case_studies_name_their_network(by: dict[str, list[Located]]) -> list[Problem]:
    problems = []
    for where in by["case_studies"]:
        study = where.entry
        if not study.illustrative and study.network is None:
            problems.append(
                where.problem(
                    ("network",),
                    "the id of the network a real case study is about (or 'illustrative: true')",
                    "nothing",
                )
            )
        if study.illustrative and study.network is not None:
            problems.append(
                where.problem(
                    ("network",),
                    "no network on an illustrative example (it must not be read as "
                    "a record of a real network)",
                    f"'{study.network}'",
                )
            )
    return problems


def agenda_fits_half_day(by: dict[str, list[Located]]) -> list[Problem]:
    items = by["quick_tree_agenda"]
    total = sum(where.entry.minutes for where in items)
    if total <= MAX_AGENDA_MINUTES:
        return []
    last = items[-1]
    return [
        last.problem(
            ("minutes",),
            f"an agenda of at most {MAX_AGENDA_MINUTES} minutes in all (a half-day session)",
            f"{total} minutes",
        )
    ]


def resources_say_where_to_find_them(by: dict[str, list[Located]]) -> list[Problem]:
    """A linked resource says where its address was confirmed; one without a link says how to
    obtain it. No address is ever guessed, and no page leads nowhere."""
    problems = []
    for where in by["resources"]:
        resource = where.entry
        if resource.url and not resource.confirmed_by:
            problems.append(
                where.problem(
                    ("confirmed_by",),
                    "where the address in 'url' was confirmed (a published source, and when)",
                    "nothing",
                )
            )
        if not resource.url and not resource.how_to_obtain:
            problems.append(
                where.problem(
                    ("how_to_obtain",),
                    "how to obtain a copy when no 'url' is confirmed (its owner's site, or whom "
                    "to ask)",
                    "nothing",
                )
            )
    for where in by["tools"]:
        tool = where.entry
        if not (tool.links or tool.resources or tool.how_to_obtain):
            problems.append(
                where.problem(
                    ("how_to_obtain",),
                    "a confirmed link, a resource, or how to obtain the tool",
                    "nothing",
                )
            )
    return problems
