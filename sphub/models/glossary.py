"""The glossary: the words the guidance uses that a network manager may not know (SPM, social
audit, entry point...), each with the project's own definition. The glossary page lists them,
and every page shows a term's definition as a tooltip where one of its `forms` stands in the
text (`sphub.render.glossary`), in the page's language.

That no form belongs to two terms is checked across entries, in every language, in
`sphub.data.checks.glossary`."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from sphub.models.types import Id, Model, Refs, Text, expected, refers_to

# A tooltip is read at a glance: a definition longer than this belongs in the guidance.
DEFINITION_MAX = 400


def _form(value: str) -> str:
    # A form becomes an abbreviation line (`*[form]: definition`, sphub.render.glossary):
    # a bracket would end it early.
    if len(value) < 2 or any(c in value for c in "[]"):
        raise expected("a word or phrase of at least two characters, without '[' or ']'")
    return value


def _definition(value: str) -> str:
    if len(value) > DEFINITION_MAX:
        raise expected(
            f"a definition of at most {DEFINITION_MAX} characters (it is shown as a tooltip)"
        )
    return value


Form = Annotated[Text, AfterValidator(_form)]
Definition = Annotated[Text, AfterValidator(_definition)]


class GlossaryTerm(Model):
    """A word the guidance uses that a network manager may not know, and what it means."""

    id: Id = Field(
        description="Stable kebab-case id, e.g. 'social-audit'; the term's anchor on the "
        "glossary page (glossary/#social-audit)."
    )
    term: Text = Field(description="The term as the glossary lists it, e.g. 'Social audit'.")
    acronym: Text | None = Field(None, description="Its short form, if it has one, e.g. 'SPM'.")
    definition: Definition = Field(
        description="What it means, in one to three plain sentences (no Markdown), at most "
        f"{DEFINITION_MAX} characters: the glossary page shows it, and so does the tooltip "
        "over the term's forms. Facts only from the published sources the project uses."
    )
    forms: list[Form] = Field(
        default_factory=list,
        description="The words in a page's text that show the definition as a tooltip, "
        "exactly as written there: case counts, e.g. 'SPM', 'social audits'. A form starting "
        "with a small letter also matches with a capital ('Social audits'). Empty: the term "
        "is only on the glossary page. A translation gives one form for each English form "
        "(repeat one where the language needs fewer).",
    )
    see: Refs = Field(
        [],
        description="Ids of pages that say more: a tool, a practice, a strategy option or an "
        "organisation.",
        json_schema_extra=refers_to("tools", "practices", "strategy_options", "organisations"),
    )

    @property
    def name(self) -> str:
        """The term: what the glossary is sorted by (`sphub.data.site.sort_name`)."""
        return self.term

    @property
    def heading(self) -> str:
        """'Social performance management (SPM)', or the term alone."""
        return f"{self.term} ({self.acronym})" if self.acronym else self.term
