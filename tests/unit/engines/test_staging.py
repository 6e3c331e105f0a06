"""A hand-written page, staged: it carries its kind as a tag (search shows it on the page's
results, as on an entry's), after its own front matter, and keeps a kind it names itself."""

from __future__ import annotations

import re

import pytest

from sphub.engines.staging import with_kind, with_note
from sphub.render.i18n import translations
from sphub.render.pages import written_kind
from tests.conftest import ROOT


def test_the_kind_joins_the_front_matter_and_the_title_stays_first():
    page = "---\nrender_macros: true\n---\n# About\n\nText\n"
    staged = with_kind(page, "Page")
    assert staged == '---\nrender_macros: true\ntags: ["Page"]\n---\n# About\n\nText\n'
    noted = with_note(staged, "<p>note</p>")
    assert noted.startswith('---\nrender_macros: true\ntags: ["Page"]\n---\n# About\n\n<p>note</p>')


def test_a_page_without_front_matter_gets_one():
    assert with_kind("# About\n", "Página") == '---\ntags: ["Página"]\n---\n# About\n'


def test_tags_the_page_names_itself_are_kept():
    page = "---\ntags: [Workshop]\n---\n# Agenda\n"
    assert with_kind(page, "Page") == page


@pytest.mark.parametrize(
    ("src", "kind", "french"),
    [
        ("guidance/assessment.md", "Guidance", "Orientations"),
        ("decision-tree/index.md", "Guidance", "Orientations"),
        ("about.md", "Page", "Page"),
        ("members/index.md", "Page", "Page"),
    ],
)
def test_a_written_page_is_guidance_or_a_page_in_each_language(src, kind, french):
    assert written_kind(src) == kind
    assert translations("fr").gettext(kind) == french


def test_style_sheets_ship_without_their_comments():
    from sphub.engines.staging import shipped_css

    css = '/* why: a note\n   on two lines */\n.a { color: red; } /* inline */\n.b::before { content: "x"; }\n'
    assert shipped_css(css) == '.a { color: red; } .b::before { content: "x"; }\n'
    for path in (ROOT / "docs" / "assets").glob("*.css"):
        shipped = shipped_css(path.read_text(encoding="utf-8"))
        assert "/*" not in shipped and "*/" not in shipped, path.name
        # Every rule is kept: as many blocks as before.
        assert shipped.count("{") == path.read_text(encoding="utf-8").count("{") - sum(
            c.count("{") for c in re.findall(r"/\*.*?\*/", path.read_text(encoding="utf-8"), re.S)
        )


def test_scripts_ship_without_their_comment_lines():
    import shutil
    import subprocess

    from sphub.engines.staging import shipped_js

    script = '// a\n  /* b\n c */\nvar x = 1 // kept\nvar y = "// text"\n/* e */ var z\n/* f */\n'
    assert shipped_js(script) == 'var x = 1 // kept\nvar y = "// text"\n/* e */ var z\n'
    node = shutil.which("node")
    for path in sorted((ROOT / "docs" / "assets").rglob("*.js")):
        if "vendor" in path.parts:
            continue
        shipped = shipped_js(path.read_text(encoding="utf-8"))
        assert "\n//" not in "\n" + shipped.replace(" ", "")
        if node:  # the script as shipped is still JavaScript
            check = subprocess.run(
                [node, "--check", "-"], input=shipped, text=True, capture_output=True
            )
            assert check.returncode == 0, (path.name, check.stderr)


def test_a_translation_names_its_own_file():
    from sphub.engines.staging import with_source

    assert with_source("---\ntitle: A\n---\n# A\n", "about.fr.md", "about.md") == (
        '---\ntitle: A\nsource_file: "about.fr.md"\nstaged_file: "about.md"\n---\n# A\n'
    )
    assert with_source("# A\n", "x.es.md", "x.md") == (
        '---\nsource_file: "x.es.md"\nstaged_file: "x.md"\n---\n# A\n'
    )
