"""The network strategy framework (seed 003): tools, good practices and drivers, the menu of
strategy options, entry points, case studies, the decision tree, the needs and capacity
assessment, and the quick tree with its facilitation agenda.

The decision tree's rule (the steps of a plan, what each needs and provides) is applied in
`sphub.data.tree` and checked across entries in `sphub.data.checks.tree`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from sphub.models.types import (
    EditorsNote,
    Id,
    LanguageCode,
    Markdown,
    Model,
    Name,
    PagedEntry,
    Ref,
    Refs,
    Text,
    Url,
    Verification,
    expected,
    refers_to,
)

Effort = Literal["low", "medium", "high"]
# What an answer of the tree can establish about the network, and what a step of its plan can
# need or provide: staff time set aside, SPM skills, members' demand, funds, the board's social
# objectives, an interested regulator or government.
Fact = Literal[
    "staff-time",
    "spm-skills",
    "member-demand",
    "funds",
    "board-objectives",
    "government-interest",
]


def _short(value: str) -> str:
    if len(value) > 40:
        raise expected("a short label of at most 40 characters")
    return value


ShortText = Annotated[Text, AfterValidator(_short)]


class Link(Model):
    """A link to a public page about a tool."""

    title: Text = Field(description="What the link leads to, e.g. 'SPI4 on the CERISE site'.")
    url: Url = Field(description="The address (http or https).")
    confirmed_by: EditorsNote = Field(
        description="The published source where the address was confirmed, and when."
    )


class ToolPart(Model):
    """One dimension, principle or category of a tool, e.g. a dimension of the Universal
    Standards."""

    name: Text = Field(description="Name of the dimension, principle or category.")
    description: Text | None = Field(None, description="One line on what it covers.")


class Tool(PagedEntry, folder="guidance/tools", kind="Tool", template="tools.html"):
    """A social performance tool or standard that a network can use or promote."""

    id: Id = Field(description="Stable kebab-case id, e.g. 'cerise-spi'; appears in addresses.")
    name: Name = Field(description="Full name of the tool.")
    acronym: Name | None = Field(None, description="Short name, e.g. 'SPI' or 'PPI'.")
    kind: Literal["audit", "standard", "principles", "index", "reporting", "rating", "guide"] = (
        Field(description="What kind of tool it is.")
    )
    owners: Refs = Field(
        min_length=1,
        description="Ids of the organisations that own or publish it.",
        json_schema_extra=refers_to("organisations"),
    )
    purpose: Markdown = Field(description="What the tool is for and what it gives (Markdown).")
    when_to_use: Markdown = Field(
        description="When in a network's strategy the network uses it, and how (Markdown)."
    )
    parts: list[ToolPart] = Field(
        [], description="Its dimensions, principles or categories, in the published order."
    )
    parts_label: Text = Field(
        "Dimensions", description="What the parts are called, e.g. 'Principles' or 'Categories'."
    )
    versions: list[Text] = Field(
        default_factory=list, description="Versions and dates, one line each."
    )
    cost_effort: Effort = Field(description="Cost and effort for a network: low, medium or high.")
    cost_note: Text | None = Field(None, description="What the cost or effort consists of.")
    languages: list[LanguageCode] = Field(
        [], description="ISO 639-1 codes of the languages it is known to exist in."
    )
    links: list[Link] = Field(default_factory=list, description="Public pages about the tool.")
    how_to_obtain: Markdown | None = Field(
        None,
        description="How to obtain the tool when no public page is linked (its owner, or whom "
        "to ask).",
    )
    resources: Refs = Field(
        [],
        description="Ids of resources in the library about the tool.",
        json_schema_extra=refers_to("resources"),
    )
    topics: Refs = Field(
        [], description="Ids of topics (see topics.yml).", json_schema_extra=refers_to("topics")
    )
    status: Verification = Field(
        "verified", description="'unverified' when a fact here is not confirmed; the page says so."
    )


class Practice(
    PagedEntry, folder="guidance/practices", kind="Good practice", template="practices.html"
):
    """A good practice of networks, or a driver of social performance, named in seed 003."""

    name: Text = Field(description="Name of the practice or driver.")
    kind: Literal["good-practice", "driver"] = Field(
        description="'good-practice' (how networks work well) or 'driver' (who pushes for SPM)."
    )
    summary: Text = Field(description="The practice in one sentence.")
    description: Markdown = Field(description="What it means for a network, in practice.")
    signs: list[Text] = Field(
        [], description="What you see in a network that follows it, one line each."
    )


class EntryPoint(
    PagedEntry, folder="guidance/entry-points", kind="Entry point", template="entry_points.html"
):
    """Where a network starts its social performance work, given where it stands."""

    name: Text = Field(description="Name of the entry point, e.g. 'Start from a social audit'.")
    summary: Text = Field(description="The entry point in one sentence.")
    suits: Markdown = Field(description="Which networks it suits, and why (Markdown).")
    first_steps: list[Text] = Field(min_length=1, description="The first steps, in order.")
    watch_out: list[Text] = Field(
        default_factory=list, description="Common pitfalls, one line each."
    )


class StrategyOption(
    PagedEntry,
    folder="guidance/strategy-menu",
    kind="Strategy option",
    template="strategy_options.html",
):
    """One item of the menu: something a network can do for its members on social
    performance."""

    name: Text = Field(description="Name of the option, e.g. 'Social audits of members'.")
    summary: Text = Field(description="What the network does, in one sentence.")
    description: Markdown = Field(description="What it involves and what it gives (Markdown).")
    activities: list[Text] = Field(min_length=1, description="Typical activities, one line each.")
    prerequisites: list[Text] = Field(
        default_factory=list, description="What must be in place first."
    )
    effort: Effort = Field(description="Effort for the network: low, medium or high.")
    entry_points: Refs = Field(
        min_length=1,
        description="Ids of the entry points it fits (see entry_points.yml).",
        json_schema_extra=refers_to("entry_points"),
    )
    tools: Refs = Field(
        [],
        description="Ids of the tools it uses (see tools.yml).",
        json_schema_extra=refers_to("tools"),
    )
    practices: Refs = Field(
        [],
        description="Ids of the practices it relies on (see practices.yml).",
        json_schema_extra=refers_to("practices"),
    )


class CaseStudy(
    PagedEntry, folder="guidance/case-studies", kind="Case study", template="case_studies.html"
):
    """What a network did on social performance: public facts only, or marked illustrative."""

    title: Text = Field(description="Title, e.g. 'CMF Nepal: SPM support tailored to members'.")
    network: Ref | None = Field(
        None,
        description="Id of the network (a member or an organisation); required unless "
        "the entry is illustrative.",
        json_schema_extra=refers_to("members", "organisations"),
    )
    summary: Markdown = Field(description="What the network did: public facts only (Markdown).")
    lessons: list[Text] = Field(
        [], description="What another network can take from it, one line each."
    )
    source: Text = Field(
        description="Where the facts come from: title, publisher and year of a public source."
    )
    source_url: Url | None = Field(
        None, description="The address of the source, where one exists (http or https)."
    )
    year: int | None = Field(None, ge=1990, le=2100, description="Year of the facts, if known.")
    illustrative: bool = Field(
        False, description="true for an illustrative example, not a real record; the page says so."
    )
    options: Refs = Field(
        [],
        description="Ids of the strategy options it shows.",
        json_schema_extra=refers_to("strategy_options"),
    )
    tools: Refs = Field(
        [], description="Ids of the tools it used.", json_schema_extra=refers_to("tools")
    )
    practices: Refs = Field(
        [], description="Ids of the practices it shows.", json_schema_extra=refers_to("practices")
    )
    resources: Refs = Field(
        [], description="Ids of resources about it.", json_schema_extra=refers_to("resources")
    )
    topics: Refs = Field(
        [], description="Ids of topics (see topics.yml).", json_schema_extra=refers_to("topics")
    )


class Option(Model):
    """One answer to a question of the decision tree."""

    id: Id = Field(
        description="Kebab-case id, unique within its question; it is part of the plan's address."
    )
    label: Text = Field(description="The answer as the reader sees it.")
    hint: Text | None = Field(None, description="One line that helps choose this answer.")
    because: Text = Field(
        description="What the answer says about the network, as the plan's 'because you said "
        "...' reads it, e.g. 'nobody in the network has time set aside for SP work yet'.",
    )
    level: int | None = Field(
        None,
        ge=0,
        le=3,
        description="The level (0-3) of the question's assessment dimension this answer stands "
        "for, as the assessment's scoring guide describes it.",
    )
    establishes: list[Fact] = Field(
        default_factory=list,
        description="What this answer confirms about the network: 'staff-time', 'spm-skills', "
        "'member-demand', 'funds', 'board-objectives', 'government-interest'. A step of the plan "
        "that needs one of these either has it from an answer or gets it from the step that "
        "provides it.",
    )
    exclusive: bool = Field(
        False,
        description="On a question with `many: true`: this answer is ticked alone (e.g. "
        "'Nobody yet').",
    )


class TreeNode(Model):
    """A question of the decision tree. The answers make the network's profile; the steps
    (steps.yml) turn it into the network's plan."""

    id: Id = Field(description="Stable kebab-case id; it is part of the plan's address.")
    short: ShortText = Field(
        description="A label of at most 40 characters for the answer in the plan's summary."
    )
    dimension: Ref | None = Field(
        None,
        description="Id of the assessment dimension the question probes.",
        json_schema_extra=refers_to("assessment"),
    )
    question: Text = Field(description="The question, as the reader sees it.")
    hint: Markdown | None = Field(None, description="Help in answering (Markdown).")
    many: bool = Field(
        False, description="true when the reader may tick several answers (e.g. who is asking)."
    )
    options: list[Option] = Field(min_length=2, description="The answers, at least two.")

    @property
    def heading(self) -> str:
        return self.question


# One alternative of a step's `when`: question id -> the options that match.
Condition = dict[Id, Annotated[list[Id], Field(min_length=1)]]


class PlanStep(
    PagedEntry,
    folder="decision-tree/steps",
    kind="Plan step",
    template="tree.html",
    # The tree's outcomes became steps: their published addresses lead to the steps.
    old_folders=("decision-tree/outcomes",),
):
    """A step of a network's plan, with the part of the one rule that concerns it: when the
    step is in a plan, what it needs and what it provides (steps.yml states the rule)."""

    title: Text = Field(description="The step, as a heading: what the network does.")
    summary: Markdown = Field(description="Why and how, in brief (Markdown).")
    when: list[Condition] = Field(
        default_factory=list,
        description="The answers that put this step in a plan: a list of alternatives, each "
        "mapping question ids of tree.yml to the options that match. Empty: the step is in a "
        "plan only when a step there needs what it provides.",
    )
    needs: list[Fact] = Field(
        default_factory=list,
        description="What the step needs from the network: 'staff-time', 'spm-skills', "
        "'member-demand', 'funds', 'board-objectives', 'government-interest'.",
    )
    provides: list[Fact] = Field(
        default_factory=list,
        description="What the step gives the network; it comes before the steps that need it.",
    )
    entry_point: Ref = Field(
        description="Id of the entry point this step belongs to.",
        json_schema_extra=refers_to("entry_points"),
    )
    strategy_options: Refs = Field(
        [],
        description="Ids of the strategy options the step draws on.",
        json_schema_extra=refers_to("strategy_options"),
    )
    tools: Refs = Field(
        [], description="Ids of the tools to use.", json_schema_extra=refers_to("tools")
    )
    practices: Refs = Field(
        [],
        description="Ids of the practices to follow.",
        json_schema_extra=refers_to("practices"),
    )
    case_studies: Refs = Field(
        [],
        description="Ids of case studies to read.",
        json_schema_extra=refers_to("case_studies"),
    )
    actions: list[Text] = Field(min_length=1, description="What to do, in order.")

    @property
    def heading(self) -> str:
        return self.title


class Score(Model):
    """One level of an assessment dimension's scoring guide."""

    score: int = Field(ge=0, le=3, description="The score, 0 to 3.")
    label: Text = Field(description="A name for the level, e.g. 'Emerging'.")
    description: Text = Field(description="What a network at this level looks like.")


class Dimension(Model):
    """A dimension of the needs and capacity assessment (seed 003)."""

    id: Id = Field(description="Stable kebab-case id; appears in addresses.")
    name: Text = Field(description="Name of the dimension, e.g. 'Context'.")
    question: Text = Field(description="The question the dimension answers.")
    why: Markdown = Field(description="Why it matters for the strategy (Markdown).")
    criteria: list[Text] = Field(
        min_length=2, description="What to look at, one criterion a line; each is scored."
    )
    sources: list[Text] = Field(
        default_factory=list, description="Where to find the evidence, one line each."
    )
    scoring: list[Score] = Field(min_length=2, description="The scoring guide, lowest score first.")


class TrendQuestion(Model):
    """A key question of the quick tree: a market trend, and the SPM activities it leads to."""

    id: Id = Field(description="Stable kebab-case id; appears in addresses.")
    trend: Text = Field(description="The market trend, e.g. 'Competition is rising'.")
    question: Text = Field(description="The question put to members in the session.")
    signals: list[Text] = Field(
        default_factory=list, description="What members can look at to answer it."
    )
    if_yes: Text = Field(description="What it means for the network when members answer yes.")
    activities: list[Text] = Field(
        min_length=1, description="Practical SPM activities it leads to."
    )
    options: Refs = Field(
        min_length=1,
        description="Ids of the strategy options these activities belong to.",
        json_schema_extra=refers_to("strategy_options"),
    )


class AgendaItem(Model):
    """One session of the quick tree's half-day facilitation agenda."""

    id: Id = Field(description="Kebab-case id.")
    title: Text = Field(description="Name of the session.")
    minutes: int = Field(ge=5, le=120, description="Length in minutes.")
    purpose: Text = Field(description="What the session is for.")
    method: Markdown = Field(description="How the facilitator runs it (Markdown).")
    output: Text | None = Field(None, description="What the session produces.")
    questions: Refs = Field(
        [],
        description="Ids of the quick tree's key questions worked on in this session.",
        json_schema_extra=refers_to("quick_tree"),
    )
