"""Loading the shipped data and the small golden base: the validated Site and its lookups."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from golden_cases import GOLDEN

from sphub.data.errors import DataError
from sphub.data.fields import references
from sphub.data.load import build_date, load_site
from sphub.models import COLLECTIONS


def test_shipped_data_is_valid_and_complete(shipped):
    assert len(shipped.members) == 14  # the fourteen networks of seed 000
    assert set(shipped.regions) == {
        "asia",
        "africa",
        "latin-america",
        "eastern-europe",
        "middle-east",
    }
    assert shipped.regions["asia"].facilitator.name == "Mehr Shah"
    assert shipped.regions["asia"].facilitator.member == "samn"
    plan = shipped.workplans["asia-2012"]
    assert sum(len(a.activities) for a in plan.focus_areas) == 6
    training = shipped.events["spi-training-bangkok-2012"]
    assert (training.start, training.end) == (date(2012, 2, 20), date(2012, 2, 22))
    assert set(training.supporters) == {
        "seep",
        "plan-international",
        "cerise",
        "oikocredit",
        "incofin",
        "gca-foundation",
    }
    assert training.attending_networks_count == 12
    bern = shipped.events["bern-workshop-2010"]
    assert bern.supporters == ["sdc"] and bern.place.city == "Bern"
    project = shipped.projects["network-strategy-framework"]
    assert project.funders == ["ford-foundation"] and len(project.milestones) >= 4


def test_unverified_facts_are_marked(shipped):
    assert shipped.resources["decision-tree-for-networks"].status == "unverified"
    assert shipped.resources["decision-tree-for-networks"].year is None
    assert shipped.organisations["forolacfr"].status == "unverified"


def test_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1330560000")  # 2012-03-01
    assert build_date() == date(2012, 3, 1)


def test_upcoming_and_past_split_on_the_build_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1330560000")  # 2012-03-01
    site = load_site("data")
    assert [e.id for e in site.upcoming()] == ["inclusive-finance-forum-shanghai-2012"]
    past = [e.id for e in site.past()]
    assert past[0] in ("spi-training-bangkok-2012", "spwg-asia-regional-meeting-2012")
    assert past[-1] == "bern-workshop-2010"  # most recent first


def test_an_event_on_the_build_date_is_still_upcoming(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1329782400")  # 2012-02-21, mid-training
    site = load_site("data")
    assert "spi-training-bangkok-2012" in [e.id for e in site.upcoming()]


def test_backlinks_find_every_reference(shipped):
    cerise = shipped.organisations["cerise"]
    organised = shipped.referring(cerise, "events", "organisers")
    supported = shipped.referring(cerise, "events", "supporters")
    # CERISE conducted the SPI training and supported it; the working group organised it.
    assert {e.id for e in organised} == {"bern-workshop-2010"}
    assert [e.id for e in supported] == ["spi-training-bangkok-2012"]
    seep = shipped.organisations["seep"]
    assert "spi-training-bangkok-2012" in {
        e.id for e in shipped.referring(seep, "events", "organisers")
    }
    asia = shipped.regions["asia"]
    assert len(shipped.members_of(asia)) == 14
    assert [p.id for p in shipped.workplans_of(asia)] == ["asia-2012"]


def test_every_reference_field_names_existing_collections():
    # The refers_to metadata is what the reference check trusts: it must name real files.
    site = load_site(GOLDEN / "base")
    for key in COLLECTIONS:
        for entry in site.collection(key).values():
            for _, targets, _ in references(entry):
                assert set(targets) <= set(COLLECTIONS)


def test_an_unlikely_date_is_a_warning_and_an_error_when_strict(data_copy):
    from sphub.data.errors import warning_line

    # Only the events' warning: translations not yet stamped would warn too.
    shutil.rmtree(data_copy / "translations", ignore_errors=True)
    path = data_copy / "events.yml"
    text = path.read_text()
    start = re.search(r"start: (\d{4})-", text)
    path.write_text(text[: start.start(1)] + "1012" + text[start.end(1) :])
    site = load_site(data_copy)
    assert len(site.warnings) == 1
    line = warning_line(site.warnings[0])
    assert "start: expected a date between 1990 and" in line and "got '1012-" in line
    assert line.startswith("warning: data/events.yml:")
    with pytest.raises(DataError) as err:
        load_site(data_copy, strict=True)
    assert [str(p) for p in err.value.problems] == [str(site.warnings[0])]


def test_the_report_ends_with_the_files_that_could_not_be_read(data_copy):
    (data_copy / "members.yml").write_text("members:\n  - id: [x\n")
    (data_copy / "events.yml").write_text("- id: x\n")
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    lines = err.value.report().splitlines()
    assert lines[-2] == (
        "2 files could not be read (data/members.yml, data/events.yml): more problems may "
        "show once fixed, and the references into them will be checked then."
    )
    assert lines[-1] == "2 problems in the data; nothing was built."


def test_run_from_inside_data_gives_one_line_saying_where(data_copy, monkeypatch):
    monkeypatch.chdir(data_copy)
    with pytest.raises(DataError) as err:
        load_site("data")
    assert len(err.value.problems) == 1
    assert "run the command from the project's folder" in str(err.value.problems[0])


def test_site_has_a_typed_attribute_for_each_collection(shipped):
    """`site.members` is typed `dict[str, Member]`: one `Entries` a collection, with its model."""
    from sphub.data.site import Entries, Site

    typed = {name: v.model for name, v in vars(Site).items() if isinstance(v, Entries)}
    assert typed == {key: c.model for key, c in COLLECTIONS.items()}
    for key in COLLECTIONS:
        assert getattr(shipped, key) is shipped.collection(key)
