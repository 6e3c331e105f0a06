"""Settings are read once, by the command line, and passed down as parameters."""

from __future__ import annotations

import pytest

from sphub import cli
from sphub.engines.build import Built


@pytest.mark.parametrize(
    "setting, options, with_pdf",
    [(None, [], True), ("1", [], True), ("0", [], False), (None, ["--no-pdf"], False)],
)
def test_sphub_build_renders_the_pdf_unless_told_not_to(
    monkeypatch, tmp_path, setting, options, with_pdf
):
    if setting is None:
        monkeypatch.delenv("SPHUB_PDF", raising=False)
    else:
        monkeypatch.setenv("SPHUB_PDF", setting)
    monkeypatch.setattr("sphub.outputs.system.pdf_problem", lambda: None)
    asked = []
    monkeypatch.setattr(
        "sphub.engines.build.build",
        lambda project, site_dir, engine, pdf, *rest: asked.append(pdf) or Built(0, []),
    )
    assert cli.main(["build", "--site-dir", str(tmp_path / "site"), *options]) == 0
    assert asked == [with_pdf]
