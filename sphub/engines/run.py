"""`python -m sphub.engines.run ENGINE CONFIG SESSION`: the engine's own process
(sphub.engines.engine), building CONFIG with the session saved in the file SESSION.
Exits 1 with the engine's message when the build fails."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from sphub.engines.registry import engine_named


def main(name: str, config_file: str, session_file: str) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        engine_named(name).run(Path(config_file), Path(session_file))
    except SystemExit as err:  # mkdocs-macros exits on a macro error (on_error_fail)
        return int(err.code or 1) if not isinstance(err.code, str) else 1
    except Exception as err:  # the engine's own error, already in its words
        print(f"{name}: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
