"""The working group's own records: regions, organisations, members, work plans, events,
resources, projects and topics."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from sphub.models.types import (
    CountryCode,
    Day,
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
    refers_to,
    When,
    Year,
    Years,
)


class Person(Model):
    """A named person with a role, such as a regional facilitator."""

    name: Name = Field(description="Full name as the person is publicly known.")
    role: Text = Field(description="Role in the working group, e.g. 'Regional facilitator'.")
    member: Ref | None = Field(
        None,
        description="Id of the member network the person works for, if any.",
        json_schema_extra=refers_to("members"),
    )


class Topic(PagedEntry, folder="topics", kind="Topic", template="topics.html"):
    """A subject that links resources, tools and case studies across the site."""

    name: Text = Field(description="Name shown on pages, e.g. 'Social audits'.")
    description: Markdown | None = Field(None, description="What the topic covers (Markdown).")


class Region(PagedEntry, folder="regions", kind="Region", template="regions.html"):
    """A regional group of the Social Performance Working Group."""

    id: Id = Field(description="Stable kebab-case id, e.g. 'asia'; appears in addresses.")
    name: Text = Field(description="Name of the region, e.g. 'Asia'.")
    group: Name = Field(description="Full name of the regional group, e.g. 'SPWG Asia'.")
    summary: Markdown | None = Field(None, description="What the group is and does (Markdown).")
    facilitator: Person | None = Field(None, description="The regional facilitator, if known.")


OrganisationRole = Literal[
    "network-of-networks",
    "network",
    "partner",
    "supporter",
    "funder",
    "tool-owner",
    "standard-setter",
    "technical-assistance",
    "rating-agency",
    "research",
]


class Organisation(PagedEntry, folder="partners", kind="Partner", template="organisations.html"):
    """A partner, supporter, funder, tool owner or other organisation that is not a member."""

    id: Id = Field(description="Stable kebab-case id, e.g. 'cerise'; appears in addresses.")
    name: Name = Field(description="Full name.")
    acronym: Name | None = Field(None, description="Short name or acronym, e.g. 'SDC'.")
    roles: list[OrganisationRole] = Field(
        min_length=1, description="What the organisation is to the working group."
    )
    country: CountryCode | None = Field(None, description="ISO 3166 code of its home country.")
    city: Name | None = Field(None, description="City of its head office, if relevant.")
    founded: Year | None = Field(None, description="Year founded, if known and verified.")
    website: Url | None = Field(None, description="Its web site (http or https).")
    description: Markdown | None = Field(None, description="What it is and does (Markdown).")
    status: Verification = Field(
        "verified", description="'unverified' when a fact here is not confirmed; the page says so."
    )


class Member(PagedEntry, folder="members", kind="Member", template="members.html"):
    """A member network of the working group."""

    # The editors' schema says what the check national_members_have_a_country says.
    model_config = ConfigDict(
        **Model.model_config,
        json_schema_extra={
            "if": {"properties": {"kind": {"const": "national-association"}}},
            "then": {"required": ["country"]},
        },
    )

    id: Id = Field(description="Stable kebab-case id, e.g. 'sa-dhan'; appears in addresses.")
    name: Name = Field(description="Full name of the network.")
    acronym: Name | None = Field(None, description="Acronym or short name, e.g. 'PMN'.")
    aliases: list[Name] = Field(
        [], description="Other names the network is listed under (found by search)."
    )
    kind: Literal["national-association", "regional-network", "cooperative-federation", "other"] = (
        Field(description="What kind of network it is.")
    )
    country: CountryCode | None = Field(
        None, description="ISO 3166 code of the country it serves; empty for regional networks."
    )
    region: Ref = Field(
        description="Id of the region it belongs to (see regions.yml).",
        json_schema_extra=refers_to("regions"),
    )
    years: Years = Field(
        min_length=1,
        description="Years in which the network is recorded as a member, e.g. [2012, 2013].",
    )
    founded: Year | None = Field(None, description="Year founded, if known and verified.")
    website: Url | None = Field(None, description="Its web site (http or https).")
    contacts: list[Person] = Field(
        default_factory=list, description="People with a role in the working group."
    )
    description: Markdown | None = Field(None, description="What the network is (Markdown).")
    source: Text | None = Field(None, description="Where the membership record comes from.")


ActivityStatus = Literal["planned", "in-progress", "done", "postponed", "cancelled"]


class Activity(Model):
    """One dated activity of a work plan."""

    id: Id = Field(description="Kebab-case id, unique within its work plan.")
    title: Text = Field(description="What is done, e.g. 'Each network conducts 2 social audits'.")
    when: When = Field(
        description="A day (2012-02-20), a month (2012-12) or a span (2012-03/2012-11)."
    )
    status: ActivityStatus = Field(description="Status as last recorded.")
    deliverables: list[Text] = Field(
        default_factory=list, description="What the activity produces."
    )
    event: Ref | None = Field(
        None,
        description="Id of the event where it takes place, if any.",
        json_schema_extra=refers_to("events"),
    )


class FocusArea(Model):
    """A focus area of a work plan, with the reason it was chosen."""

    id: Id = Field(description="Kebab-case id, unique within its work plan.")
    title: Text = Field(description="Name of the focus area.")
    rationale: Markdown | None = Field(None, description="Why the group chose it (Markdown).")
    activities: list[Activity] = Field(min_length=1, description="The dated activities.")


class WorkPlan(PagedEntry, folder="work-plans", kind="Work plan", template="workplans.html"):
    """A region's work plan for one year."""

    id: Id = Field(description="Stable kebab-case id, e.g. 'asia-2012'.")
    region: Ref = Field(
        description="Id of the region (see regions.yml).", json_schema_extra=refers_to("regions")
    )
    year: Year = Field(description="The year the plan covers.")
    summary: Markdown | None = Field(None, description="The plan in a few sentences (Markdown).")
    focus_areas: list[FocusArea] = Field(min_length=1, description="The plan's focus areas.")
    source: Text | None = Field(None, description="Where the plan is published.")


class Document(Model):
    """A document attached to an event, such as minutes."""

    title: Name = Field(description="Title of the document.")
    kind: Literal["minutes", "report", "agenda", "presentation", "note", "other"] = Field(
        description="What kind of document it is."
    )
    url: Url | None = Field(None, description="Where to read it; empty if no copy is known.")
    note: Text | None = Field(None, description="A short note, e.g. where the original was.")


class Place(Model):
    """Where an event takes place."""

    city: Name = Field(description="City, e.g. 'Bangkok'.")
    country: CountryCode = Field(description="ISO 3166 code of the country, e.g. 'TH'.")
    venue: Name | None = Field(None, description="Venue, if known.")


class Event(PagedEntry, folder="events", kind="Event", template="events.html"):
    """A training, meeting, forum or workshop."""

    id: Id = Field(description="Stable kebab-case id; appears in addresses and calendars.")
    title: Text = Field(description="Title of the event.")
    kind: Literal["training", "meeting", "forum", "workshop", "conference", "webinar", "other"] = (
        Field(description="What kind of event it is.")
    )
    start: Day = Field(description="First day (YYYY-MM-DD).")
    end: Day | None = Field(None, description="Last day (YYYY-MM-DD); empty for one day.")
    place: Place | None = Field(None, description="Where it takes place; empty if not recorded.")
    online: bool = Field(False, description="true when the event takes place online.")
    region: Ref | None = Field(
        None,
        description="Id of the region it belongs to, if any.",
        json_schema_extra=refers_to("regions"),
    )
    project: Ref | None = Field(
        None,
        description="Id of the project it belongs to, if any.",
        json_schema_extra=refers_to("projects"),
    )
    organisers: Refs = Field(
        [],
        description="Ids of organisations or members that organised or conducted it.",
        json_schema_extra=refers_to("organisations", "members"),
    )
    supporters: Refs = Field(
        default_factory=list,
        description="Ids of organisations that supported or funded it.",
        json_schema_extra=refers_to("organisations"),
    )
    attending_members: Refs = Field(
        default_factory=list,
        description="Ids of member networks that attended.",
        json_schema_extra=refers_to("members"),
    )
    attending_organisations: Refs = Field(
        [],
        description="Ids of other organisations that took part.",
        json_schema_extra=refers_to("organisations"),
    )
    attending_networks_count: int | None = Field(
        None, ge=1, description="How many networks attended, when the list is not known."
    )
    description: Markdown | None = Field(None, description="What happened (Markdown).")
    documents: list[Document] = Field(
        default_factory=list, description="Minutes, reports and other documents."
    )
    topics: Refs = Field(
        default_factory=list,
        description="Ids of topics (see topics.yml).",
        json_schema_extra=refers_to("topics"),
    )


class Resource(PagedEntry, folder="resources", kind="Resource", template="resources.html"):
    """A document or link in the resources library."""

    title: Name = Field(description="Title of the document.")
    type: Literal[
        "report", "guide", "standard", "tool", "minutes", "note", "article", "web-page", "dataset"
    ] = Field(description="What kind of resource it is.")
    owners: Refs = Field(
        default_factory=list,
        description="Ids of organisations that publish it.",
        json_schema_extra=refers_to("organisations"),
    )
    year: Year | None = Field(None, description="Year published, if known and verified.")
    languages: list[LanguageCode] = Field(
        [], description="ISO 639-1 codes of the languages it is available in, if known."
    )
    topics: Refs = Field(
        default_factory=list,
        description="Ids of topics (see topics.yml).",
        json_schema_extra=refers_to("topics"),
    )
    region: Ref | None = Field(
        None,
        description="Id of the region it concerns, if any.",
        json_schema_extra=refers_to("regions"),
    )
    url: Url | None = Field(None, description="Where to read it; empty if no public copy is known.")
    confirmed_by: EditorsNote | None = Field(
        None,
        description="With `url`: the published source where the address was confirmed, and "
        "when, e.g. 'the publisher's page, read 1 December 2026'.",
    )
    how_to_obtain: Markdown | None = Field(
        None,
        description="Without `url`: how to obtain a copy (the owner's site, or whom to ask).",
    )
    description: Markdown | None = Field(None, description="What it contains (Markdown).")
    authors: list[Name] = Field(
        default_factory=list, description="Authors, as printed on the document."
    )
    status: Verification = Field(
        "verified", description="'unverified' when a fact here is not confirmed; the page says so."
    )


class Milestone(Model):
    """A dated step of a project."""

    title: Text = Field(description="What happens.")
    when: When = Field(description="A day, a month or a span, as for activities.")
    status: ActivityStatus = Field(description="Status as last recorded.")
    event: Ref | None = Field(
        None,
        description="Id of the event it corresponds to, if any.",
        json_schema_extra=refers_to("events"),
    )


class Project(PagedEntry, folder="projects", kind="Project", template="projects.html"):
    """A funded project, such as the Cerise / Imp-Act network strategy framework."""

    title: Text = Field(description="Title of the project.")
    period: When = Field(description="The span of the project, e.g. 2010-05/2011-04.")
    partners: Refs = Field(
        min_length=1,
        description="Ids of the organisations that run it.",
        json_schema_extra=refers_to("organisations"),
    )
    funders: Refs = Field(
        default_factory=list,
        description="Ids of the organisations that fund it.",
        json_schema_extra=refers_to("organisations"),
    )
    sponsors: Refs = Field(
        default_factory=list,
        description="Ids of organisations that sponsored parts of it.",
        json_schema_extra=refers_to("organisations"),
    )
    summary: Markdown = Field(description="Aim and expected outputs (Markdown).")
    milestones: list[Milestone] = Field(default_factory=list, description="Dated steps.")
    outputs: list[Text] = Field(default_factory=list, description="What the project delivers.")
