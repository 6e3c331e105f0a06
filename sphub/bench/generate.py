"""Deterministic synthetic `data/` for the benchmark: `sphub bench-data --scale S --seed 1`.

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


GENERATORS: dict[str, Spec] = {}


def generates(key: str, count: int) -> Callable[[Generator], Generator]:
    """Register `make(world, index) -> entry` as the generator of collection `key`, with
    `count` entries at scale S (times the scale's multiplier)."""

    def register(make: Generator) -> Generator:
        GENERATORS[key] = Spec(count, make)
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


WORDS = ["social", "performance", "management", "network", "members", "clients", "microfinance", "institutions", "audit", "indicators", "standards", "regulators", "training", "capacity", "outreach", "poverty", "women", "rural", "savings", "credit", "protection", "transparency", "pricing", "governance", "board", "reporting", "data", "tool", "regional", "national", "association", "practice", "guide", "framework", "strategy", "assessment", "dimension", "mission", "responsible", "finance", "over-indebtedness", "complaints", "staff", "incentives", "benchmark", "survey", "réseau", "coopérative", "épargne", "crédit", "inclusão", "financeira", "São", "Tomé", "Cécile", "évaluation", "gestión", "desempeño", "social", "clientes", "社会绩效", "小额信贷", "with", "for", "and", "the", "of", "on", "in", "to", "by"]
GIVEN = ["Cécile", "Amina", "Rahul", "Mehr", "Ewa", "Kasia", "Bonnie", "João", "Li", "Wei", "Fatoumata", "Nguyễn", "Ana", "Omar"]
FAMILY = ["Lapenu", "Shah", "Bankowska", "Pawlak", "Brusky", "Gonçalves", "Zhang", "Diallo", "Trần", "Pérez", "Haddad"]
COUNTRIES = ["AF", "NP", "CN", "BD", "ID", "LK", "PH", "PK", "IN", "KH", "VN", "SN", "ML", "BF", "KE", "UG", "TZ", "ST", "PE", "BO", "MX", "EC", "PL", "RO", "JO", "EG"]
PLACES = {
    "AF": "Kabul", "NP": "Kathmandu", "CN": "Beijing", "BD": "Dhaka", "ID": "Jakarta",
    "LK": "Colombo", "PH": "Manila", "PK": "Islamabad", "IN": "New Delhi", "KH": "Phnom Penh",
    "VN": "Hà Nội", "SN": "Dakar", "ML": "Bamako", "BF": "Ouagadougou", "KE": "Nairobi",
    "UG": "Kampala", "TZ": "Dar es Salaam", "ST": "São Tomé", "PE": "Lima", "BO": "La Paz",
    "MX": "Ciudad de México", "PL": "Warsaw", "RO": "Bucureşti", "JO": "Amman", "EC": "Quito",
    "EG": "Cairo",
}
NETWORK_NAMES = [
    "{c} Microfinance Association", "Réseau des institutions de microfinance du {c}",
    "Asociación de Instituciones de Microfinanzas de {c}", "{c} Microfinance Network",
    "中国小额信贷联盟 {c}", "Associação de Microfinanças de {c}", "{c} Cooperative Federation",
]


@generates("topics", 20)
def _topic(w: World, i: int) -> Entry:
    return {"id": w.ids["topics"][i], "name": w.title(1, 3), "description": w.sentence()}


@generates("regions", 5)
def _region(w: World, i: int) -> Entry:
    region = {"id": w.ids["regions"][i], "name": f"Region {i + 1}",
              "group": f"SPWG Region {i + 1}", "summary": w.markdown(2)}
    if w.rng.random() < 0.8:
        region["facilitator"] = {"name": w.person(), "role": "Regional facilitator",
                                 "member": w.ref("members")}
    return region


@generates("organisations", 60)
def _organisation(w: World, i: int) -> Entry:
    roles = ["partner", "supporter", "funder", "tool-owner", "research", "rating-agency"]
    return {
        "id": w.ids["organisations"][i],
        "name": f"{w.title(2, 5)} Foundation",
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
            {"id": f"activity-{a}-{n}", "title": w.title(5, 12),
             "when": f"{year}-{w.rng.randint(1, 6):02d}/{year}-{w.rng.randint(7, 12):02d}",
             "status": w.rng.choice(["planned", "in-progress", "done"]),
             "deliverables": [w.title(3, 7)]}
            for n in range(w.rng.randint(2, 4))
        ]
        if w.rng.random() < 0.5:
            activities[0]["event"] = w.ref("events")
        areas.append({"id": f"area-{a}", "title": w.title(3, 6), "rationale": w.paragraph(3),
                      "activities": activities})
    return {"id": w.ids["workplans"][i], "region": region, "year": year,
            "summary": w.paragraph(), "focus_areas": areas}


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
        event["documents"] = [{"title": w.title(), "kind": "minutes",
                               "url": f"https://example.org/minutes/{i}.pdf"}]
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
            {"title": w.title(), "when": f"{year + 1}-{m + 1:02d}", "status": "done",
             **({"event": w.ref("events")} if m == 0 else {})}
            for m in range(w.rng.randint(2, 5))
        ],
        "outputs": [w.title(3, 8) for _ in range(3)],
    }


def _check_registry() -> None:
    missing = [key for key in COLLECTIONS if key not in GENERATORS]
    if missing:
        raise RuntimeError(
            "no benchmark generator for the collection(s) " + ", ".join(missing)
            + ": add one with @generates(...) in sphub/bench/generate.py"
        )


def generate(scale: str, seed: int) -> dict[str, list[Entry]]:
    """Every collection's entries at `scale` ('S' or 'M'), the same for the same seed."""
    _check_registry()
    factor = SCALES[scale]
    world = World(random.Random(seed), factor)
    for key in COLLECTIONS:
        world.ids[key] = [f"{key}-{n:05d}" for n in range(GENERATORS[key].count * factor)]
    return {key: [GENERATORS[key].make(world, i) for i in range(len(world.ids[key]))]
            for key in COLLECTIONS}


def write(out: Path, scale: str, seed: int) -> dict[str, int]:
    """Write the data files into `out` (created if needed); returns the count per collection."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for key, entries in generate(scale, seed).items():
        header = (f"# Synthetic benchmark data: sphub bench-data --scale {scale} --seed {seed}.\n"
                  "# Invented entries for measuring the build; not facts, never shipped.\n")
        body = yaml.safe_dump({key: entries}, allow_unicode=True, sort_keys=False, width=100)
        (out / COLLECTIONS[key].file).write_text(header + body, encoding="utf-8")
        counts[key] = len(entries)
    return counts
