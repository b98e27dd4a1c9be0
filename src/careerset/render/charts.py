"""The report's charts as SVG text, drawn with matplotlib and readable without colour.

Each verdict, series and band has a hatch pattern, marker or line style and a text label
as well as a colour, so the charts survive greyscale printing and colour blindness.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter

# verdict -> (fill colour, hatch, short label); the hatch carries the meaning in greyscale.
VERDICT_STYLE = {
    "career step": ("#2e7d32", "", "career step"),
    "stepping stone": ("#f9a825", "///", "stepping stone"),
    "job": ("#9e9e9e", "...", "job"),
}
INK = "#222222"
ACCENT = "#1f4e79"
RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")


@dataclass(frozen=True)
class TimelineBar:
    label: str
    start: date
    end: date
    verdict: str


@dataclass(frozen=True)
class PayPoint:
    label: str
    start: date
    end: date
    annual: float


@dataclass(frozen=True)
class GapBar:
    name: str
    share: float  # evidenced level / required level, 0-1
    label: str


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    figure.patch.set_facecolor("white")
    return figure


def _style(axes: Axes) -> None:
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.tick_params(labelsize=8, colors=INK)


def to_svg(figure: Figure) -> str:
    """SVG text with no timestamp and stable ids, so the same data gives the same bytes."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "careerset", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    # The XML prolog and DOCTYPE are not allowed where the SVG is embedded in HTML.
    return text[text.index("<svg") :]


def _year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


# Each chart is a pure function of its data, and drawing one costs a tenth of a second or more;
# a page shown again for an unchanged career (a reload, another format of the same report)
# reuses the SVG. The charts' inputs are frozen dataclasses and tuples, so they can be keys.
CACHED_CHARTS = 32


def timeline_chart(bars: Sequence[TimelineBar], today: date) -> str:
    """One bar per job over the years, filled and labelled by its verdict."""
    return _timeline_svg(tuple(bars), today)


@lru_cache(maxsize=CACHED_CHARTS)
def _timeline_svg(bars: tuple[TimelineBar, ...], today: date) -> str:
    return to_svg(timeline_figure(bars, today))


def timeline_figure(bars: Sequence[TimelineBar], today: date) -> Figure:
    """The timeline as a figure: whole-year ticks, and job labels wrapped, never cut."""
    labels = [wrap_label(b.label) for b in reversed(bars)]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = 1.0 + 0.32 * max(1, len(bars)) + 0.12 * (lines - len(bars))
    figure = _figure(7.2, height)
    axes = figure.add_subplot()
    _style(axes)
    for row, bar in enumerate(reversed(bars)):
        colour, hatch, label = VERDICT_STYLE.get(bar.verdict, VERDICT_STYLE["job"])
        start, end = _year(bar.start), max(_year(bar.end), _year(bar.start) + 0.08)
        axes.barh(
            row,
            end - start,
            left=start,
            height=0.62,
            color=colour,
            hatch=hatch,
            edgecolor=INK,
            linewidth=0.6,
        )
        axes.text(end + 0.12, row, label, va="center", fontsize=7, color=INK)
    axes.set_yticks(range(len(bars)), labels, fontsize=7.5)
    if bars:
        first = min(_year(b.start) for b in bars)
        axes.set_xlim(math.floor(first), _year(today) + 2.2)
    _whole_years(axes)
    axes.axvline(_year(today), color=INK, linestyle=":", linewidth=0.8)
    axes.set_xlabel("year", fontsize=8)
    _legend(axes)
    return figure


def wrap_label(text: str, width: int = 34) -> str:
    """A long label on several lines (whole words), so no part of it is cut off."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _whole_years(axes: Axes) -> None:
    """Year ticks on whole years only (never 2012.5), at most about eight of them."""
    from matplotlib.ticker import FormatStrFormatter, MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    axes.xaxis.set_major_formatter(FormatStrFormatter("%d"))


def _legend(axes: Axes) -> None:
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=colour, hatch=hatch, edgecolor=INK, label=label)
        for colour, hatch, label in VERDICT_STYLE.values()
    ]
    axes.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=3,
        fontsize=7.5,
        frameon=False,
    )


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _corner(index: int, radius: float) -> tuple[float, float]:
    angle = math.pi / 2 - index * math.pi / 3  # R at the top, then clockwise I A S E C
    return radius * math.cos(angle), radius * math.sin(angle)


def hexagon_chart(
    person: Sequence[float] | None, target: Sequence[float] | None, target_label: str
) -> str:
    """RIASEC scores (O*NET 1-7 scale) on a hexagon: person solid with dots, target dashed
    with squares; straight edges, so the shape reads as Holland's hexagon."""
    return _hexagon_svg(
        None if person is None else tuple(person),
        None if target is None else tuple(target),
        target_label,
    )


@lru_cache(maxsize=CACHED_CHARTS)
def _hexagon_svg(
    person: tuple[float, ...] | None, target: tuple[float, ...] | None, target_label: str
) -> str:
    figure = _figure(3.8, 3.7)
    axes = figure.add_subplot()
    axes.set_aspect("equal")
    axes.axis("off")
    for level in (1, 3, 5, 7):
        ring = [_corner(i % 6, level) for i in range(7)]
        axes.plot(*zip(*ring, strict=True), color="#bbbbbb", linewidth=0.5)
        axes.text(0.15, level, str(level), fontsize=6, color="#777777", va="center")
    for index, name in enumerate(RIASEC):
        axes.plot(*zip((0, 0), _corner(index, 7), strict=True), color="#dddddd", linewidth=0.5)
        x, y = _corner(index, 8.4)
        axes.text(x, y, f"{name} ({name[0]})", fontsize=7.5, ha="center", va="center", color=INK)
    for scores, label, style, marker, colour in (
        (person, "you", "-", "o", ACCENT),
        (target, _short(target_label, 34), "--", "s", "#c62828"),
    ):
        if scores is None:
            continue
        points = [_corner(i % 6, scores[i % 6]) for i in range(7)]
        xs, ys = zip(*points, strict=True)
        axes.plot(
            xs,
            ys,
            linestyle=style,
            marker=marker,
            markersize=3.5,
            color=colour,
            linewidth=1.4,
            label=label,
        )
        if label == "you":
            axes.fill(xs, ys, color=colour, alpha=0.12)
    axes.set_xlim(-10.5, 10.5)
    axes.set_ylim(-9.5, 9.5)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=2, fontsize=7.5, frameon=False)
    return to_svg(figure)


def pay_chart(
    points: Sequence[PayPoint], percentiles: dict[int, float], occupation: str | None
) -> str:
    """Real full-time pay per job against an occupation's wage percentiles (labelled lines)."""
    return _pay_svg(tuple(points), tuple(sorted(percentiles.items())), occupation)


@lru_cache(maxsize=CACHED_CHARTS)
def _pay_svg(
    points: tuple[PayPoint, ...], percentiles: tuple[tuple[int, float], ...], occupation: str | None
) -> str:
    return to_svg(pay_figure(points, dict(percentiles), occupation))


def pay_figure(
    points: Sequence[PayPoint], percentiles: dict[int, float], occupation: str | None
) -> Figure:
    """The pay chart as a figure, on whole-year ticks."""
    figure = _figure(5.0, 3.2)
    axes = figure.add_subplot()
    _style(axes)
    starts = [_year(p.start) for p in points]
    ends = [_year(p.end) for p in points]
    left, right = (min(starts), max(ends)) if points else (2000.0, 2025.0)
    right += 0.5
    low, high = percentiles.get(25), percentiles.get(75)
    if low is not None and high is not None:
        axes.axhspan(low, high, color="#cfd8dc", alpha=0.6, hatch="xx", linewidth=0)
    for level, style in ((10, ":"), (25, "--"), (50, "-"), (75, "--"), (90, ":")):
        value = percentiles.get(level)
        if value is None:
            continue
        axes.axhline(value, color="#607d8b", linestyle=style, linewidth=0.8)
        name = "median" if level == 50 else f"{level}th"
        axes.text(right, value, f" {name}", va="center", fontsize=6.5, color="#37474f")
    for point in points:
        axes.plot(
            [_year(point.start), max(_year(point.end), _year(point.start) + 0.1)],
            [point.annual, point.annual],
            color=ACCENT,
            linewidth=2.4,
            solid_capstyle="butt",
        )
        axes.plot(_year(point.start), point.annual, marker="o", color=ACCENT, markersize=3.5)
    axes.set_xlim(left - 0.3, right)
    _whole_years(axes)
    axes.set_ylabel("2025 USD per year, full-time", fontsize=7.5)
    axes.yaxis.set_major_formatter(_thousands())
    title = f"Wage percentiles: {_short(occupation, 48)}" if occupation else "No wage percentiles"
    axes.set_title(title, fontsize=8, color=INK, loc="left")
    axes.set_ylim(bottom=0)
    return figure


def _thousands() -> Formatter:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: f"{value / 1000:,.0f}k")


def skills_chart(cumulative: dict[int, int]) -> str:
    """Distinct skills evidenced so far, year by year, with the count on each bar."""
    return _skills_svg(tuple(sorted(cumulative.items())))


@lru_cache(maxsize=CACHED_CHARTS)
def _skills_svg(counts: tuple[tuple[int, int], ...]) -> str:
    cumulative = dict(counts)
    figure = _figure(5.0, 2.2)
    axes = figure.add_subplot()
    _style(axes)
    years = sorted(cumulative)
    if years:
        span = list(range(years[0], years[-1] + 1))
        running, values = 0, []
        for year in span:
            running = cumulative.get(year, running)
            values.append(running)
        bars = axes.bar(span, values, color=ACCENT, edgecolor=INK, linewidth=0.5, hatch="")
        axes.bar_label(bars, fontsize=6.5, padding=1)
        axes.set_xticks(span[:: max(1, len(span) // 10)])
    axes.set_ylabel("skills (cumulative)", fontsize=7.5)
    return to_svg(figure)


def gaps_chart(bars: Sequence[GapBar]) -> str:
    """Per gap, the share of the target's level the career shows (solid) against all of it
    (hatched outline), with the levels written out; largest gap first."""
    return _gaps_svg(tuple(bars))


@lru_cache(maxsize=CACHED_CHARTS)
def _gaps_svg(bars: tuple[GapBar, ...]) -> str:
    figure = _figure(5.6, 0.9 + 0.3 * max(1, len(bars)))
    axes = figure.add_subplot()
    _style(axes)
    rows = list(range(len(bars)))[::-1]
    axes.barh(
        rows,
        [1.0] * len(bars),
        height=0.7,
        color="white",
        edgecolor="#c62828",
        hatch="///",
        linewidth=0.8,
        label="target needs",
    )
    axes.barh(rows, [min(1.0, b.share) for b in bars], height=0.38, color=ACCENT, label="you show")
    for row, bar in zip(rows, bars, strict=True):
        axes.text(1.03, row, bar.label, va="center", fontsize=6.5, color=INK)
    axes.set_yticks(rows, [_short(b.name, 34) for b in bars], fontsize=7.5)
    axes.set_xlim(0, 1.45)
    axes.set_xticks([0, 0.5, 1.0], ["0%", "50%", "100%"])
    axes.set_xlabel("share of the level the target needs", fontsize=7.5)
    axes.legend(loc="lower center", bbox_to_anchor=(0.4, 1.0), ncol=2, fontsize=7, frameon=False)
    return to_svg(figure)
