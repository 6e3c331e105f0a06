"""The PDF guide's own text (sphub/outputs/pdf.py): the title and the introduction of each of
its chapters, edited like any other content. The guide has no pages on the site.

Which chapters there are, their order and what each shows after its introduction are the
guide's layout, in `sphub.outputs.pdf.chapters`; CHAPTERS names them here so that the
cross-check (`sphub.data.checks.guide`) can say that every chapter has its entry."""

from __future__ import annotations

from pydantic import Field

from sphub.models.types import Id, Markdown, Model, Text

# The chapters of the PDF guide, in the order of the book.
CHAPTERS = (
    "framework",
    "assessment",
    "worksheet",
    "tree",
    "outcomes",
    "menu",
    "entry-points",
    "tools",
    "practices",
    "case-studies",
    "quick-tree",
)


class GuideChapter(Model):
    """One chapter of the PDF guide: its title and the introduction printed under it, before
    the content the chapter takes from the rest of the data."""

    id: Id = Field(
        description="The chapter, one of "
        + ", ".join(f"'{c}'" for c in CHAPTERS)
        + "; each chapter has exactly one entry."
    )
    title: Text = Field(
        description="The chapter's title, as the contents, the bookmarks and the running header "
        "of its pages show it."
    )
    intro: Markdown = Field(
        description="The introduction under the title (Markdown). Link to the site's pages as "
        "seen from the guide's page `guide/`, e.g. `[assessment worksheet]"
        "(../guidance/worksheet/)`: in the PDF the link points to that page's chapter, with its "
        "page number. `[outcome](#outcomes)` points to a chapter that is no page of the site."
    )
