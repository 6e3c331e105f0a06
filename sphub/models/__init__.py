"""The data files and the model of each entry. Adding a collection is one line here, and
one in `sphub.data.site.Site` that types `site.<key>` (a test says when it is missing)."""

from __future__ import annotations

from dataclasses import dataclass

from sphub.models.glossary import GlossaryTerm
from sphub.models.guide import GuideChapter
from sphub.models.network import (
    Event,
    Member,
    Organisation,
    Project,
    Region,
    Resource,
    Topic,
    WorkPlan,
)
from sphub.models.strategy import (
    AgendaItem,
    CaseStudy,
    Dimension,
    EntryPoint,
    Practice,
    PlanStep,
    StrategyOption,
    Tool,
    TreeNode,
    TrendQuestion,
)
from sphub.models.types import Model


@dataclass(frozen=True)
class Collection:
    """A data file `data/<key>.yml` holding `<key>:` followed by a list of entries."""

    key: str
    model: type[Model]
    summary: str
    # Whether its text for readers is translated (data/translations/<language>/<key>.yml,
    # sphub.data.translations): every collection members read is.
    translated: bool = False

    @property
    def file(self) -> str:
        return f"{self.key}.yml"


COLLECTIONS: dict[str, Collection] = {
    c.key: c
    for c in [
        Collection(
            "topics", Topic, "Topics that link resources, tools and case studies.", translated=True
        ),
        Collection("regions", Region, "The regional groups of the working group.", translated=True),
        Collection(
            "organisations",
            Organisation,
            "Partners, supporters, funders, tool owners.",
            translated=True,
        ),
        Collection(
            "members",
            Member,
            "The member networks and the years of their membership.",
            translated=True,
        ),
        Collection("workplans", WorkPlan, "Each region's work plan per year.", translated=True),
        Collection("events", Event, "Trainings, meetings, forums and workshops.", translated=True),
        Collection(
            "resources", Resource, "Documents and links in the resources library.", translated=True
        ),
        Collection("projects", Project, "Funded projects and their milestones.", translated=True),
        Collection(
            "tools", Tool, "Social performance tools and standards networks use.", translated=True
        ),
        Collection(
            "practices",
            Practice,
            "Good practices and drivers of network SP strategies.",
            translated=True,
        ),
        Collection(
            "entry_points", EntryPoint, "Where a network starts its SP work.", translated=True
        ),
        Collection(
            "strategy_options",
            StrategyOption,
            "The menu of network strategy options.",
            translated=True,
        ),
        Collection(
            "case_studies",
            CaseStudy,
            "What networks did: public facts or illustrative.",
            translated=True,
        ),
        Collection("tree", TreeNode, "The decision tree's questions.", translated=True),
        Collection(
            "steps",
            PlanStep,
            "The steps of a network's plan, and the rule that chooses them.",
            translated=True,
        ),
        Collection(
            "assessment",
            Dimension,
            "The needs and capacity assessment's dimensions.",
            translated=True,
        ),
        Collection(
            "quick_tree",
            TrendQuestion,
            "The quick tree's key questions on trends.",
            translated=True,
        ),
        Collection(
            "quick_tree_agenda", AgendaItem, "The quick tree's half-day agenda.", translated=True
        ),
        Collection(
            "guide",
            GuideChapter,
            "The PDF guide's chapter titles and introductions.",
            translated=True,
        ),
        Collection(
            "glossary",
            GlossaryTerm,
            "The words of the guidance a network manager may not know, and what they mean.",
            translated=True,
        ),
    ]
}
