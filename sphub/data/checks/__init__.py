"""Checks across entries and files, run once every entry has validated. Each check takes the
valid entries by collection and returns problems; none stops at the first."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sphub.data.checks import entries, glossary, guide, tree
from sphub.data.errors import Problem
from sphub.data.located import Located

# Every check after the references; a new check is one function added here.
CHECKS = (
    entries.event_dates,
    entries.national_members_have_a_country,
    entries.one_work_plan_per_region_and_year,
    entries.ids_unique_within_work_plans,
    entries.old_ids_are_free,
    entries.networks_listed_once,
    entries.text_list_items_whole,
    tree.tree,
    tree.tree_levels_are_scored,
    tree.steps_rule,
    tree.resources_say_where_to_find_them,
    tree.case_studies_name_their_network,
    tree.agenda_fits_half_day,
    guide.chapters_have_their_intro,
    glossary.forms_belong_to_one_term,
    glossary.see_names_one_page,
)


def cross_check(
    located: list[Located],
    ids: dict[str, set[str] | None],
    loose: list[entries.LooseReference] = (),
) -> list[Problem]:
    """Run every check on the entries that validated; `ids` are each file's ids (None for a
    file that could not be read, whose references are then not checked); `loose` are the
    references of entries that did not validate."""
    by = _by_collection(located)
    problems = entries.references_resolve(located, ids, loose)
    for check in CHECKS:
        problems += check(by)
    return problems


def plausibility(located: list[Located], today: date) -> list[Problem]:
    """Warnings: values that are valid but unlikely to be meant (an event in 1012)."""
    return entries.event_dates_plausible(_by_collection(located), today)


def _by_collection(located: list[Located]) -> dict[str, list[Located]]:
    by: dict[str, list[Located]] = defaultdict(list)
    for where in located:
        by[where.collection].append(where)
    return by
