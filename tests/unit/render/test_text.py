"""Dates, spans and labels as they read on a page; links between pages."""

from __future__ import annotations

from datetime import date

import pytest
from mkdocs.utils import get_relative_url

from sphub.render.text import activity_status, country_name, event_dates, label, language_name, when
from sphub.render.urls import page_src, relative_url, url_of


@pytest.mark.parametrize(
    "value, words",
    [
        ("2012-02-20", "20 February 2012"),
        ("2012-12", "December 2012"),
        ("2011", "2011"),
        ("2012-02-20/2012-02-22", "20–22 February 2012"),
        ("2012-03/2012-11", "March – November 2012"),
        ("2012-01-30/2012-02-02", "30 January – 2 February 2012"),
        ("2010-05/2011-04", "May 2010 – April 2011"),
        ("2012-02-20/2012-03", "20 February 2012 – March 2012"),
    ],
)
def test_when(value, words):
    assert when(value) == words


def test_event_dates():
    assert event_dates(date(2010, 6, 24), date(2010, 6, 26)) == "24–26 June 2010"
    assert event_dates(date(2012, 6, 22), None) == "22 June 2012"


def test_names_from_codes():
    assert country_name("PK") == "Pakistan"
    assert country_name("LA") == "Laos"  # pycountry's common name, not the official one
    assert language_name("fr") == "French"
    assert label("national-association") == "National association"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_links_match_mkdocs(directory_urls):
    sources = [
        "index.md",
        "members/index.md",
        page_src("members", "pmn"),
        page_src("events", "x"),
        "about.md",
    ]
    for a in sources:
        for b in sources:
            ours = relative_url(url_of(a, directory_urls), url_of(b, directory_urls))
            theirs = get_relative_url(url_of(b, directory_urls), url_of(a, directory_urls))
            assert ours.rstrip("/") == theirs.rstrip("/") or (ours, theirs) == ("./", ".")


@pytest.mark.parametrize(
    ("status", "today", "words"),
    [
        ("planned", date(2013, 1, 1), "Planned for 2012; outcome not recorded"),
        ("in-progress", date(2026, 12, 1), "In progress in 2012; outcome not recorded"),
        ("done", date(2026, 12, 1), "Done"),
        ("cancelled", date(2026, 12, 1), "Cancelled"),
        ("planned", date(2012, 12, 31), "Planned"),  # the plan's year is not over yet
    ],
)
def test_a_past_plan_says_no_outcome_is_recorded(status, today, words):
    assert activity_status(status, 2012, today) == words
