"""The benchmark's inputs: synthetic data that loads and is the same for the same seed, a
generator for every collection, and a plain baseline with the same pages and no macros."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, make_project

from sphub.bench import generate
from sphub.bench.baseline import write_plain_project
from sphub.data.load import load_site
from sphub.models import COLLECTIONS
from sphub.data.checks.tree import MAX_PATHS
from sphub.data.tree import count_paths, start_of, walk


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


def test_tree_passes_its_checks_and_stays_at_60_nodes_at_m(small, tmp_path):
    counts = generate.write(tmp_path / "M", "M", seed=7)
    large = load_site(tmp_path / "M")  # runs every check, the tree's among them
    fixed = {"tree", "assessment", "quick_tree", "quick_tree_agenda", "guide"}
    assert {key for key in COLLECTIONS if counts[key] == small[1][key]} == fixed
    assert all(counts[key] == 10 * small[1][key] for key in COLLECTIONS if key not in fixed)
    for site in (load_site(small[0]), large):
        assert len(site.tree) == 60
        assert count_paths(site.tree, start_of(site.tree).id) == 40 < MAX_PATHS
        # One page per node: the tree's pages do not grow with the scale either.
        assert len(list(walk(site.tree))) == 60


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
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert pages == hand_written | set(generated)
    # A page per entry, per step of the decision tree (every path prefix) and per outcome.
    with_pages = ["regions", "organisations", "members", "workplans", "events", "resources",
                  "projects", "topics", "tools", "practices", "entry_points", "strategy_options", "case_studies"]
    outcomes = [node for node in shipped.tree.values() if node.type == "outcome"]
    assert len(generated) == (sum(len(shipped.collection(key)) for key in with_pages)
                              + len(list(walk(shipped.tree))) + len(outcomes))
    assert "decision-tree/q/awareness.md" in generated
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "render_macros" not in text, page
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert 'href="members/' in home  # the overview the macro renders, links relative to home
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros" not in config and "hooks" not in config
    shutil.rmtree(tmp_path / "plain")
