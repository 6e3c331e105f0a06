"""The data files and the model of each entry. Adding a collection is one line here."""

from __future__ import annotations

from dataclasses import dataclass

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
from sphub.models.types import Model


@dataclass(frozen=True)
class Collection:
    """A data file `data/<key>.yml` holding `<key>:` followed by a list of entries."""

    key: str
    model: type[Model]
    summary: str

    @property
    def file(self) -> str:
        return f"{self.key}.yml"


COLLECTIONS: dict[str, Collection] = {
    c.key: c
    for c in [
        Collection("topics", Topic, "Topics that link resources, tools and case studies."),
        Collection("regions", Region, "The regional groups of the working group."),
        Collection("organisations", Organisation, "Partners, supporters, funders, tool owners."),
        Collection("members", Member, "The member networks and the years of their membership."),
        Collection("workplans", WorkPlan, "Each region's work plan per year."),
        Collection("events", Event, "Trainings, meetings, forums and workshops."),
        Collection("resources", Resource, "Documents and links in the resources library."),
        Collection("projects", Project, "Funded projects and their milestones."),
    ]
}
