"""The benchmark's inputs: synthetic data that loads and is the same for the same seed, a
generator for every collection, and a plain baseline with the same pages and no macros."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, make_project

from benchmarks import generate
from benchmarks.baseline import write_plain_project
from sphub.data.translations import TRANSLATED_PAGE
from sphub.data.load import load_site
from sphub.models import COLLECTIONS
from sphub.models.types import PagedEntry
from sphub.data.tree import Rule, distinct_paths


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "data"
    counts = generate.write(out, "S", seed=7)
    return out, counts


def test_generated_data_loads_with_the_counts_of_scale_s(small):
    out, counts = small
    site = load_site(out)
    assert {key: len(site.collection(key)) for key in COLLECTIONS} == counts
    assert len(site.members) == 150 and len(site.events) == 150
    assert len(site.resources) == 300
    assert all(len(site.workplans_of(region)) == 10 for region in site.regions.values())


def test_tree_passes_its_checks_and_stays_the_same_at_m(small, tmp_path):
    counts = generate.write(tmp_path / "M", "M", seed=7)
    large = load_site(tmp_path / "M")  # runs every check, the tree's among them
    fixed = {"tree", "steps", "assessment", "quick_tree", "quick_tree_agenda", "guide", "glossary"}
    assert {key for key in COLLECTIONS if counts[key] == small[1][key]} == fixed
    assert all(counts[key] == 10 * small[1][key] for key in COLLECTIONS if key not in fixed)
    for site in (load_site(small[0]), large):
        assert (len(site.tree), len(site.steps)) == (10, 16)
        questions, steps = list(site.tree.values()), list(site.steps.values())
        rule = Rule(questions, steps)
        assert all(rule.plan(a).steps for a in distinct_paths(questions, steps))


def test_same_seed_same_files_other_seed_other_files(small, tmp_path):
    out, _ = small
    generate.write(tmp_path / "again", "S", seed=7)
    generate.write(tmp_path / "other", "S", seed=8)
    for key in COLLECTIONS:
        name = COLLECTIONS[key].file
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes()
    assert (tmp_path / "other" / "members.yml").read_bytes() != (out / "members.yml").read_bytes()


def test_names_carry_accents_and_cjk(small):
    text = (small[0] / "members.yml").read_text(encoding="utf-8")
    assert "Réseau" in text and "中国小额信贷联盟" in text


def test_a_collection_without_generator_stops_the_generator(monkeypatch, tmp_path):
    monkeypatch.delitem(generate.GENERATORS, "events")
    with pytest.raises(RuntimeError, match="no benchmark generator for the collection.* events"):
        generate.write(tmp_path, "S", seed=1)
    assert not list(tmp_path.iterdir())


def test_plain_baseline_has_every_page_and_no_macro_call(tmp_path, shipped):
    project = make_project(tmp_path / "project")
    generated = write_plain_project(project, tmp_path / "plain")
    docs = tmp_path / "plain" / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    # The English build's pages: the translations (about.fr.md) are other languages' builds.
    hand_written = {
        p.relative_to(ROOT / "docs").as_posix()
        for p in (ROOT / "docs").rglob("*.md")
        if not TRANSLATED_PAGE.search(p.name)
    }
    assert pages == hand_written | set(generated)
    # A page per entry of each collection whose model is a PagedEntry, and the decision
    # tree's plan page, as `sphub build` stages them.
    with_pages = [key for key, c in COLLECTIONS.items() if issubclass(c.model, PagedEntry)]
    assert {"members", "events", "resources", "tools", "case_studies"} <= set(with_pages)
    assert len(generated) == sum(len(shipped.collection(key)) for key in with_pages) + 1
    assert "decision-tree/plan.md" in generated
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "render_macros" not in text, page
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert 'href="members/' in home  # the overview the macro renders, links relative to home
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros" not in config and "hooks" not in config
    shutil.rmtree(tmp_path / "plain")


def test_plain_baseline_has_the_pages_sphub_stages(tmp_path):
    """The baseline's pages made from data are the very files `sphub build` stages (without
    PDF links, as the bench builds with SPHUB_PDF=0)."""
    from sphub.engines.build import renderer_for
    from sphub.engines.project import Project
    from sphub.engines.staging import stage

    project = Project.at(make_project(tmp_path / "project") / "mkdocs.yml")
    generated = write_plain_project(project.root, tmp_path / "plain")
    renderer = renderer_for(project, load_site(project.data), True)
    stage(renderer, project.docs, tmp_path / "staged", with_pdf_links=False)
    for src in generated:
        assert (tmp_path / "plain" / "docs" / src).read_text(encoding="utf-8") == (
            tmp_path / "staged" / src
        ).read_text(encoding="utf-8"), src


def test_pdf_lines_tell_a_rendered_pdf_from_a_kept_one():
    from benchmarks.run import pdf_lines

    output = (
        "PDF guide/sphub-guide.pdf: 70 pages, 270 KB, rendered in 7.5 s (107 ms a page)\n"
        "PDF guide/assessment-worksheet.pdf: 3 pages, 20 KB, unchanged\n"
        "Built site/ (181 HTML pages) with mkdocs.\n"
    )
    assert pdf_lines(output) == [
        ("guide/sphub-guide.pdf", 70, 7.5),
        ("guide/assessment-worksheet.pdf", 3, None),
    ]


def test_report_has_a_row_per_engine_and_the_pdf_builds():
    from benchmarks.__main__ import PdfFigure
    from benchmarks.browser import FirstVisit
    from benchmarks.report import render
    from benchmarks.run import PdfBuilds, Scale
    from benchmarks.search import FORGIVING, Candidate

    site = {
        "pages": 10,
        "bytes": 1000,
        "html_median": 10,
        "html_max": 20,
        "generated_median": 10,
        "search_bytes": 100,
    }
    s = Scale(
        "S",
        sphub_seconds=[2.0, 2.2, 2.1],
        plain_seconds=[2.0, 2.0, 2.0],
        sphub_cpu=[2.0] * 3,
        plain_cpu=[2.0] * 3,
        sphub_rss_kb=[1] * 3,
        plain_rss_kb=[1] * 3,
        validation_seconds=[0.1] * 3,
        yaml_seconds=[0.05] * 3,
        preview_seconds=[1.2, 1.4, 1.3],
        site=site,
        plain_site=site,
        content_bytes=500,
        entries={"members": 5},
    )
    s.engine_seconds = {"mkdocs": s.sphub_seconds, "properdocs": [2.1] * 3, "zensical": [4.2] * 3}
    s.engine_cpu = {"mkdocs": s.sphub_cpu, "properdocs": [2.0] * 3, "zensical": [3.0] * 3}
    builds = PdfBuilds(
        cold=[9.0] * 3,
        warm=[2.0] * 3,
        none=[2.0] * 3,
        cold_cpu=[12.0] * 3,
        warm_cpu=[2.0] * 3,
        none_cpu=[2.0] * 3,
        rendered=[8.0] * 3,
        pages=73,
    )
    visit = FirstVisit("members/x/", [2100.0, 2600.0, 2200.0], 74_900, 10)
    lunr = Candidate(
        "lunr",
        0,
        [51_200] * 3,
        0,
        [500.0, 800.0, 600.0],
        [2100.0] * 3,
        {query: True for query, _ in FORGIVING},
    )
    pagefind = Candidate(
        "Pagefind",
        0,
        [122_880] * 3,
        26_624,
        [100.0] * 3,
        [5300.0] * 3,
        {query: query == "Cecile" for query, _ in FORGIVING},
        "9.9.9",
    )
    text = render([s], 3, PdfFigure(7.0, 70, 3), builds, (0.1, 0.2), visit, None, (lunr, pagefind))
    assert "round trips (served gzipped): under 2.5 s | 2.20 s (median of 3" in text
    assert "10 requests, 74.9 KB sent) | met |" in text
    assert "## Search: the means chosen" in text and "from `members/x/`" in text
    assert "Pagefind 9.9.9 run with" in text  # the version measured, not one installed here
    assert (
        '| Bytes to open search and get the first result ("Sa-Dhan") | 50.0 KB | 120.0 KB |' in text
    )
    assert (
        "| Time from opening search to the first result, localhost | 0.50-0.80 s | 0.10 s |" in text
    )
    assert '| "regulaters" shows "Advocacy with regulators" | yes | no |' in text
    assert text.startswith("---\nsearch:\n  exclude: true\n---\n")  # not in members' search
    assert "| zensical | 4.20 s | 2.00x | 3.00 s | 1.50x |" in text
    assert "| properdocs | 2.10 s | 1.00x |" in text
    assert "at S: at most 1.10x | 1.05x wall" in text
    assert "under 1.5 s | 1.30 s | met |" in text
    assert "no PDF rendered by the second build: 2.0 s against 9.0 s" in text
    assert (
        "the PDFs add 7.0 s to the build (cold cache, against SPHUB_PDF=0) and take 8.0 s" in text
    )
