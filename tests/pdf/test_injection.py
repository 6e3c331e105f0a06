"""Data is content, never code. Payloads (script tags, event handlers, script addresses,
template code, Markdown link tricks, calendar lines, spreadsheet formulas) are planted in every
string field of every entry, found from the models; the site is built; every file it contains
is read by its type and nothing from the data may run, load or leak."""

from __future__ import annotations

import types
import typing

import pytest
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from conftest import ROOT, build, make_project
from hostile import (
    TOKEN,
    Findings,
    is_model,
    list_item,
    options,
    strip_annotated,
    plant_everywhere,
    scan_file,
    string_fields,
)
from sphub.render.markup import markdown_html
from sphub.models import COLLECTIONS
from sphub.data.reader import read_yaml


# Collections no page of the site shows: the PDF guide's own text.
ONLY_IN_THE_PDF = {"guide"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(planter, built site folder) for the shipped data with payloads everywhere."""
    where = tmp_path_factory.mktemp("hostile")
    data = {
        key: read_yaml(c.file, (ROOT / "data" / c.file).read_bytes())[0].value
        for key, c in COLLECTIONS.items()
    }
    planter = plant_everywhere(data, COLLECTIONS)
    folder = where / "data"
    folder.mkdir()
    for key, c in COLLECTIONS.items():
        (folder / c.file).write_text(
            yaml.safe_dump(data[key], allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    project = make_project(where / "project", folder)
    result = build(project, pdf=True)  # the PDF guide is an output too: scanned like the rest
    assert result.returncode == 0, result.stdout + result.stderr
    return planter, project / "site"


@pytest.fixture(scope="module")
def findings(hostile) -> Findings:
    _, site = hostile
    found = Findings()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            scan_file(str(path.relative_to(site)), path.read_bytes(), found)
    return found


def test_nothing_from_the_data_runs_loads_or_leaks(hostile, findings):
    planter, _ = hostile
    assert findings.lines(planter.where) == []


def test_every_string_field_got_a_payload_or_refused_it(hostile):
    """No text field escapes the test: each was planted, or refused every payload (ids,
    references, codes, dates, addresses: there the validation is the protection)."""
    planter, _ = hostile
    discovered = set().union(*(string_fields(c.model) for c in COLLECTIONS.values()))
    assert discovered - planter.planted - planter.refused == set()
    assert planter.planted  # free text exists and was attacked
    for key, collection in COLLECTIONS.items():
        assert any(f.startswith(f"{collection.model.__name__}.") for f in planter.planted), key


def test_payloads_reach_the_pages_and_the_search_index(hostile, findings):
    """The scan saw the payloads, as text: the test is not passing on empty pages."""
    planter, _ = hostile
    for key in COLLECTIONS:
        tokens = {t for t, path in planter.where.items() if path.startswith(f"{key}[")}
        shown = findings.seen["pdf" if key in ONLY_IN_THE_PDF else "html"]
        assert tokens & shown, f"no payload planted in {key} shows on a page"
    assert findings.seen["json"], "the search index holds no planted text"


def test_template_code_is_shown_as_written(hostile):
    _, site = hostile
    pages = "".join(p.read_text() for p in site.rglob("*.html"))
    assert "{{ 7*7 }}" in pages and "{{ config }}" in pages
    assert "{% include &#34;mkdocs.yml&#34; %}" in pages or '{% include "mkdocs.yml" %}' in pages


def _all_models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def walk(model):
        if model in found:
            return
        found.append(model)
        for info in model.model_fields.values():
            for tp in options(info.annotation):
                item = list_item(tp)
                for t in options(item) if item is not None else [tp]:
                    if is_model(t):
                        walk(t)

    for collection in COLLECTIONS.values():
        walk(collection.model)
    return found


def _union(annotation) -> list:
    """The alternatives of a field's type, None left out, each keeping its validators."""
    base = strip_annotated(annotation)
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(base) if a is not type(None)]
    return [annotation]


def _accepts(adapter: TypeAdapter, value: str, as_list: bool) -> bool:
    try:
        adapter.validate_python([value] if as_list else value)
    except ValidationError:
        return False
    return True


SCRIPT_ADDRESSES = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.org/%0aalert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>",
    "file:///etc/passwd",
    "//evil.example/",
    "https:evil.example",
    "http://",
    "https://exa mple.org/",
]


def test_address_fields_refuse_script_addresses():
    """Fields that take web addresses (found as those accepting https://... but not words),
    alone or in a list."""
    url_fields = []
    for model in _all_models():
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if info.metadata:
                annotation = typing.Annotated[annotation, *info.metadata]
            for tp in _union(annotation):  # each with its own validators
                as_list = list_item(strip_annotated(tp)) is not None
                if strip_annotated(tp) is not str and not as_list:
                    continue
                adapter = TypeAdapter(tp)
                if not _accepts(adapter, "https://example.org/a", as_list) or _accepts(
                    adapter, "some words", as_list
                ):
                    continue
                url_fields.append(f"{model.__name__}.{name}")
                accepted = [u for u in SCRIPT_ADDRESSES if _accepts(adapter, u, as_list)]
                assert accepted == [], f"{model.__name__}.{name} accepts {accepted}"
    assert url_fields  # the shipped models have web addresses (Member.website, ...)


@pytest.mark.parametrize(
    "text",
    [
        "[x](mailto:someone@example.org)",
        "[x](//evil.example/a)",
        "[x](/\\evil.example/a)",
        "[x](javascript:alert(1))",
        "[x](tel:123)",
        "[x](ftp://example.org/)",
    ],
)
def test_markdown_links_are_web_or_site_relative_only(text):
    assert "href" not in markdown_html(text)


@pytest.mark.parametrize(
    "text, link",
    [
        (
            "[x](https://example.org/a)",
            '<a href="https://example.org/a" rel="noopener noreferrer">',
        ),
        ("[x](../members/pmn/)", '<a href="../members/pmn/" rel="noopener noreferrer">'),
        ("[x](#facts)", '<a href="#facts" rel="noopener noreferrer">'),
    ],
)
def test_markdown_keeps_web_and_relative_links(text, link):
    assert link in markdown_html(text)


def test_scanner_finds_what_it_looks_for():
    """The scanner itself, on outputs that do go wrong, so a quiet scan means something."""
    found = Findings()
    scan_file("a.html", b'<p><img src=x onerror=alert("SPX0001")></p>', found)
    scan_file("b.html", b'<a href="javascript:alert(1)">x</a>', found)
    scan_file("c.html", b'<script>alert("SPX0002")</script>', found)
    scan_file("d.html", b"<p>TPLSPX000349</p>", found)
    scan_file("e.html", b'<a href="https://example.org/">x</a>', found)
    scan_file(
        "search/search_index.json",
        b'{"docs": [{"title": "<script>alert(\\"SPX0004\\")</script>", "text": ""}]}',
        found,
    )
    scan_file("f.csv", b'name\n"=HYPERLINK(""SPX0005"")"\n', found)
    scan_file(
        "g.ics",
        b"BEGIN:VEVENT\r\nDESCRIPTION:a\r\nX-SPHUB-INJECTED:SPX0006\r\nEND:VEVENT\r\n",
        found,
    )
    scan_file("h.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', found)
    scan_file("i.html", b'<a href="//evil.example/SPX0007">x</a>', found)
    assert sorted({name for name, _, _ in found.problems}) == [
        "a.html",
        "b.html",
        "c.html",
        "d.html",
        "e.html",
        "f.csv",
        "g.ics",
        "h.svg",
        "i.html",
        "search/search_index.json (title)",
    ]
    clean = Findings()
    scan_file(
        "ok.html",
        b'<p>&lt;script&gt;alert("SPX0001")&lt;/script&gt; TPLSPX0001{{ 7*7 }}'
        b'</p><a href="https://example.org/" rel="noopener noreferrer">x</a>',
        clean,
    )
    assert clean.problems == []
    assert TOKEN.findall("SPX0001") == ["SPX0001"]
