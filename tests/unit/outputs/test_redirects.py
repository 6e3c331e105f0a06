"""Renames: an old id a current id has, or one claimed twice, is a data error with its line
(tests/build/test_renames.py builds the redirect pages)."""

from __future__ import annotations


import pytest

from sphub.data.errors import DataError
from sphub.data.load import load_site
from sphub.models import COLLECTIONS
from sphub.render.urls import PAGE_FOLDERS
from tests.conftest import entry_number


def test_every_collection_with_pages_can_keep_old_ids():
    # The order forms, schemas and the editing guide show: `id`, then its `old_ids`.
    for key in PAGE_FOLDERS:
        assert list(COLLECTIONS[key].model.model_fields)[:2] == ["id", "old_ids"], key


def test_an_old_id_that_is_a_current_id_is_a_data_error(data_copy):
    path = data_copy / "members.yml"
    text = path.read_text()
    path.write_text(text.replace("  - id: pmn\n", "  - id: pmn\n    old_ids: [ama]\n"))
    line = path.read_text().splitlines().index("    old_ids: [ama]") + 1
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert [str(p) for p in err.value.problems] == [
        (
            f"data/members.yml:{line}: members[{entry_number(text, 'pmn')}].old_ids[1]: expected an id no "
            "entry has now (its page would be replaced), got 'ama', the id of an entry of "
            "data/members.yml"
        )
    ]


def test_an_old_id_claimed_twice_is_a_data_error(data_copy):
    path = data_copy / "members.yml"
    text = path.read_text()
    text = text.replace("  - id: pmn\n", "  - id: pmn\n    old_ids: [gone]\n")
    path.write_text(text.replace("  - id: ama\n", "  - id: ama\n    old_ids: [gone]\n"))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert len(err.value.problems) == 1
    assert (
        "old_ids[1]: expected an old id listed by one entry only, got 'gone', already an "
        "old id of 'ama'" in str(err.value.problems[0])
    )
