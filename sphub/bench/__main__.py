"""`python -m sphub.bench`: measure sphub against plain MkDocs and write docs/performance.md.

`--profile S` instead profiles one in-process build with pyinstrument."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from sphub.bench.report import render
from sphub.bench.run import BUILD_EPOCH, ROOT, run_scale


@dataclass(frozen=True)
class PdfFigure:
    """The PDF guide rendered from the S data: median seconds of `runs` renders, and pages."""

    seconds: float
    pages: int
    runs: int

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages


def pdf_figure(runs: int) -> PdfFigure:
    """Render the whole guide from the shipped data `runs` times, uncached. The shipped guide,
    not the synthetic S data: the synthetic text mixes in Chinese characters that the shipped
    fonts do not cover (the guide then refuses to render, by design), and the guide's length
    follows the framework, not the network's size. The site builds above ran with SPHUB_PDF=0,
    so their times compare the HTML with plain MkDocs alone."""
    from sphub.data.load import load_site
    from sphub.outputs.pdf import build_guide, forget
    from sphub.render.renderer import Renderer

    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    renderer = Renderer(load_site(ROOT / "data"), ROOT / "overrides" / "fragments")
    guides = [(forget(), build_guide(renderer))[1] for _ in range(runs)]
    return PdfFigure(statistics.median(g.seconds for g in guides), guides[0].pages, runs)


def profile(scale: str, work: Path, seed: int) -> None:
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pyinstrument import Profiler

    from sphub.bench.generate import write
    from sphub.bench.run import PROJECT_PARTS

    project = work / f"profile-{scale}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, project / part)
    write(project / "data", scale, seed)
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    profiler = Profiler()
    with profiler:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    out = work / f"profile-{scale}.html"
    out.write_text(profiler.output_html(), encoding="utf-8")
    print(profiler.output_text(color=False, show_all=False))
    print(f"Profile written to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphub.bench", description=__doc__)
    parser.add_argument("--scales", nargs="+", default=["S", "M"], choices=["S", "M"])
    parser.add_argument("--runs", type=int, default=3, help="builds per scale (median)")
    parser.add_argument("--preview-runs", type=int, default=5, help="data edits under serve")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=str(ROOT / ".bench"), help="scratch folder")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--profile", choices=["S", "M"], help="profile one build instead")
    args = parser.parse_args(argv)
    work = Path(args.work)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if args.profile:
        profile(args.profile, work, args.seed)
        return 0
    if "S" not in args.scales:
        parser.error("--scales must include S: the targets compare M with S")
    load_before = os.getloadavg()[0]
    print("PDF guide (shipped data):", flush=True)
    pdf = pdf_figure(args.runs)  # first: a failure here must not cost the long runs below
    scales = []
    for name in args.scales:
        print(f"Scale {name}:", flush=True)
        # The target for the preview is at S; at M three edits are enough for the figure.
        scales.append(
            run_scale(
                name,
                args.runs,
                args.preview_runs if name == "S" else min(args.preview_runs, 3),
                work,
                args.seed,
            )
        )
    text = render(scales, args.runs, pdf, (load_before, os.getloadavg()[0]))
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
