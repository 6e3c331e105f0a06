"""`python -m benchmarks`: measure sphub against plain MkDocs and write docs/performance.md.

`--profile S` instead profiles one in-process build with pyinstrument."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.browser import first_visit
from benchmarks.editing import edit_latencies, edit_rows
from benchmarks.report import render
from benchmarks.search import compare
from benchmarks.run import BUILD_EPOCH, ROOT, language_builds, pdf_builds, run_scale


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
    """Profile one `sphub build` in this process: load, check, stage and sphub's outputs; the
    engine runs in a process of its own, so its time shows as one wait."""
    import shutil

    from pyinstrument import Profiler

    from benchmarks.generate import write
    from benchmarks.run import copy_project
    from sphub.engines.build import build
    from sphub.engines.project import Project

    project = work.absolute() / f"profile-{scale}"
    shutil.rmtree(project, ignore_errors=True)
    copy_project(project)
    write(project / "data", scale, seed)
    os.environ["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    profiler = Profiler()
    with profiler:
        build(Project.at(project / "mkdocs.yml"), project / "site", "mkdocs", with_pdf=False)
    out = work / f"profile-{scale}.html"
    out.write_text(profiler.output_html(), encoding="utf-8")
    print(profiler.output_text(color=False, show_all=False))
    print(f"Profile written to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
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
    print(f"Load average at the start: {load_before:.2f}", flush=True)
    print("PDF guide (shipped data):", flush=True)
    pdf = pdf_figure(args.runs)  # first: a failure here must not cost the long runs below
    print("Full builds with the PDFs (shipped data):", flush=True)
    builds = pdf_builds(args.runs, work)
    print("First visit of a member's page over a slow line:", flush=True)
    shipped = work.absolute() / "pdf" / "site"  # the shipped site, as pdf_builds left it
    member = sorted((shipped / "members").glob("*/index.html"))[0].parent.relative_to(shipped)
    visit = first_visit(shipped, f"{member.as_posix()}/", args.runs)
    print("Search: sphub's lunr and Pagefind, side by side:", flush=True)
    search = compare(shipped, visit.page, args.runs, work.absolute())
    print("Every language, and English alone (shipped data):", flush=True)
    languages = language_builds(args.runs, work)
    scales = []
    for name in args.scales:
        print(f"Scale {name}:", flush=True)
        # The preview's target and the engines' rows are at S; M is for the overhead and growth.
        scales.append(
            run_scale(
                name,
                args.runs,
                args.preview_runs if name == "S" else 0,
                work,
                args.seed,
                engines=name == "S",
            )
        )
    print("A save reaching the open pages, in each language (shipped data):", flush=True)
    editing = edit_rows(edit_latencies(args.preview_runs, work))
    load = (load_before, os.getloadavg()[0])
    text = render(scales, args.runs, pdf, builds, load, visit, languages, search, editing)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
