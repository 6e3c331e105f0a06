"""The decision tree's one rule: from a network's answers (its profile) to its plan.

The same rule is stated for readers in `data/steps.yml`, applied on paper with the worksheet and
the quick tree's plan sheet, and in the browser by `docs/assets/javascripts/tree-plan.js` (a test
runs both over every path and compares). The checks of the rule's data are in
`sphub.data.checks.tree`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product

from sphub.models.strategy import Option, PlanStep, TreeNode

# question id -> the ids of the options chosen (one, or several on a `many` question)
Answers = Mapping[str, tuple[str, ...]]

# Where a step stands in a plan: the first step, then the steps that need nothing the network
# lacks or only what one other step provides, then the rest.
FIRST, NEXT, LATER = "first", "next", "later"


def matches(when: Sequence[Mapping[str, Sequence[str]]], answers: Answers) -> bool:
    """Whether one of the alternatives of a `when` holds: for each question it names, the answer
    (or one of the ticked answers) is among the options it lists."""
    return any(
        all(set(answers.get(question, ())) & set(options) for question, options in alt.items())
        for alt in when
    )


def chosen_options(
    questions: Iterable[TreeNode], answers: Answers
) -> list[tuple[TreeNode, Option]]:
    """The (question, option) pairs of the answers, in the order of the questions."""
    return [
        (question, option)
        for question in questions
        for option in question.options
        if option.id in answers.get(question.id, ())
    ]


@dataclass(frozen=True)
class PlannedStep:
    """A step in one network's plan: where it stands, and the steps it waits for."""

    step: PlanStep
    stage: int  # 0: needs nothing the network lacks; n: waits for a step of stage n - 1
    after: tuple[PlanStep, ...]  # the steps that provide what it needs and the network lacks


@dataclass(frozen=True)
class Plan:
    """A network's plan, in order: the first step, then the next ones, then the later ones."""

    steps: tuple[PlannedStep, ...]
    facts: frozenset[str]  # what the answers established

    @property
    def first(self) -> PlannedStep:
        return self.steps[0]

    def at(self, place: str) -> list[PlannedStep]:
        if place == FIRST:
            return [self.first]
        return [s for s in self.steps[1:] if (NEXT if s.stage <= 1 else LATER) == place]


class Unplannable(ValueError):
    """The steps cannot be put in order: a need that no step provides and no answer
    established, or steps that wait for each other. The checks report it at load."""


class Rule:
    """The rule of `data/steps.yml` over the tree's questions, ready to apply to many sets of
    answers (the checks apply it to every plan the tree can give at each build)."""

    def __init__(self, questions: Iterable[TreeNode], steps: Sequence[PlanStep]):
        self.questions = list(questions)
        self.steps = list(steps)
        self._facts = {
            (q.id, o.id): frozenset(o.establishes) for q in self.questions for o in q.options
        }
        self._when = [
            [[(q, frozenset(opts)) for q, opts in alt.items()] for alt in step.when]
            for step in self.steps
        ]
        self._provider = {fact: i for i, step in enumerate(self.steps) for fact in step.provides}

    def established(self, answers: Answers) -> frozenset[str]:
        """What the answers confirm about the network (staff time, funds...)."""
        facts = frozenset()
        for question, chosen in answers.items():
            for option in chosen:
                facts |= self._facts.get((question, option), frozenset())
        return facts

    def plan(self, answers: Answers) -> Plan:
        """The network's plan for these answers."""
        facts = self.established(answers)
        steps, provider = self.steps, self._provider
        chosen = {
            i
            for i, when in enumerate(self._when)
            if any(all(set(answers.get(q, ())) & opts for q, opts in alt) for alt in when)
        }
        # Prerequisites: a step in the plan that needs what the network lacks brings in the step
        # providing it, and so on, until nothing more comes in.
        todo = list(chosen)
        while todo:
            for fact in steps[todo.pop()].needs:
                if fact not in facts and fact in provider and provider[fact] not in chosen:
                    chosen.add(provider[fact])
                    todo.append(provider[fact])
        ready, placed = set(facts), []
        remaining = [steps[i] for i in sorted(chosen)]
        while remaining:
            step = next((s for s in remaining if ready.issuperset(s.needs)), None)
            if step is None:
                lacking = sorted({f for s in remaining for f in s.needs} - ready)
                raise Unplannable(f"no step can start: nothing provides {', '.join(lacking)}")
            remaining.remove(step)
            placed.append(step)
            ready.update(step.provides)
        if not placed:
            raise Unplannable("no step is in the plan")
        stages: dict[str, int] = {}
        planned = []
        for step in placed:
            after = tuple(steps[provider[f]] for f in step.needs if f not in facts)
            stages[step.id] = 1 + max((stages[p.id] for p in after), default=-1)
            planned.append(PlannedStep(step, stages[step.id], after))
        return Plan(tuple(planned), facts)


def plan(steps: Sequence[PlanStep], questions: Iterable[TreeNode], answers: Answers) -> Plan:
    """The rule of `data/steps.yml`, applied to one network's answers."""
    return Rule(questions, steps).plan(answers)


# Every path through the tree


def _answer_sets(question: TreeNode) -> list[tuple[str, ...]]:
    """Every answer a reader can give to a question: one option, or on a `many` question any
    non-empty set of options, an exclusive one alone."""
    ids = [o.id for o in question.options]
    if not question.many:
        return [(i,) for i in ids]
    alone = [(o.id,) for o in question.options if o.exclusive]
    free = [o.id for o in question.options if not o.exclusive]
    return alone + [c for n in range(1, len(free) + 1) for c in combinations(free, n)]


def paths(questions: Sequence[TreeNode]) -> Iterator[dict[str, tuple[str, ...]]]:
    """Every complete set of answers to the tree, in the order of the options."""
    for combo in product(*(_answer_sets(q) for q in questions)):
        yield {q.id: answer for q, answer in zip(questions, combo, strict=True)}


def count_paths(questions: Sequence[TreeNode]) -> int:
    total = 1
    for question in questions:
        total *= len(_answer_sets(question))
    return total


def distinct_paths(
    questions: Sequence[TreeNode], steps: Sequence[PlanStep]
) -> Iterator[dict[str, tuple[str, ...]]]:
    """One path for each set of answers the rule can tell apart: options that no `when` names
    and that establish the same facts give the same plan, so one of them stands for all. The
    checks walk these, which is every plan the tree can give, in a fraction of the paths."""
    named: dict[tuple[str, str], set] = {}
    for step in steps:
        for i, alt in enumerate(step.when):
            for question, options in alt.items():
                for option in options:
                    named.setdefault((question, option), set()).add((step.id, i))

    def representatives(question: TreeNode) -> TreeNode:
        seen, kept = set(), []
        for option in question.options:
            key = (
                frozenset(named.get((question.id, option.id), ())),
                tuple(sorted(option.establishes)),
                option.exclusive,
            )
            if key not in seen:
                seen.add(key)
                kept.append(option)
        return question.model_copy(update={"options": kept})

    return paths([representatives(q) for q in questions])


def query(answers: Answers) -> str:
    """The plan's address for these answers, as the tree's form sends it: '?awareness=new&
    drivers=members&drivers=funders...' (question and option ids are kebab-case)."""
    return "?" + "&".join(f"{q}={o}" for q, chosen in answers.items() for o in chosen)


def rule_data(questions: Iterable[TreeNode], steps: Iterable[PlanStep]) -> dict:
    """What the browser needs to apply the rule: ids, facts and conditions, no text."""
    return {
        "questions": [
            {
                "id": q.id,
                "many": q.many,
                "options": [
                    {"id": o.id, "establishes": o.establishes, "exclusive": o.exclusive}
                    for o in q.options
                ],
            }
            for q in questions
        ],
        "steps": [
            {"id": s.id, "when": s.when, "needs": s.needs, "provides": s.provides} for s in steps
        ],
    }
