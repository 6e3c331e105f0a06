"""The engines `sphub build --engine NAME` can run, by name."""

from __future__ import annotations

from sphub.engines.engine import Engine
from sphub.engines.mkdocs import MkDocs, ProperDocs
from sphub.engines.zensical import Zensical

ENGINES: dict[str, Engine] = {e.name: e for e in (MkDocs(), ProperDocs(), Zensical())}


def engine_named(name: str) -> Engine:
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}': expected one of {', '.join(ENGINES)}")
    return ENGINES[name]
