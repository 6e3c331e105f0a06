"""Deterministic synthetic `data/` for the benchmark: `python -m benchmarks.generate --scale S
--seed 1 --out DIR`.

Every collection in `sphub.models.COLLECTIONS` needs a generator here, registered with
`@generates(key, count)`; a collection without one stops the generator with an error, so a
new collection cannot silently drop out of the benchmark. The data is invented (marked so in
each file's header) and never shipped."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sphub.models import COLLECTIONS
from sphub.models.guide import CHAPTERS

# Text lengths are calibrated on the shipped data (members ~300 bytes of YAML, events ~900,
# resources ~450), a little richer, as a fuller site would be.
# Scale -> multiplier of the S counts given to `generates`.
SCALES = {"S": 1, "M": 10}
FIRST_YEAR = 2013  # work plans run from this year, 10 years per region

Entry = dict
Generator = Callable[["World", int], Entry]


@dataclass(frozen=True)
class Spec:
    count: int  # entries at scale S
    make: Generator
    # False for a collection whose size is set by the framework, not by the network's size:
    # a bigger network has more members and events, but the same six assessment dimensions,
    # the same half-day quick tree, and one decision tree with one rule.
    scales: bool = True
    ids: tuple[str, ...] | None = None  # fixed ids (the guide's chapters), else numbered ones

    def entries(self, factor: int) -> int:
        return self.count * factor if self.scales else self.count


GENERATORS: dict[str, Spec] = {}


def generates(
    key: str, count: int, scales: bool = True, ids: tuple[str, ...] | None = None
) -> Callable[[Generator], Generator]:
    """Register `make(world, index) -> entry` as the generator of collection `key`, with
    `count` entries at scale S (times the scale's multiplier unless `scales` is False), and
    these `ids` if given."""

    def register(make: Generator) -> Generator:
        GENERATORS[key] = Spec(count, make, scales, ids)
        return make

    return register


@dataclass
class World:
    """What every generator may use: the random source and every collection's ids, known
    before any entry is made (collections refer to each other in both directions)."""

    rng: random.Random
    factor: int
    ids: dict[str, list[str]] = field(default_factory=dict)

    def ref(self, key: str) -> str:
        return self.rng.choice(self.ids[key])

    def refs(self, key: str, low: int, high: int) -> list[str]:
        pool = self.ids[key]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def sentence(self, low: int = 8, high: int = 20) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, sentences)))

    def markdown(self, paragraphs: int = 3) -> str:
        """A few paragraphs, with the emphasis, lists and links editors write."""
        parts = [self.paragraph() for _ in range(self.rng.randint(1, paragraphs))]
        if self.rng.random() < 0.3:
            parts.append("\n".join(f"- {self.sentence(3, 8)}" for _ in range(3)))
        if self.rng.random() < 0.3:
            parts[0] = f"**{self.sentence(2, 4)[:-1]}.** " + parts[0]
        if self.rng.random() < 0.2:
            parts.append(f"See [the report](https://example.org/{self.rng.randint(1, 999)}).")
        return "\n\n".join(parts) + "\n"

    def title(self, low: int = 3, high: int = 9) -> str:
        return self.sentence(low, high)[:-1]

    def person(self) -> str:
        return f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"

    def day(self, year: int) -> str:
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


WORDS = [
    "social",
    "performance",
    "management",
    "network",
    "members",
    "clients",
    "microfinance",
    "institutions",
    "audit",
    "indicators",
    "standards",
    "regulators",
    "training",
    "capacity",
    "outreach",
    "poverty",
    "women",
    "rural",
    "savings",
    "credit",
    "protection",
    "transparency",
    "pricing",
    "governance",
    "board",
    "reporting",
    "data",
    "tool",
    "regional",
    "national",
    "association",
    "practice",
    "guide",
    "framework",
    "strategy",
    "assessment",
    "dimension",
    "mission",
    "responsible",
    "finance",
    "over-indebtedness",
    "complaints",
    "staff",
    "incentives",
    "benchmark",
    "survey",
    "réseau",
    "coopérative",
    "épargne",
    "crédit",
    "inclusão",
    "financeira",
    "São",
    "Tomé",
    "Cécile",
    "évaluation",
    "gestión",
    "desempeño",
    "social",
    "clientes",
    "社会绩效",
    "小额信贷",
    "with",
    "for",
    "and",
    "the",
    "of",
    "on",
    "in",
    "to",
    "by",
]
GIVEN = [
    "Cécile",
    "Amina",
    "Rahul",
    "Mehr",
    "Ewa",
    "Kasia",
    "Bonnie",
    "João",
    "Li",
    "Wei",
    "Fatoumata",
    "Nguyễn",
    "Ana",
    "Omar",
]
FAMILY = [
    "Lapenu",
    "Shah",
    "Bankowska",
    "Pawlak",
    "Brusky",
    "Gonçalves",
    "Zhang",
    "Diallo",
    "Trần",
    "Pérez",
    "Haddad",
]
COUNTRIES = [
    "AF",
    "NP",
    "CN",
    "BD",
    "ID",
    "LK",
    "PH",
    "PK",
    "IN",
    "KH",
    "VN",
    "SN",
    "ML",
    "BF",
    "KE",
    "UG",
    "TZ",
    "ST",
    "PE",
    "BO",
    "MX",
    "EC",
    "PL",
    "RO",
    "JO",
    "EG",
]
PLACES = {
    "AF": "Kabul",
    "NP": "Kathmandu",
    "CN": "Beijing",
    "BD": "Dhaka",
    "ID": "Jakarta",
    "LK": "Colombo",
    "PH": "Manila",
    "PK": "Islamabad",
    "IN": "New Delhi",
    "KH": "Phnom Penh",
    "VN": "Hà Nội",
    "SN": "Dakar",
    "ML": "Bamako",
    "BF": "Ouagadougou",
    "KE": "Nairobi",
    "UG": "Kampala",
    "TZ": "Dar es Salaam",
    "ST": "São Tomé",
    "PE": "Lima",
    "BO": "La Paz",
    "MX": "Ciudad de México",
    "PL": "Warsaw",
    "RO": "Bucureşti",
    "JO": "Amman",
    "EC": "Quito",
    "EG": "Cairo",
}
NETWORK_NAMES = [
    "{c} Microfinance Association",
    "Réseau des institutions de microfinance du {c}",
    "Asociación de Instituciones de Microfinanzas de {c}",
    "{c} Microfinance Network",
    "中国小额信贷联盟 {c}",
    "Associação de Microfinanças de {c}",
    "{c} Cooperative Federation",
]


@generates("topics", 20)
def _topic(w: World, i: int) -> Entry:
    return {"id": w.ids["topics"][i], "name": w.title(1, 3), "description": w.sentence()}


@generates("regions", 5)
def _region(w: World, i: int) -> Entry:
    region = {
        "id": w.ids["regions"][i],
        "name": f"Region {i + 1}",
        "group": f"SPWG Region {i + 1}",
        "summary": w.markdown(2),
    }
    if w.rng.random() < 0.8:
        region["facilitator"] = {
            "name": w.person(),
            "role": "Regional facilitator",
            "member": w.ref("members"),
        }
    return region


@generates("organisations", 60)
def _organisation(w: World, i: int) -> Entry:
    roles = ["partner", "supporter", "funder", "tool-owner", "research", "rating-agency"]
    return {
        "id": w.ids["organisations"][i],
        "name": f"{w.title(2, 5)} Foundation {i + 1}",  # one name per organisation
        "acronym": f"ORG{i}",
        "roles": w.rng.sample(roles, w.rng.randint(1, 3)),
        "country": w.rng.choice(COUNTRIES),
        "website": f"https://org{i}.example.org/",
        "description": w.paragraph(2),
    }


@generates("members", 150)
def _member(w: World, i: int) -> Entry:
    country = w.rng.choice(COUNTRIES)
    years = sorted(w.rng.sample(range(2009, 2025), w.rng.randint(1, 8)))
    member = {
        "id": w.ids["members"][i],
        "name": w.rng.choice(NETWORK_NAMES).format(c=country) + f" {i + 1}",
        "acronym": f"MN{i + 1}",
        "kind": "national-association",
        "country": country,
        # Members spread evenly over the regions, so a region page has the same size at any scale.
        "region": w.ids["regions"][i % len(w.ids["regions"])],
        "years": years,
        "founded": w.rng.randint(1990, 2010),
        "website": f"https://network{i}.example.org/",
        "description": w.paragraph(3),
        "source": "Synthetic benchmark data",
    }
    if w.rng.random() < 0.5:
        member["contacts"] = [{"name": w.person(), "role": "SP champion"}]
    return member


@generates("workplans", 50)
def _workplan(w: World, i: int) -> Entry:
    region, year = w.ids["regions"][i // 10], FIRST_YEAR + i % 10
    areas = []
    for a in range(w.rng.randint(2, 3)):
        activities = [
            {
                "id": f"activity-{a}-{n}",
                "title": w.title(5, 12),
                "when": f"{year}-{w.rng.randint(1, 6):02d}/{year}-{w.rng.randint(7, 12):02d}",
                "status": w.rng.choice(["planned", "in-progress", "done"]),
                "deliverables": [w.title(3, 7)],
            }
            for n in range(w.rng.randint(2, 4))
        ]
        if w.rng.random() < 0.5:
            activities[0]["event"] = w.ref("events")
        areas.append(
            {
                "id": f"area-{a}",
                "title": w.title(3, 6),
                "rationale": w.paragraph(3),
                "activities": activities,
            }
        )
    return {
        "id": w.ids["workplans"][i],
        "region": region,
        "year": year,
        "summary": w.paragraph(),
        "focus_areas": areas,
    }


@generates("events", 150)
def _event(w: World, i: int) -> Entry:
    year = w.rng.randint(2012, 2027)
    start = w.day(year)
    country = w.rng.choice(COUNTRIES)
    event = {
        "id": w.ids["events"][i],
        "title": w.title(4, 10),
        "kind": w.rng.choice(["training", "meeting", "forum", "workshop", "webinar"]),
        "start": start,
        "end": start[:-2] + f"{min(28, int(start[-2:]) + w.rng.randint(0, 3)):02d}",
        "place": {"city": PLACES[country], "country": country},
        "region": w.ref("regions"),
        "organisers": w.refs("organisations", 1, 2) + w.refs("members", 0, 1),
        "supporters": w.refs("organisations", 0, 3),
        "attending_members": w.refs("members", 2, 8),
        "topics": w.refs("topics", 1, 3),
        "description": w.markdown(2),
    }
    if w.rng.random() < 0.3:
        event["project"] = w.ref("projects")
    if w.rng.random() < 0.4:
        event["documents"] = [
            {"title": w.title(), "kind": "minutes", "url": f"https://example.org/minutes/{i}.pdf"}
        ]
    return event


@generates("resources", 300)
def _resource(w: World, i: int) -> Entry:
    resource = {
        "id": w.ids["resources"][i],
        "title": w.title(4, 12),
        "type": w.rng.choice(["report", "guide", "standard", "tool", "note", "article"]),
        "owners": w.refs("organisations", 1, 2),
        "year": w.rng.randint(2001, 2024),
        "languages": w.rng.sample(["en", "fr", "es", "pt", "zh"], w.rng.randint(1, 2)),
        "topics": w.refs("topics", 1, 3),
        "url": f"https://example.org/resources/{i}",
        "confirmed_by": w.sentence(),
        "description": w.paragraph(3),
        "authors": [w.person() for _ in range(w.rng.randint(0, 3))],
    }
    if w.rng.random() < 0.5:
        resource["region"] = w.ref("regions")
    return resource


@generates("projects", 15)
def _project(w: World, i: int) -> Entry:
    year = w.rng.randint(2010, 2022)
    return {
        "id": w.ids["projects"][i],
        "title": w.title(6, 14),
        "period": f"{year}-05/{year + w.rng.randint(1, 3)}-04",
        "partners": w.refs("organisations", 1, 3),
        "funders": w.refs("organisations", 0, 2),
        "summary": w.markdown(2),
        "milestones": [
            {
                "title": w.title(),
                "when": f"{year + 1}-{m + 1:02d}",
                "status": "done",
                **({"event": w.ref("events")} if m == 0 else {}),
            }
            for m in range(w.rng.randint(2, 5))
        ],
        "outputs": [w.title(3, 8) for _ in range(3)],
    }


# The strategy framework. Text lengths follow the shipped files (a tool ~1000 bytes of YAML, a
# practice ~550, an entry point or strategy option ~950, a case study ~750, a tree node ~850,
# an assessment dimension ~1800, a key question ~650, an agenda session ~430).


@generates("tools", 20)
def _tool(w: World, i: int) -> Entry:
    tool = {
        "id": w.ids["tools"][i],
        "name": w.title(3, 8),
        "acronym": f"T{i + 1}",
        "kind": w.rng.choice(
            ["audit", "standard", "principles", "index", "reporting", "rating", "guide"]
        ),
        "owners": w.refs("organisations", 1, 2),
        "purpose": w.paragraph(2),
        "when_to_use": w.markdown(1),
        "parts_label": w.rng.choice(["Dimensions", "Principles", "Categories"]),
        "parts": [{"name": w.title(3, 8)} for _ in range(w.rng.randint(3, 6))],
        "versions": [f"Version {v + 1}, {2005 + 3 * v}." for v in range(w.rng.randint(1, 3))],
        "cost_effort": w.rng.choice(["low", "medium", "high"]),
        "cost_note": w.sentence(),
        "languages": w.rng.sample(["en", "fr", "es", "pt", "zh"], w.rng.randint(1, 3)),
        "links": [
            {
                "title": w.title(),
                "url": f"https://example.org/tools/{i}",
                "confirmed_by": w.sentence(),
            }
        ],
        "resources": w.refs("resources", 0, 3),
        "topics": w.refs("topics", 1, 2),
    }
    if w.rng.random() < 0.1:
        tool["status"] = "unverified"
    return tool


@generates("practices", 30)
def _practice(w: World, i: int) -> Entry:
    return {
        "id": w.ids["practices"][i],
        "name": w.title(2, 5),
        "kind": "driver" if i % 3 == 0 else "good-practice",
        "summary": w.sentence(),
        "description": w.paragraph(3),
        "signs": [w.sentence() for _ in range(w.rng.randint(1, 3))],
    }


@generates("entry_points", 10)
def _entry_point(w: World, i: int) -> Entry:
    return {
        "id": w.ids["entry_points"][i],
        "name": f"Start from {w.title(2, 5).lower()}",
        "summary": w.sentence(),
        "suits": w.paragraph(3),
        "first_steps": [w.sentence() for _ in range(w.rng.randint(3, 5))],
        "watch_out": [w.sentence() for _ in range(w.rng.randint(0, 2))],
    }


@generates("strategy_options", 20)
def _strategy_option(w: World, i: int) -> Entry:
    return {
        "id": w.ids["strategy_options"][i],
        "name": w.title(2, 5),
        "summary": w.sentence(),
        "description": w.markdown(1),
        "activities": [w.sentence(5, 12) for _ in range(w.rng.randint(2, 4))],
        "prerequisites": [w.sentence(5, 12) for _ in range(w.rng.randint(0, 2))],
        "effort": w.rng.choice(["low", "medium", "high"]),
        "entry_points": w.refs("entry_points", 1, 3),
        "tools": w.refs("tools", 0, 4),
        "practices": w.refs("practices", 0, 2),
    }


@generates("case_studies", 60)
def _case_study(w: World, i: int) -> Entry:
    study = {"id": w.ids["case_studies"][i], "title": w.title(5, 10)}
    # About one in ten is an illustrative example: no network, as `sphub.data.tree` requires.
    if i % 10 == 9:
        study["illustrative"] = True
    else:
        study["network"] = w.ref("members")
    study |= {
        "summary": w.markdown(1),
        "lessons": [w.sentence() for _ in range(w.rng.randint(1, 3))],
        "source": "Synthetic benchmark data",
        "year": w.rng.randint(2005, 2024),
        "options": w.refs("strategy_options", 1, 3),
        "tools": w.refs("tools", 0, 2),
        "practices": w.refs("practices", 0, 2),
        "resources": w.refs("resources", 0, 2),
        "topics": w.refs("topics", 1, 2),
    }
    return study


def _short(w: World) -> str:
    """A label of at most 40 characters, as `TreeNode.short` requires."""
    return w.title(2, 6)[:40].rstrip()


# The tree's questions and the steps of a plan are the framework's, the same for any size of
# network: ten questions of two or three answers, and steps that each fact is provided by one
# of (so that every path has a plan, as the checks require).
TREE_QUESTIONS = 10
FACTS = ("staff-time", "spm-skills", "member-demand", "funds", "board-objectives")
PLAN_STEPS = 16


@generates("tree", TREE_QUESTIONS, scales=False)
def _question(w: World, i: int) -> Entry:
    count = w.rng.randint(2, 3)
    if i == 0:  # three answers, each calling for the step on every path (_step below)
        count = 3
    options = [
        {
            "id": f"answer-{n + 1}",
            "label": w.sentence(4, 12)[:-1],
            "because": w.sentence(6, 14)[:-1],
            "establishes": [FACTS[(i + n) % len(FACTS)]] if n == 0 else [],
        }
        for n in range(count)
    ]
    return {
        "id": w.ids["tree"][i],
        "short": _short(w),
        "dimension": w.ref("assessment"),
        "question": w.sentence(8, 16)[:-1] + "?",
        "hint": w.paragraph(2),
        "options": options,
    }


@generates("steps", PLAN_STEPS, scales=False)
def _step(w: World, i: int) -> Entry:
    questions = w.ids["tree"]
    step = {"id": w.ids["steps"][i], "title": w.title(3, 8), "summary": w.markdown(1)}
    if i < len(FACTS):  # one step provides each fact, and needs nothing
        step["provides"] = [FACTS[i]]
    elif i == len(FACTS):  # on every path: the first question's every answer
        step["when"] = [{questions[0]: ["answer-1", "answer-2", "answer-3"]}]
    else:
        step["when"] = [{questions[w.rng.randrange(len(questions))]: ["answer-1"]}]
        step["needs"] = w.rng.sample(FACTS, w.rng.randint(0, 3))
    return step | {
        "entry_point": w.ref("entry_points"),
        "strategy_options": w.refs("strategy_options", 1, 3),
        "tools": w.refs("tools", 0, 3),
        "practices": w.refs("practices", 0, 2),
        "case_studies": w.refs("case_studies", 0, 2),
        "actions": [w.sentence() for _ in range(w.rng.randint(2, 4))],
    }


# The assessment has the six dimensions of seed 003, the quick tree about eight key questions
# and a half-day agenda: fixed by the framework, the same for any size of network.
@generates("assessment", 6, scales=False)
def _dimension(w: World, i: int) -> Entry:
    return {
        "id": w.ids["assessment"][i],
        "name": w.title(1, 3),
        "question": w.sentence()[:-1] + "?",
        "why": w.paragraph(2),
        "criteria": [w.sentence(8, 16) for _ in range(w.rng.randint(2, 4))],
        "sources": [w.sentence(3, 6) for _ in range(w.rng.randint(1, 3))],
        "scoring": [
            {
                "score": score,
                "label": w.title(1, 3),
                "description": w.sentence(),
            }
            for score in range(4)
        ],
    }


@generates("quick_tree", 8, scales=False)
def _trend_question(w: World, i: int) -> Entry:
    return {
        "id": w.ids["quick_tree"][i],
        "trend": w.title(3, 6),
        "question": w.sentence()[:-1] + "?",
        "signals": [w.sentence(4, 10) for _ in range(2)],
        "if_yes": w.sentence(),
        "activities": [w.sentence() for _ in range(w.rng.randint(1, 3))],
        "options": w.refs("strategy_options", 1, 2),
    }


@generates("quick_tree_agenda", 8, scales=False)
def _agenda_item(w: World, i: int) -> Entry:
    item = {
        "id": w.ids["quick_tree_agenda"][i],
        "title": w.title(2, 5),
        # At most 30 minutes each: eight sessions fit the half day (240 minutes) `sphub.data.tree`
        # allows.
        "minutes": w.rng.choice([15, 20, 25, 30]),
        "purpose": w.sentence(),
        "method": w.paragraph(2),
        "output": w.sentence(3, 8),
    }
    if w.rng.random() < 0.5:
        item["questions"] = w.refs("quick_tree", 1, 4)
    return item


# The PDF guide has one entry per chapter, whatever the size of the network.
@generates("guide", len(CHAPTERS), scales=False, ids=CHAPTERS)
def _guide_chapter(w: World, i: int) -> Entry:
    return {"id": w.ids["guide"][i], "title": w.title(2, 6), "intro": w.markdown(2)}


# The glossary's size is the framework's vocabulary, not the network's. Its forms are words the
# generated text uses (each a form of one term only), so pages are searched and marked for
# tooltips as the shipped pages are.
GLOSSARY_FORMS = list(dict.fromkeys(WORDS[:15]))


@generates("glossary", 28, scales=False)
def _glossary_term(w: World, i: int) -> Entry:
    term = {"id": w.ids["glossary"][i], "term": w.title(1, 4), "definition": w.sentence(12, 30)}
    if i < len(GLOSSARY_FORMS):
        term["forms"] = [GLOSSARY_FORMS[i]]
    return term


def _check_registry() -> None:
    missing = [key for key in COLLECTIONS if key not in GENERATORS]
    if missing:
        raise RuntimeError(
            "no benchmark generator for the collection(s) "
            + ", ".join(missing)
            + ": add one with @generates(...) in benchmarks/generate.py"
        )


def generate(scale: str, seed: int) -> dict[str, list[Entry]]:
    """Every collection's entries at `scale` ('S' or 'M'), the same for the same seed."""
    _check_registry()
    factor = SCALES[scale]
    world = World(random.Random(seed), factor)
    for key in COLLECTIONS:
        # Ids are kebab-case: 'strategy_options' gives 'strategy-options-00000'.
        prefix = key.replace("_", "-")
        spec = GENERATORS[key]
        world.ids[key] = (
            list(spec.ids)
            if spec.ids
            else [f"{prefix}-{n:05d}" for n in range(spec.entries(factor))]
        )
    return {
        key: [GENERATORS[key].make(world, i) for i in range(len(world.ids[key]))]
        for key in COLLECTIONS
    }


# libyaml's emitter when present, as `sphub.data.reader` does for reading: the same text, written
# about ten times faster (the pure-Python one took 7 s at M).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write(out: Path, scale: str, seed: int) -> dict[str, int]:
    """Write the data files into `out` (created if needed); returns the count per collection."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for key, entries in generate(scale, seed).items():
        header = (
            f"# Synthetic benchmark data: python -m benchmarks.generate --scale {scale} --seed {seed}.\n"
            "# Invented entries for measuring the build; not facts, never shipped.\n"
        )
        body = yaml.dump(
            {key: entries}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100
        )
        (out / COLLECTIONS[key].file).write_text(header + body, encoding="utf-8")
        counts[key] = len(entries)
    return counts


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write synthetic data for the benchmark.")
    parser.add_argument(
        "--scale",
        choices=list(SCALES),
        default="S",
        help="S (about 150 members) or M (ten times S)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    parser.add_argument("--out", required=True, help="folder to write the data files into")
    args = parser.parse_args(argv)
    counts = write(Path(args.out), args.scale, args.seed)
    print(f"{args.out}/: " + ", ".join(f"{n} {key}" for key, n in counts.items()) + ".")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
