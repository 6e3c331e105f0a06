"""Lists of texts keep their items whole: a list written in [brackets] is split at each
comma, and an item cut there is reported; the shipped data (every language) has none."""

from __future__ import annotations

import pytest

from sphub.data.checks.entries import _text_lists
from sphub.data.errors import DataError
from sphub.data.load import load_site
from sphub.data.translations import languages, translate
from sphub.models import COLLECTIONS
from tests.conftest import ROOT

CUT = "[Network staff trained, and able to be certified, on the SPI tool]"
WHOLE = '["Network staff trained, and able to be certified, on the SPI tool"]'


def test_an_item_cut_at_a_comma_is_reported_with_its_line(data_copy):
    plans = data_copy / "workplans.yml"
    text = plans.read_text(encoding="utf-8")
    assert WHOLE in text
    plans.write_text(text.replace(WHOLE, CUT), encoding="utf-8")
    # Its translations give one item, as the English means: the English alone is checked here.
    for translated in (data_copy / "translations").glob("*/workplans.yml"):
        translated.unlink()
    line = text[: text.index(WHOLE)].count("\n") + 1
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    problems = [str(p) for p in err.value.problems]
    assert len(problems) == 2
    assert problems[0].startswith(f"data/workplans.yml:{line}: ")
    assert "'and able to be certified', the rest of 'Network staff trained'" in problems[0]
    assert "'on the SPI tool', the rest of 'and able to be certified'" in problems[1]


def test_a_list_of_ids_in_brackets_is_not_text():
    site = load_site(ROOT / "data")
    member = next(iter(site.members.values()))
    assert all(name != "years" for (name, *_), _ in _text_lists(member, ()))


def _every_text_list(site):
    for key in COLLECTIONS:
        entries = getattr(site, key)
        for entry in entries.values() if isinstance(entries, dict) else entries:
            yield from _text_lists(entry, ())


@pytest.mark.parametrize("code", languages(ROOT / "data"))
def test_every_item_of_every_text_list_of_the_shipped_data_is_whole(code):
    english = load_site(ROOT / "data")
    site = english if code == "en" else translate(english, code)
    lists = list(_every_text_list(site))
    assert len(lists) > 50  # the walk reaches the lists (deliverables, next steps, ...)
    deliverables = [items for path, items in lists if path[-1] == "deliverables"]
    assert deliverables, "the work plans' deliverables are walked"
    cut = [
        (path, item)
        for path, items in lists
        for item in items[1:]
        if item[:1].islower() or item.split(" ", 1)[0] in ("and", "or", "et", "ou", "y", "o")
    ]
    assert cut == []
    if code == "en":
        assert ["Network staff trained, and able to be certified, on the SPI tool"] in deliverables
