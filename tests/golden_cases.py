"""Run one golden case: the base data with the case's files laid over it."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphub.data.errors import DataError
from sphub.data.layout import check_data

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOT = GOLDEN.parent.parent  # the project, whose .yamllint the commit check uses


def case_data(case: Path, target: Path) -> Path:
    """Copy the base data into `target` and apply the case: its .yml files replace (or add)
    files; a DELETE file lists files to remove."""
    shutil.copytree(GOLDEN / "base", target)
    for item in case.iterdir():
        if item.name == "DELETE":
            for name in item.read_text().split():
                (target / name).unlink()
        elif item.suffix == ".yml":
            shutil.copy(item, target / item.name)
    return target


def problems_of(case: Path, tmp: Path) -> list[str]:
    """What `sphub validate --strict` reports for the case: the data's problems, its
    warnings, and the layout problems the commit check's yamllint finds."""
    try:
        check_data(case_data(case, tmp / "data"), strict=True, config_root=ROOT)
    except DataError as err:
        return [str(p) for p in err.problems]
    return []
