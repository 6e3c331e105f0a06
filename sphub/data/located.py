"""A validated entry and where it stands in its file, for the checks after validation."""

from __future__ import annotations

from dataclasses import dataclass

from sphub.data.errors import Problem
from sphub.data.reader import YamlFile
from sphub.models.types import Model


@dataclass(frozen=True)
class Located:
    """A validated entry and where it stands, so later checks can name file and line."""

    collection: str
    entry: Model
    file: YamlFile
    path: tuple

    def problem(self, subpath: tuple, expected: str, got: str) -> Problem:
        return self.file.problem(self.path + tuple(subpath), expected, got)
