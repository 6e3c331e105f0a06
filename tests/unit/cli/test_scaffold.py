"""`sphub new`: a new entry from answers or flags, checked like the build, appended to its
file without touching the rest."""

from __future__ import annotations

import pytest

from sphub.data.fields import collection_for, fields_of
from sphub.data.load import load_site
from sphub.models import COLLECTIONS
from sphub.cli.scaffold import run_new, slug, suggest_id
from sphub.data.writer import appended, entry_text
from sphub.data.reader import read_yaml


def test_slug_is_kebab_case_ascii_and_cut_at_a_word():
    assert slug("Réseau Financiero Rural (RFR)") == "reseau-financiero-rural-rfr"
    assert slug("  CMF  Nepal ") == "cmf-nepal"
    long = slug("Supporting national and regional networks in social performance: a framework")
    assert len(long) <= 60 and not long.endswith("-") and long.startswith("supporting-national")


def test_suggested_id_uses_acronym_then_name_and_the_year_of_dated_entries():
    members = fields_of(COLLECTIONS["members"].model)
    assert (
        suggest_id(members, {"name": "Pakistan Microfinance Network", "acronym": "PMN"}, set())
        == "pmn"
    )
    assert (
        suggest_id(members, {"name": "Pakistan Microfinance Network"}, {"x"})
        == "pakistan-microfinance-network"
    )
    events = fields_of(COLLECTIONS["events"].model)
    assert (
        suggest_id(events, {"title": "SPI training", "start": "2013-03-01"}, set())
        == "spi-training-2013"
    )
    assert (
        suggest_id(
            events, {"title": "Forum 2013", "start": "2013-03-01"}, {"forum-2013", "forum-2013-2"}
        )
        == "forum-2013-3"
    )
    plans = fields_of(COLLECTIONS["workplans"].model)
    assert suggest_id(plans, {"region": "africa", "year": 2013}, set()) == "africa-2013"


def test_every_collection_has_a_command_name():
    for key, collection in COLLECTIONS.items():
        assert collection_for(key) is collection
    assert collection_for("member") is COLLECTIONS["members"]
    assert collection_for("work-plan") is COLLECTIONS["workplans"]
    assert collection_for("nonsense") is None


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "with: colon",
        "- dash",
        "#hash",
        "yes",
        "NO",
        "2012-02-20",
        "12",
        "true",
        "null",
        "'quoted'",
        "tab\there",
        "ünïcode",
        "trailing ",
        "a, b",
        "[x]",
        "@at",
        "%pct",
        "*star",
        "A long sentence, " * 12 + "end: with # signs and - dashes.",
        "# " + "long " * 40,
    ],
)
def test_written_text_reads_back_as_the_same_values(value):
    values = {
        "id": "x",
        "title": value,
        "list": [value, "b"],
        "nested": {"k": value},
        "items": [{"a": value, "b": 1}],
        "md": f"{value}\n\nsecond **line**\n",
    }
    text = "things:\n" + entry_text(values)
    yf, problems = read_yaml("t.yml", text.encode())
    assert problems == []
    assert yf.value == {"things": [values]}


def test_append_keeps_the_file_byte_for_byte_and_indents_like_it():
    source = (
        "# comment\nthings:\n    -   id: a\n        name: A\n        # note\n# trailing comment\n"
    )
    collection = type("C", (), {"key": "things", "file": "things.yml"})()
    out = appended(source, collection, {"id": "b", "name": "B"})
    assert out.startswith(source)
    assert out[len(source) :] == "    - id: b\n      name: B\n"
    assert read_yaml("t", out.encode())[0].value == {
        "things": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]
    }
    empty = appended("# rules\nthings: []\n", collection, {"id": "b"})
    assert empty == "# rules\nthings:\n  - id: b\n"


def test_new_member_and_event_from_flags_make_a_valid_site(data_copy, capsys):
    before = (data_copy / "members.yml").read_text()
    status = run_new(
        "member",
        [
            "--name",
            "Réseau des Institutions de Microfinance",
            "--acronym",
            "RIM",
            "--kind",
            "national-association",
            "--country",
            "SN",
            "--region",
            "africa",
            "--years",
            "2013, 2014",
        ],
        str(data_copy),
        interactive=False,
    )
    assert status == 0, capsys.readouterr().out
    after = (data_copy / "members.yml").read_text()
    assert after.startswith(before)
    status = run_new(
        "event",
        [
            "--title",
            "SPWG Africa meeting: Dakar",
            "--kind",
            "meeting",
            "--start",
            "2013-05-02",
            "--place.city",
            "Dakar",
            "--place.country",
            "SN",
            "--organisers",
            "rim, seep",
            "--online=false",
        ],
        str(data_copy),
        interactive=False,
    )
    assert status == 0, capsys.readouterr().out
    site = load_site(data_copy)
    member = site.members["rim"]
    assert (member.name, member.years, member.country) == (
        "Réseau des Institutions de Microfinance",
        [2013, 2014],
        "SN",
    )
    event = site.events["spwg-africa-meeting-dakar-2013"]
    assert event.place.city == "Dakar" and event.organisers == ["rim", "seep"]
    assert event.online is False
    assert "Added 'spwg-africa-meeting-dakar-2013' to" in capsys.readouterr().out


def test_a_bad_entry_is_reported_with_file_line_and_field_and_not_written(data_copy, capsys):
    before = (data_copy / "events.yml").read_text()
    lines = len(before.splitlines())
    status = run_new(
        "event",
        ["--title", "Forum", "--kind", "meting", "--start", "2013-02-30", "--region", "afrika"],
        str(data_copy),
        interactive=False,
    )
    out = capsys.readouterr().out
    assert status == 1
    assert (data_copy / "events.yml").read_text() == before
    # Named by their option, not by lines of an entry never written.
    assert "  --kind: expected one of 'training'" in out
    assert "  --start: expected a date (YYYY-MM-DD), got '2013-02-30'" in out
    assert "  --region: expected the id of an entry in data/regions.yml (did you mean " in out
    assert f"data/events.yml:{lines + 3}" not in out
    assert "Nothing was written to" in out


def test_a_dangling_reference_is_caught_before_writing(data_copy, capsys):
    before = (data_copy / "members.yml").read_text()
    status = run_new(
        "member",
        ["--name", "X Network", "--kind", "other", "--region", "afrika", "--years", "2013"],
        str(data_copy),
        interactive=False,
    )
    out = capsys.readouterr().out
    assert status == 1 and (data_copy / "members.yml").read_text() == before
    assert (
        "region: expected the id of an entry in data/regions.yml (did you mean 'africa'?), "
        "got 'afrika'" in out
    )


def test_interactive_questions_recheck_each_answer(data_copy, capsys):
    answers = iter(
        [
            "Ghana Microfinance Network",  # name
            "GHAMFIN",  # acronym
            "",  # aliases: skipped
            "national",  # kind: wrong, asked again
            "national-association",
            "Ghana",  # country: wrong, asked again
            "GH",
            "africa",  # region
            "2013",  # years
            "",
            "",
            "",
            "",  # founded, website, description, source
            "",  # id: take the suggestion
        ]
    )
    prompts = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    status = run_new("member", [], str(data_copy), interactive=True, ask=ask)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "expected one of 'national-association'" in out
    assert "expected an ISO 3166 country code" in out and "got 'Ghana'" in out
    assert any("Known ids: africa, asia" in p for p in prompts)
    assert prompts[-1] == "id [ghamfin]: "
    assert load_site(data_copy).members["ghamfin"].country == "GH"


def test_new_refuses_to_add_to_broken_data(data_copy, capsys):
    path = data_copy / "topics.yml"
    path.write_text(path.read_text().replace("name: Social audits", "nme: Social audits"))
    status = run_new("topic", ["--name", "Y"], str(data_copy), interactive=False)
    assert status == 1
    assert "data/topics.yml:" in capsys.readouterr().out


def _asker(answers: list[str], prompts: list[str]):
    feed = iter(answers)

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        answer = next(feed)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    return ask


MEMBER = ["Ghana Microfinance Network", "GHAMFIN", "", "national-association", "GH"]


def test_a_wrong_reference_is_asked_again_at_once_and_the_other_answers_kept(data_copy, capsys):
    prompts: list[str] = []
    answers = MEMBER + ["afrika", "africa", "2013", "", "", "", "", ""]
    status = run_new("member", [], str(data_copy), True, _asker(answers, prompts))
    out = capsys.readouterr().out
    assert status == 0, out
    assert "region: expected" not in out  # the message has no field prefix at the prompt
    assert "expected the id of an entry in data/regions.yml (did you mean 'africa'?)" in out
    assert sum(p.startswith("region (required)") for p in prompts) == 2
    assert sum(p.startswith("name (required)") for p in prompts) == 1
    assert load_site(data_copy).members["ghamfin"].region == "africa"


def test_an_end_before_the_start_is_asked_again_at_once(data_copy, capsys):
    prompts: list[str] = []
    answers = ["Forum", "meeting", "2013-03-10", "2013-03-01", "2013-03-12"]
    answers += [""] * 40  # every optional question skipped, the id suggested
    status = run_new("event", [], str(data_copy), True, _asker(answers, prompts))
    out = capsys.readouterr().out
    assert status == 0, out
    assert "expected an end date on or after the start (2013-03-10), got '2013-03-01'" in out
    assert str(load_site(data_copy).events["forum-2013"].end) == "2013-03-12"


def test_a_problem_found_at_the_end_asks_only_that_field_again(data_copy, capsys):
    """A national network without a country passes each question (country is optional
    alone) but not the check of the whole entry: only country is asked again."""
    prompts: list[str] = []
    answers = ["Ghana Microfinance Network", "GHAMFIN", "", "national-association", ""]
    answers += ["africa", "2013", "", "", "", "", "", "GH", ""]
    status = run_new("member", [], str(data_copy), True, _asker(answers, prompts))
    out = capsys.readouterr().out
    assert status == 0, out
    assert "  --country: expected an ISO 3166 country code for a national network" in out
    assert "Those answers are asked again; the others are kept." in out
    assert sum(p.startswith("country (") for p in prompts) == 2
    assert sum(p.startswith("name (") for p in prompts) == 1
    assert load_site(data_copy).members["ghamfin"].country == "GH"


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), EOFError()], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_and_ctrl_d_end_with_nothing_written(data_copy, capsys, stop):
    before = (data_copy / "members.yml").read_text()
    status = run_new("member", [], str(data_copy), True, _asker(MEMBER[:2] + [stop], []))
    out = capsys.readouterr().out
    assert status == 130
    assert out.endswith(f"Stopped: nothing was written to {data_copy}/members.yml.\n")
    assert (data_copy / "members.yml").read_text() == before


def test_without_a_terminal_the_missing_options_are_named(data_copy, capsys):
    status = run_new("event", ["--title", "Forum"], str(data_copy), interactive=False)
    out = capsys.readouterr().out
    assert status == 2
    assert "missing: --kind, --start (see sphub new --help)" in out


def test_a_network_already_there_is_refused_as_typed(data_copy, capsys):
    before = (data_copy / "members.yml").read_text()
    site = load_site(data_copy)
    pmn = site.members["pmn"]
    flags = ["--name", "Another name", "--acronym", pmn.acronym.lower(), "--kind", "other"]
    flags += ["--region", pmn.region, "--years", "2013"]
    status = run_new("member", flags, str(data_copy), interactive=False)
    out = capsys.readouterr().out
    assert status == 1 and (data_copy / "members.yml").read_text() == before
    assert "  --acronym: expected a network not yet in data/members.yml (to change it, edit " in out
    assert "the entry 'pmn'), got the acronym of 'pmn'" in out


def test_help_lists_every_field_option(capsys):
    from sphub.cli import main

    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = capsys.readouterr().out
    for key, collection in COLLECTIONS.items():
        assert f"  {key}: " in out
    for field in fields_of(COLLECTIONS["events"].model):
        if field.name not in ("id", "old_ids") and field.model is None:
            assert f"--{field.name}" in out
    assert "--place.city" in out and "--title*" in out
