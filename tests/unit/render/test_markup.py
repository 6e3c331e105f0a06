"""Data becomes HTML only through escaping or the Markdown allow-list, never as a template.
These tests render pages with sphub alone, without MkDocs."""

from __future__ import annotations

import shutil

from golden_cases import GOLDEN

from sphub.data.load import load_site
from sphub.render.markup import markdown_html, with_word_boundaries
from sphub.render.pages import all_pages
from sphub.render.renderer import Renderer
from tests_paths import FRAGMENTS


def test_markdown_renders_and_is_cleaned():
    html = markdown_html(
        "**bold** [site](https://a.example) [x](javascript:alert(1)) <script>alert(1)</script>"
        "\n\n# Heading\n\n<img src=x onerror=alert(1)>"
    )
    assert "<strong>bold</strong>" in html
    assert '<a href="https://a.example" rel="noopener noreferrer">site</a>' in html
    assert "javascript:" not in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<img" not in html
    assert "<h3>Heading</h3>" in html  # pages own h1 and h2


def test_template_syntax_in_data_shows_as_typed(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(GOLDEN / "base", data)
    members = (data / "members.yml").read_text()
    members = members.replace(
        "    acronym: PMN\n",
        "    acronym: PMN\n    description: \"{{ 7*7 }} {% include 'x' %} <b>raw</b>\"\n",
    ).replace("name: Pakistan Microfinance Network", "name: Net {{ config }}")
    (data / "members.yml").write_text(members)
    site = load_site(data)
    pages = {p.src: p for p in all_pages(Renderer(site, FRAGMENTS))}
    page = pages["members/pmn.md"]
    assert "{{ 7*7 }}" in page.html and "49" not in page.html
    assert "{% include &#39;x&#39; %}" in page.html or "{% include 'x' %}" in page.html
    assert "&lt;b&gt;raw&lt;/b&gt;" in page.html
    assert page.title == "Net {{ config }} (PMN)"
    assert page.markdown().startswith(
        '---\ntitle: "Net {{ config }} (PMN)"\ndata_page: true\ntags: ["Member"]\n---\n'
    )


def test_one_page_per_entry_with_relative_links(tmp_path):
    site = load_site(GOLDEN / "base")
    pages = all_pages(Renderer(site, FRAGMENTS))
    sources = [p.src for p in pages]
    assert len(sources) == len(set(sources))
    assert "events/training-2012.md" in sources and "regions/asia.md" in sources
    event = next(p for p in pages if p.src == "events/training-2012.md")
    assert 'href="../../partners/cerise/"' in event.html
    flat = {p.src: p for p in all_pages(Renderer(site, FRAGMENTS, directory_urls=False))}
    assert 'href="../partners/cerise.html"' in flat["events/training-2012.md"].html


def test_cells_items_and_terms_end_with_a_word_boundary():
    html = "<dl><dt>Network</dt><dd>COPEME</dd></dl><ul><li>a</li> <li>b</li></ul>"
    assert with_word_boundaries(html) == (
        "<dl><dt>Network</dt>\n<dd>COPEME</dd>\n</dl><ul><li>a</li> <li>b</li>\n</ul>"
    )
    assert with_word_boundaries("<pre>a</pre><p>b</p>") == "<pre>a</pre><p>b</p>"


def test_table_cells_are_labelled_with_their_column_but_not_the_editing_guides():
    from sphub.render.markup import with_cell_labels

    table = (
        '<table class="sphub-table{}"><thead><tr><th scope="col">Network <b>x</b></th>'
        '<th>Say "hi"</th></tr></thead><tbody><tr><th scope="row">A</th><td>B</td></tr>'
        "</tbody></table>"
    )
    assert with_cell_labels(table.format("")) == table.format("").replace(
        '<th scope="row">', '<th data-label="Network x" scope="row">'
    ).replace("<td>B", '<td data-label="Say &quot;hi&quot;">B')
    # The editing guide's field tables stay as they are (dozens on one page).
    assert with_cell_labels(table.format(" sphub-guide")) == table.format(" sphub-guide")


def test_a_macro_s_output_passes_through_markdown_whole_and_without_its_marks():
    import markdown

    from sphub.render.markup import MACRO, MACRO_END

    # Indented lines and a Markdown-looking text: the HTML block reader could read either.
    output = '<div class="list">\n    <p>*not emphasis*</p>\n\n<p>after a blank line</p>\n</div>'
    page = f"# Members\n\nSome *text*.\n\n{MACRO}\n{output}\n{MACRO_END}\n\nMore *text*."
    html = markdown.Markdown(extensions=["sphub.render.markup"]).convert(page)
    assert output in html
    assert MACRO not in html and MACRO_END not in html
    assert "<p>Some <em>text</em>.</p>" in html and "<p>More <em>text</em>.</p>" in html
    # A mark without its end is left as it was written (a page may quote one).
    unfinished = markdown.Markdown(extensions=["sphub.render.markup"]).convert(
        f"{MACRO}\n<p>half</p>"
    )
    assert "<p>half</p>" in unfinished and MACRO in unfinished
