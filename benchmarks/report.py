"""The results of a benchmark run as docs/performance.md: machine, figures, targets."""

from __future__ import annotations

import importlib.metadata
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import idle
from benchmarks.browser import FirstVisit
from benchmarks.run import ENGINES, LanguageBuilds, PdfBuilds, Scale, median
from benchmarks.search import FIRST_QUERY, FORGIVING, SECOND_QUERY, Candidate


def machine() -> str:
    cpu, ram = "unknown CPU", "RAM unknown"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")), cpu
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
        kb = next(int(ln.split()[1]) for ln in meminfo if ln.startswith("MemTotal"))
        ram = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in (
            "mkdocs",
            "mkdocs-material",
            "mkdocs-macros-plugin",
            "properdocs",
            "zensical",
            "weasyprint",
        )
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; Python {platform.python_version()} "
        f"({platform.system()}); {versions}"
    )


def kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def overhead(scale: Scale) -> float:
    return median(scale.sphub_seconds) / median(scale.plain_seconds)


def first_visit_row(visit: FirstVisit | None) -> tuple[str, str, bool | None]:
    target = (
        "First contentful paint of a member's page, first visit at 400 kbit/s and 400 ms "
        "round trips (served gzipped): under 2.5 s"
    )
    if visit is None:
        return target, "not measured in this run", None
    return (
        target,
        (
            f"{visit.median_paint_ms / 1000:.2f} s (median of {len(visit.paint_ms)}, "
            f"`{visit.page}`: {visit.requests} requests, {visit.sent / 1000:.1f} KB sent)"
        ),
        visit.median_paint_ms < 2500,
    )


def targets(
    s: Scale,
    m: Scale | None,
    pdf,
    builds: PdfBuilds | None = None,
    visit: FirstVisit | None = None,
    languages: LanguageBuilds | None = None,
) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for every target; met is None when not measured."""
    rows: list[tuple[str, str, bool | None]] = [first_visit_row(visit)]
    if languages is None:
        rows.append(("Three languages build in at most 2.2x the time of one", "not measured", None))
    else:
        ratio = median(languages.every) / median(languages.one)
        cpu = median(languages.every_cpu) / median(languages.one_cpu)
        rows.append(
            (
                f"{languages.languages} languages build in at most 2.2x the time of one "
                "(shipped data, no PDF)",
                (
                    f"{ratio:.2f}x wall ({median(languages.every):.1f} s against "
                    f"{median(languages.one):.1f} s for English alone); {cpu:.2f}x CPU time"
                ),
                ratio <= 2.2,
            )
        )
    for scale in (s, m):
        if scale is None:
            rows.append(
                (
                    "Build overhead against plain MkDocs at M: at most 1.10x",
                    "not measured in this run",
                    None,
                )
            )
            continue
        ratio = overhead(scale)
        cpu = median(scale.sphub_cpu) / median(scale.plain_cpu)
        rows.append(
            (
                f"Build overhead against plain MkDocs at {scale.name}: at most 1.10x",
                (
                    f"{ratio:.2f}x wall ({median(scale.sphub_seconds):.1f} s against "
                    f"{median(scale.plain_seconds):.1f} s); {cpu:.2f}x CPU time"
                ),
                ratio <= 1.10,
            )
        )
    if m is None:
        rows.append(("Linear growth, sizes and validation at M", "not measured in this run", None))
    else:
        growth = median(m.sphub_seconds) / median(s.sphub_seconds)
        pages = m.site["pages"] / s.site["pages"]
        rows.append(
            (
                "Linear growth: time(M)/time(S) at most 1.1 x pages(M)/pages(S)",
                f"{growth:.2f} against 1.1 x {pages:.2f} = {1.1 * pages:.2f}",
                growth <= 1.1 * pages,
            )
        )
        size = m.site["generated_median"] / s.site["generated_median"]
        rows.append(
            (
                "Median generated page's HTML the same at S and M (within 10%)",
                (
                    f"{kb(s.site['generated_median'])} at S, "
                    f"{kb(m.site['generated_median'])} at M ({size - 1:+.1%})"
                ),
                abs(size - 1) <= 0.10,
            )
        )
        per_s = s.site["search_bytes"] / s.content_bytes
        per_m = m.site["search_bytes"] / m.content_bytes
        rows.append(
            (
                "Search index bytes proportional to content (ratio the same within 10%)",
                (
                    f"{per_s:.2f} bytes of index per byte of Markdown at S, {per_m:.2f} at "
                    f"M ({per_m / per_s - 1:+.1%})"
                ),
                abs(per_m / per_s - 1) <= 0.10,
            )
        )
        seconds = median(m.validation_seconds)
        rows.append(("Validation of M-scale data under 1 s", f"{seconds:.2f} s", seconds < 1))
    rows.append(
        (
            "PDF under 40 ms per page",
            f"{pdf.ms_per_page:.0f} ms per page ({pdf.pages} pages of the shipped guide in "
            f"{pdf.seconds:.1f} s, median of {pdf.runs})",
            pdf.ms_per_page < 40,
        )
    )
    preview = median(s.preview_seconds)
    rows.append(
        (
            "Preview (`sphub serve`) from a data edit to the rebuilt page at S under 1.5 s",
            f"{preview:.2f} s" if s.preview_seconds else "not measured in this run",
            preview < 1.5 if s.preview_seconds else None,
        )
    )
    rows.append(idle.row(s.idle_preview))
    if builds is None:
        rows.append(
            (
                "A build whose guidance data did not change renders no PDF",
                "not measured in this run",
                None,
            )
        )
        return rows
    rows.append(
        (
            "A build whose guidance data did not change renders no PDF (disk cache)",
            (
                f"{'no' if builds.warm_rendered_none else 'a'} PDF rendered by the second "
                f"build: {median(builds.warm):.1f} s against {median(builds.cold):.1f} s with "
                "the cache emptied"
            ),
            builds.warm_rendered_none,
        )
    )
    extra = median(builds.cold) - median(builds.none)
    rendering = median(builds.rendered)
    rows.append(
        (
            "The PDFs render beside the page build when a second core is free",
            (
                f"{'a second core free' if builds.parallel else 'one core only'}: the PDFs "
                f"add {extra:.1f} s to the build (cold cache, against SPHUB_PDF=0) and take "
                f"{rendering:.1f} s to render"
            ),
            builds.parallel and extra < rendering,
        )
    )
    return rows


def figures(scales: list[Scale], pdf) -> list[str]:
    head = "| Figure | " + " | ".join(f"{s.name}: sphub | {s.name}: plain" for s in scales) + " |"
    lines = [head, "|---" * (1 + 2 * len(scales)) + "|"]

    def row(label: str, sphub, plain) -> None:
        cells = " | ".join(f"{sphub(s)} | {plain(s)}" for s in scales)
        lines.append(f"| {label} | {cells} |")

    row("Entries in data/", lambda s: f"{sum(s.entries.values()):,}", lambda s: "")
    row(
        "Full build, wall time (median)",
        lambda s: f"{median(s.sphub_seconds):.2f} s",
        lambda s: f"{median(s.plain_seconds):.2f} s",
    )
    row(
        "Full build, CPU time (median)",
        lambda s: f"{median(s.sphub_cpu):.2f} s",
        lambda s: f"{median(s.plain_cpu):.2f} s",
    )
    row(
        "Full build, every run (wall s)",
        lambda s: ", ".join(f"{t:.2f}" for t in s.sphub_seconds),
        lambda s: ", ".join(f"{t:.2f}" for t in s.plain_seconds),
    )
    row(
        "Peak memory (max RSS, median)",
        lambda s: mb(median(s.sphub_rss_kb) * 1024),
        lambda s: mb(median(s.plain_rss_kb) * 1024),
    )
    for label, key, fmt in [
        ("HTML pages", "pages", lambda n: f"{n:,}"),
        ("Total site bytes", "bytes", mb),
        ("Median HTML page", "html_median", kb),
        ("Largest HTML page", "html_max", kb),
        ("Median generated page", "generated_median", kb),
        ("Search index", "search_bytes", mb),
    ]:
        row(label, lambda s, k=key, f=fmt: f(s.site[k]), lambda s, k=key, f=fmt: f(s.plain_site[k]))
    row("Markdown of the pages (the content)", lambda s: "", lambda s: mb(s.content_bytes))
    row(
        "Data validation, load_site alone (median)",
        lambda s: f"{median(s.validation_seconds):.3f} s",
        lambda s: "",
    )
    row(
        "of which reading YAML (libyaml events to values and lines)",
        lambda s: f"{median(s.yaml_seconds):.3f} s",
        lambda s: "",
    )
    row(
        "Preview: data edit to rebuilt page (median)",
        lambda s: f"{median(s.preview_seconds):.2f} s" if s.preview_seconds else "not measured",
        lambda s: "",
    )
    row(
        "PDF guide: seconds and pages (shipped data)",
        lambda s: f"{pdf.seconds:.1f} s, {pdf.pages} pages" if s.name == "S" else "",
        lambda s: "",
    )
    return lines


def engine_lines(s: Scale) -> list[str]:
    """Each engine's full build at S (`sphub build --engine`, SPHUB_PDF=0), run in turn with
    the others in every run."""
    if not s.engine_seconds:
        return ["Not measured in this run."]
    base = median(s.engine_seconds["mkdocs"])
    base_cpu = median(s.engine_cpu["mkdocs"])
    lines = [
        "| Engine at S | Full build, wall (median) | Against mkdocs | CPU (median) | "
        "Against mkdocs | Every run (wall s) |",
        "|---|---|---|---|---|---|",
    ]
    for engine in ENGINES:
        wall, cpu = s.engine_seconds[engine], s.engine_cpu[engine]
        lines.append(
            f"| {engine} | {median(wall):.2f} s | {median(wall) / base:.2f}x | "
            f"{median(cpu):.2f} s | {median(cpu) / base_cpu:.2f}x | "
            + ", ".join(f"{t:.2f}" for t in wall)
            + " |"
        )
    return lines


def pdf_lines(builds: PdfBuilds) -> list[str]:
    lines = [
        "| `sphub build` of the shipped site | Wall (median) | CPU (median) | Every run (wall s) |",
        "|---|---|---|---|",
    ]
    for label, wall, cpu in [
        ("PDFs, cache emptied first (cold): both PDFs rendered", builds.cold, builds.cold_cpu),
        ("PDFs, cache from the build before (warm): none rendered", builds.warm, builds.warm_cpu),
        ("No PDF (SPHUB_PDF=0)", builds.none, builds.none_cpu),
    ]:
        lines.append(
            f"| {label} | {median(wall):.2f} s | {median(cpu):.2f} s | "
            + ", ".join(f"{t:.2f}" for t in wall)
            + " |"
        )
    lines += [
        "",
        f"The cold builds' PDFs ({builds.pages} pages in all) rendered in "
        f"{median(builds.rendered):.1f} s (median, as each build printed it), in a "
        f"process of their own {'beside' if builds.parallel else 'before'} the engine's.",
    ]
    return lines


def _ms_range(values: list[float]) -> str:
    low, high = f"{min(values) / 1000:.2f}", f"{max(values) / 1000:.2f}"
    return f"{low} s" if low == high else f"{low}-{high} s"


def _yes(found: bool) -> str:
    return "yes" if found else "no"


def search_lines(lunr: Candidate, pagefind: Candidate, page: str) -> list[str]:
    """How the site's search was chosen (issue 15): both candidates measured in this run
    (benchmarks.search), and the choice."""
    runs = len(lunr.local_ms)
    forgiving = " / ".join(f'"{query}"' for query, _ in FORGIVING)
    lines = [
        "## Search: the means chosen, and what it costs",
        "",
        f"Measured in this run on the shipped site, from `{page}`: Material's lunr search as",
        f"sphub ships it, and Pagefind {pagefind.version} run with",
        "its defaults on a copy of the same built site. Served gzipped (level 6) from",
        f"localhost, in Chromium, each of the {runs} visits per line with an empty cache.",
        '"Slow line": 400 kbit/s each way, 400 ms round trips (Chromium\'s network emulation).',
        "Bytes are what the server sent, headers included.",
        "",
        "| | Material's lunr, as sphub ships it | Pagefind |",
        "|---|---|---|",
        f"| Bytes of search on a first visit, before search is opened | {kb(lunr.first_visit)} "
        f"| {kb(pagefind.first_visit)} |",
        f'| Bytes to open search and get the first result ("{FIRST_QUERY}") '
        f"| {kb(median(lunr.first_query))} | {kb(median(pagefind.first_query))} |",
        f'| Bytes for a further query ("{SECOND_QUERY}") | {kb(lunr.second_query)} '
        f"| {kb(pagefind.second_query)} |",
        f"| Time from opening search to the first result, localhost | "
        f"{_ms_range(lunr.local_ms)} | {_ms_range(pagefind.local_ms)} |",
        f"| The same, slow line | {_ms_range(lunr.slow_ms)} | {_ms_range(pagefind.slow_ms)} |",
    ]
    for query, title in FORGIVING:
        lines.append(
            f'| "{query}" shows "{title}" | {_yes(lunr.found[query])} '
            f"| {_yes(pagefind.found[query])} |"
        )
    lines += [
        "| From `file://` (the offline zip) | yes, in an iframe "
        "(`tests/browser/test_members_experience.py`) | no (Pagefind's issues #202, #241) |",
        "| French and Spanish | lunr's stemmers (`search.lang`), with the folding and the "
        "typos, in every language | its own stemmers |",
        "",
        "Before sphub loaded the index only when search is opened (main at 809f6ba, measured",
        "by hand on 2026-12-01), the first visit of `members/sa-dhan/` sent 138.6 KB in 11",
        "requests on the slow line, the index among them; first contentful paint was the same",
        "(2.10-2.21 s), the index being requested after it, but every visitor paid for it.",
        "",
        "**The choice: Material's lunr search**, loaded when search is opened (a focus of the",
        "search field, its keyboard shortcut, the magnifier, or a `?q=` address), with sphub's",
        "worker (`docs/assets/javascripts/workers/sphub-search.js`) folding accents and",
        f"forgiving one typo in words of five letters or more ({forgiving} above). At this",
        f"site's size lunr's first query costs {kb(median(lunr.first_query))}, Pagefind's",
        f"{kb(median(pagefind.first_query))}, and a further query {kb(lunr.second_query)}",
        f"against {kb(pagefind.second_query)}. Lunr forgives typos, and it runs from the",
        "offline zip, which Pagefind cannot. Pagefind would win on a site whose index is",
        "several times larger: its cost per query hardly grows with the site, lunr's index",
        'grows with it (see "Search index bytes proportional to content" above).',
        "",
    ]
    return lines


def render(
    scales: list[Scale],
    runs: int,
    pdf,
    builds: PdfBuilds | None,
    load: tuple[float, float],
    visit: FirstVisit | None = None,
    languages: LanguageBuilds | None = None,
    search: tuple[Candidate, Candidate] | None = None,
    editing: list[tuple[str, str, bool | None]] = (),
) -> str:
    s = next(x for x in scales if x.name == "S")
    m = next((x for x in scales if x.name == "M"), None)
    when = datetime.now(tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = targets(s, m, pdf, builds, visit, languages) + list(editing)
    lines = [
        # For maintainers: left out of the members' search.
        "---",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Performance",
        "",
        "<!-- Written by `make bench` (benchmarks/); do not edit by hand. -->",
        "",
        f"Measured on {when}, on {machine()}.",
        "",
        "The benchmark generates synthetic data (`python -m benchmarks.generate`: scale S has about 150",
        "members, 150 events, 300 resources and 10 years of work plans per region; M is ten",
        "times S), builds the site with `sphub build` (SPHUB_PDF=0), and builds the very same",
        "pages written as plain Markdown with MkDocs and Material alone (`mkdocs build`, no",
        "macros plugin): the ratio of the two is sphub's overhead. The two build in turn, and",
        f"each figure is the median of {runs} runs.",
        "",
        f"Load average (1 minute) at the start and the end of the run: {load[0]:.1f} and",
        f"{load[1]:.1f}. Above the number of cores, other work shared the machine: wall times",
        "then stretch, while CPU times (shown too) are less affected.",
        "",
        "## Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
    ]
    for target, measured, met in rows:
        verdict = "met" if met else "not measured" if met is None else "**not met**"
        lines.append(f"| {target} | {measured} | {verdict} |")
    lines += ["", "## Figures", "", *figures(scales, pdf), ""]
    lines += ["## Engines", "", *engine_lines(s), ""]
    if builds is not None:
        lines += ["## PDFs in the build", "", *pdf_lines(builds), ""]
    if search is not None:
        lines += search_lines(*search, visit.page if visit else "a member's page")
    return "\n".join(lines)
