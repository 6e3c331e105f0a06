"""Checks of the glossary (data/glossary.yml and its translations): a word of a page shows one
term's definition, so no form belongs to two terms, in any language; and a term's `see` names
one page, so none of its ids is found in two of the collections it may name."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sphub.data.errors import Problem
from sphub.data.located import Located
from sphub.data.translations import Translations
from sphub.models.glossary import GlossaryTerm

# Where a problem with one of a term's forms stands: (form index, expected, got) -> Problem.
Report = Callable[[int, str, str], Problem]


def matched_as(form: str) -> set[str]:
    """The words of a page `form` stands for: itself, and with a capital when it starts with
    a small letter ('social audit' also matches 'Social audit' at the start of a sentence)."""
    return {form, form[0].upper() + form[1:]}


def _clashes(terms: Iterable[tuple[GlossaryTerm, Report, Callable[[], int]]]) -> list[Problem]:
    problems = []
    owner: dict[str, tuple[GlossaryTerm, int]] = {}  # a word -> the term and line first using it
    for term, report, line in terms:
        for index, form in enumerate(term.forms):
            words = matched_as(form)
            first = next((owner[w] for w in words if w in owner and owner[w][0] is not term), None)
            if first is not None:
                other, other_line = first
                problems.append(
                    report(
                        index,
                        "a form that belongs to no other term (a word shows one definition)",
                        f"'{form}', a form of '{other.id}' too (line {other_line})",
                    )
                )
                continue
            for word in words:
                owner.setdefault(word, (term, line()))
    return problems


def forms_belong_to_one_term(by: dict[str, list[Located]]) -> list[Problem]:
    return _clashes(
        (
            where.entry,
            lambda i, expected, got, where=where: where.problem(("forms", i), expected, got),
            lambda where=where: where.file.line(where.path + ("id",)),
        )
        for where in by["glossary"]
    )


def translated_forms_belong_to_one_term(translations: Translations) -> list[Problem]:
    """The same rule among each language's translated terms, at the lines of the translation
    files (`translations` from `sphub.data.translations.check_translations`)."""
    problems = []
    for language in translations.languages[1:]:
        problems += _clashes(
            (
                t.entry,
                lambda i, expected, got, t=t: t.file.problem(t.path + ("forms", i), expected, got),
                lambda t=t: t.file.line(t.path + ("id",)),
            )
            for (key, _), t in translations.entries.get(language, {}).items()
            if key == "glossary"
        )
    return problems


def see_names_one_page(by: dict[str, list[Located]]) -> list[Problem]:
    targets = GlossaryTerm.model_fields["see"].json_schema_extra["x-refers-to"]
    ids = {key: {w.entry.id for w in by[key]} for key in targets}
    problems = []
    for where in by["glossary"]:
        for index, value in enumerate(where.entry.see):
            found = [key for key in targets if value in ids[key]]
            if len(found) > 1:
                files = " and ".join(f"data/{key}.yml" for key in found)
                problems.append(
                    where.problem(
                        ("see", index),
                        "an id found in one file only (the link leads to one page)",
                        f"'{value}', an id in {files}",
                    )
                )
    return problems
