"""The one validated object every page is rendered from, with the lookups pages need,
computed once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Generic, TypeVar

from sphub.data.fields import references
from sphub.models import COLLECTIONS
from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.data.translations import Translations
from sphub.models import (
    AgendaItem,
    CaseStudy,
    Dimension,
    EntryPoint,
    Event,
    GlossaryTerm,
    GuideChapter,
    Member,
    Organisation,
    PlanStep,
    Practice,
    Project,
    Region,
    Resource,
    StrategyOption,
    Tool,
    Topic,
    TreeNode,
    TrendQuestion,
    WorkPlan,
)
from sphub.models.types import Model

_COLLECTION_OF = {collection.model: key for key, collection in COLLECTIONS.items()}

M = TypeVar("M", bound=Model)


class Entries(Generic[M]):
    """`site.members`: the entries of the collection of that name, by id, typed with its
    model (`dict[str, Member]`). tests/unit/data/test_load.py checks that `Site` has one for
    each collection of sphub.models.COLLECTIONS, with its model."""

    def __init__(self, model: type[M]):
        self.model = model

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def __get__(self, site: Site, owner: type | None = None) -> dict[str, M]:
        return site.entries[self.key]


@dataclass(frozen=True)
class Backlink:
    """`source` (an entry of `collection`) refers to something through its field `field`."""

    collection: str
    source: Model
    field: str


@dataclass(eq=False)
class Site:
    """Every collection, by id, in file order (`site.members`, or `site.collection("members")`),
    where each entry stands in its file, and the date the site is built for."""

    build_date: date
    entries: dict[str, dict[str, Model]]  # collection key -> id -> entry
    places: dict[tuple[str, str], Located] = field(default_factory=dict, repr=False)
    # The language of the entries' text; every language's translations, checked
    # (sphub.data.translations); and each translated entry's state in this language.
    language: str = "en"
    translations: Translations = field(default_factory=Translations, repr=False)
    states: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    # Problems that do not stop the build (a translation older than its English, an event
    # in 1012): printed, errors with --strict.
    warnings: list[Problem] = field(default_factory=list, repr=False)

    topics = Entries(Topic)
    regions = Entries(Region)
    organisations = Entries(Organisation)
    members = Entries(Member)
    workplans = Entries(WorkPlan)
    events = Entries(Event)
    resources = Entries(Resource)
    projects = Entries(Project)
    tools = Entries(Tool)
    practices = Entries(Practice)
    entry_points = Entries(EntryPoint)
    strategy_options = Entries(StrategyOption)
    case_studies = Entries(CaseStudy)
    tree = Entries(TreeNode)
    steps = Entries(PlanStep)
    assessment = Entries(Dimension)
    quick_tree = Entries(TrendQuestion)
    quick_tree_agenda = Entries(AgendaItem)
    guide = Entries(GuideChapter)
    glossary = Entries(GlossaryTerm)

    @classmethod
    def from_entries(cls, located: list[Located], build_date: date) -> Site:
        data: dict[str, dict[str, Model]] = {key: {} for key in COLLECTIONS}
        places = {}
        for where in located:
            data[where.collection][where.entry.id] = where.entry
            places[(where.collection, where.entry.id)] = where
        return cls(build_date, data, places)

    def collection(self, key: str) -> dict[str, Model]:
        return self.entries[key]

    @property
    def languages(self) -> tuple[str, ...]:
        return self.translations.languages

    def translation_state(self, entry: Model) -> str | None:
        """None when `entry` is shown in this language, as translated from its English as it
        is now (or the site is in English); "outdated" when its English changed after the
        translation; "fallback" when some or all of its text is still in English."""
        return self.states.get((self.collection_of(entry), entry.id))

    def problem(self, entry: Model, field_path: tuple, expected: str, got: str) -> Problem:
        """A problem with `entry` found after loading (a page or address it would take), in
        the same `data/file.yml:LINE: path: expected X, got Y` form as every data problem."""
        return self.places[(self.collection_of(entry), entry.id)].problem(field_path, expected, got)

    @staticmethod
    def collection_of(entry: Model) -> str:
        """The key of the collection `entry` belongs to (asked for every link of every page)."""
        key = _COLLECTION_OF.get(type(entry))
        if key is None:
            raise TypeError(f"{type(entry).__name__} is not an entry of any collection")
        return key

    @cached_property
    def backlinks(self) -> dict[tuple[str, str], list[Backlink]]:
        """(collection, id) -> every entry that refers to it, and through which field."""
        index: dict[tuple[str, str], list[Backlink]] = defaultdict(list)
        for key in COLLECTIONS:
            for entry in self.collection(key).values():
                for path, targets, value in references(entry):
                    target = next(t for t in targets if value in self.collection(t))
                    index[(target, value)].append(Backlink(key, entry, str(path[0])))
        return index

    def referring(self, entry: Model, collection: str, *fields: str) -> list[Model]:
        """Entries of `collection` that refer to `entry` (through one of `fields`, if given),
        each once, in file order."""
        # Backlinks are recorded in file order, so no scan of the whole collection is needed
        # (that scan made every page cost as much as the collection: quadratic growth).
        found: dict[str, Model] = {}
        for link in self.backlinks.get((self.collection_of(entry), entry.id), []):
            if link.collection == collection and (not fields or link.field in fields):
                found.setdefault(link.source.id, link.source)
        return list(found.values())

    # Events

    @staticmethod
    def last_day(event: Event) -> date:
        return event.end or event.start

    def upcoming(self, events: list[Event] | None = None) -> list[Event]:
        """Events not yet over on the build date, soonest first."""
        events = list(self.events.values()) if events is None else events
        return sorted(
            (e for e in events if self.last_day(e) >= self.build_date),
            key=lambda e: (e.start, e.id),
        )

    def past(self, events: list[Event] | None = None) -> list[Event]:
        """Events over before the build date, most recent first."""
        events = list(self.events.values()) if events is None else events
        return sorted(
            (e for e in events if self.last_day(e) < self.build_date),
            key=lambda e: (e.start, e.id),
            reverse=True,
        )

    # Regions

    def workplans_of(self, region: Region) -> list[WorkPlan]:
        """The region's work plans, latest year first."""
        plans = self.referring(region, "workplans")
        return sorted(plans, key=lambda p: p.year, reverse=True)

    def members_of(self, region: Region) -> list[Member]:
        return sorted(self.referring(region, "members", "region"), key=sort_name)


def sort_name(entry: Model) -> str:
    """Sort key for names: case- and accent-insensitive enough for a directory."""
    import unicodedata

    name = getattr(entry, "name", None) or getattr(entry, "title", "")
    return unicodedata.normalize("NFKD", name).casefold()
