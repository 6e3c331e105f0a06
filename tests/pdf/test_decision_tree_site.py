"""The built site's decision tree as its files hold it: the questions' form, the plan page with
every step and answer ready for the browser to place, and the rule it applies; a page for each
step; the old outcome addresses leading to the steps. Checks without asserting wording."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path


class Page(HTMLParser):
    """What a reader sees in the article of one built page: headings, links, buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str, tuple[str, ...]]] = []  # href, text, enclosing classes
        self.buttons: list[dict] = []
        self.assets: list[str] = []  # src/href of scripts, styles and images
        self._stack: list[str] = []  # class attribute of each open element
        self._heading: list | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if tag == "article":
            self.in_article += 1
        if tag in ("br", "img", "meta", "link", "input", "hr", "path", "rect"):
            return
        self._stack.append(attrs.get("class") or "")
        if not self.in_article:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = [int(tag[1]), ""]
        elif tag == "a" and "href" in attrs:
            self._link = [attrs["href"], "", tuple(self._stack)]
        elif tag == "button":
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "input", "hr", "path", "rect"):
            return
        if self._stack:
            self._stack.pop()
        if tag == "article":
            self.in_article -= 1
        if tag.startswith("h") and tag[1:].isdigit() and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split()), self._link[2]))
            self._link = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data
        if self._link is not None:
            self._link[1] += data

    def links_in(self, css_class: str) -> list[str]:
        return [h for h, _t, classes in self.links if any(css_class in c.split() for c in classes)]

    def link_to(self, text_start: str) -> list[str]:
        return [h for h, t, _c in self.links if t.startswith(text_start)]


def read(site: Path, url: str) -> Page:
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    assert path.is_file(), f"broken link: {url}"
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def follow(url: str, href: str) -> str:
    """The site-relative URL a relative `href` on the page at `url` leads to."""
    assert "://" not in href and not href.startswith("/"), href
    target = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
    return "" if target == "." else target + ("/" if href.split("#")[0].endswith("/") else "")


def assert_headings_in_order(page: Page, url: str) -> None:
    levels = [level for level, _ in page.headings]
    assert levels and levels[0] == 1 and levels.count(1) == 1, (url, page.headings)
    for before, after in pairwise(levels):
        assert after <= before + 1, (url, page.headings)


def test_the_form_holds_every_question_and_answer_and_sends_them_to_the_plan(built_site, shipped):
    html = (built_site / "decision-tree" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="sphub-tree-form" method="get" action="([^"]+)"', html)
    assert form and follow("decision-tree/", form[1]) == "decision-tree/plan/"
    for question in shipped.tree.values():
        kind = "checkbox" if question.many else "radio"
        for option in question.options:
            assert f'type="{kind}" name="{question.id}" value="{option.id}"' in html
    read(built_site, "decision-tree/plan/")


def test_the_plan_page_holds_every_step_answer_and_the_rule(built_site, shipped):
    from sphub.data.tree import rule_data

    html = (built_site / "decision-tree" / "plan" / "index.html").read_text(encoding="utf-8")
    for step in shipped.steps.values():
        assert f'data-step="{step.id}"' in html
    for question in shipped.tree.values():
        for option in question.options:
            assert f'data-answer="{question.id}={option.id}"' in html
    found = re.search(r'<script type="application/json" id="sphub-rule">(.*?)</script>', html, re.S)
    assert json.loads(found[1]) == json.loads(
        json.dumps(rule_data(shipped.tree.values(), shipped.steps.values()))
    )
    page = read(built_site, "decision-tree/plan/")
    assert_headings_in_order(page, "decision-tree/plan/")


def test_every_step_has_a_page_with_its_links_whole(built_site, shipped):
    for step in shipped.steps.values():
        url = f"decision-tree/steps/{step.id}/"
        page = read(built_site, url)
        assert_headings_in_order(page, url)
        assert page.headings[0][1] == step.title
        for href, _text, _classes in page.links:
            if "://" not in href and not href.startswith(("#", "mailto:")):
                target = follow(url, href)
                if target.endswith((".pdf", ".json", ".csv", ".ics")):
                    assert (built_site / target).is_file(), target
                else:
                    read(built_site, target)


def test_the_old_outcome_addresses_lead_to_the_steps(built_site, shipped):
    for step in shipped.steps.values():
        for old in step.old_ids:
            html = (built_site / "decision-tree" / "outcomes" / old / "index.html").read_text(
                encoding="utf-8"
            )
            assert f"steps/{step.id}/" in html, old


def test_tree_pages_load_nothing_from_other_hosts(built_site):
    for url in ["decision-tree/", "decision-tree/plan/", "guidance/"]:
        for asset in read(built_site, url).assets:
            assert "://" not in asset and not asset.startswith("//"), (url, asset)


def test_the_plan_page_is_left_out_of_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert not any(loc.startswith("decision-tree/plan/") for loc in locations)
    assert any(loc.startswith("decision-tree/steps/") for loc in locations)
    assert "decision-tree/" in locations
