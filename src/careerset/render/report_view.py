"""The career report as render-ready data for HTML and PDF: facts, verdict rows, charts, gaps, plan.

Charts, gaps and the plan degrade to a one-line reason when their data is missing, so the
report always renders; `build_report_view` is the only place that calls the analyses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from careerset.analysis.interests import RiasecScores
from careerset.analysis.report import CareerReport
from careerset.analysis.verdict import usable_profile
from careerset.errors import UserError
from careerset.facts.protocol import Reference
from careerset.model.career import Career, entry_span
from careerset.next_action import Advice, plain_words
from careerset.render import charts
from careerset.render.cv_model import clean_strings, format_period
from careerset.wording import count_of

GAP_ROWS = 10
INSTALL_HINT = "install the full reference data to see this"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    caption: str
    svg: str | None = None
    unavailable: str | None = None  # why the chart is not drawn


@dataclass(frozen=True)
class VerdictRow:
    title: str
    organization: str
    period: str
    verdict: str
    score: float
    reason: str


@dataclass(frozen=True)
class GapRow:
    name: str
    domain: str
    required: float
    evidenced: float
    score: float


@dataclass(frozen=True)
class PlanRow:
    order: int
    name: str
    months: str
    hours: float
    activity: str
    reason: str


@dataclass(frozen=True)
class ReportView:
    name: str | None
    today: str
    reference: str
    facts: list[tuple[str, str]]
    verdict_counts: dict[str, int]
    verdicts: list[VerdictRow]
    metrics: list[str]
    charts: list[Chart]
    target: str | None
    gaps: list[GapRow] = field(default_factory=list)
    plan: list[PlanRow] = field(default_factory=list)
    plan_unavailable: str | None = None
    next_steps: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # "4 career steps · 1 stepping stone · 0 jobs": the counts in words, plurals right.
    verdict_summary: str = ""

    def chart(self, key: str) -> Chart:
        return next(c for c in self.charts if c.key == key)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)


def _facts(report: CareerReport) -> list[tuple[str, str]]:
    summary, metrics = report.summary, report.metrics
    share = metrics.career_step_share
    return [
        ("years of work", f"{summary.years_worked:g}"),
        ("jobs", str(summary.counts.get("job", 0))),
        ("employers", str(len(summary.employers))),
        ("skills evidenced", str(metrics.skills_total)),
        ("certifications", str(summary.counts.get("certification", 0))),
        ("time in career steps", "–" if share is None else f"{share:.0%}"),
        ("learning hours / year", f"{metrics.learning_hours_per_year:g}"),
        ("contacts", str(metrics.contacts_total)),
    ]


def _metrics(report: CareerReport) -> list[str]:
    metrics = report.metrics
    lines = []
    if report.summary.current_roles:
        lines.append("Now: " + "; ".join(report.summary.current_roles) + ".")
    zones = [str(p.job_zone) for p in metrics.trajectory if p.job_zone is not None]
    if zones:
        lines.append("Job zones over time: " + " → ".join(zones) + ".")
    lines.append(
        f"Consistency: weekly learning streak {metrics.current_streak_weeks} "
        f"(longest {metrics.longest_streak_weeks})."
    )
    if metrics.gaps:
        longest = max(metrics.gaps, key=lambda gap: gap.months)
        lines.append(
            f"{count_of(len(metrics.gaps), 'gap')} between jobs, longest {count_of(longest.months, 'month')}."
        )
    lines += [f"Goal: {goal}" for goal in report.summary.goals]
    return lines


def _verdict_rows(report: CareerReport) -> list[VerdictRow]:
    return [
        VerdictRow(
            v.job.title,
            v.job.organization or "",
            format_period(v.job.start, v.job.end),
            v.verdict,
            v.score,
            v.strongest_reason,
        )
        for v in report.assessment.verdicts
    ]


def _timeline(report: CareerReport, today: date) -> Chart:
    bars = []
    for verdict in report.assessment.verdicts:
        span = entry_span(verdict.job, today)
        if span is not None:
            bars.append(charts.TimelineBar(verdict.job.label, span[0], span[1], verdict.verdict))
    chart = Chart(
        "timeline",
        "Jobs over time, by verdict",
        "Each bar is a job; its fill and "
        "label give the verdict (solid: career step, hatched: stepping stone, dotted: job).",
    )
    if not bars:
        return _without(chart, "no dated jobs yet; add your jobs with their dates")
    return _with(chart, charts.timeline_chart(bars, today))


def _with(chart: Chart, svg: str) -> Chart:
    return Chart(chart.key, chart.title, chart.caption, svg=svg)


def _without(chart: Chart, reason: str) -> Chart:
    return Chart(chart.key, chart.title, chart.caption, unavailable=reason)


def _title(reference: Reference | None, code: str) -> str:
    if reference is None:
        return code
    try:
        return f"{reference.occupation(code).title} ({code})"
    except UserError:
        return code


def _hexagon(career: Career, reference: Reference | None, target: str | None) -> Chart:
    chart = Chart(
        "hexagon",
        "Interests (RIASEC)",
        "Your interest profile (solid) against the "
        "target occupation's (dashed), on O*NET's 1–7 scale.",
    )
    profile = usable_profile(career)
    person = RiasecScores.of_profile(profile).to_onet().values() if profile else None
    occupation = None
    if reference is not None and target and reference.has("interests"):
        try:
            found = reference.interests(target)
        except UserError:
            found = None
        occupation = tuple(found.scores().values()) if found is not None else None
    if person is None and occupation is None:
        return _without(chart, "no interest profile yet; take the interest profiler")
    svg = charts.hexagon_chart(person, occupation, _title(reference, target) if target else "")
    missing = []
    if person is None:
        missing.append("take the interest profiler to add yours")
    if occupation is None:
        missing.append(
            "name a goal with a target occupation"
            if not target
            else f"{INSTALL_HINT} to add the target's"
        )
    caption = chart.caption + (" Not shown: " + "; ".join(missing) + "." if missing else "")
    return Chart(chart.key, chart.title, caption, svg=svg)


def _wage_code(career: Career, target: str | None) -> str | None:
    if target:
        return target
    coded = [j.occupation_code for j in career.jobs if j.occupation_code]
    return coded[-1] if coded else None


def _pay(
    career: Career,
    report: CareerReport,
    reference: Reference | None,
    target: str | None,
    today: date,
) -> Chart:
    chart = Chart(
        "pay",
        "Pay over time",
        "Real full-time-equivalent pay per job (2025 USD) "
        "against the occupation's US wage percentiles (BLS OEWS, USD, May 2025; band: "
        "25th–75th).",
    )
    real = {p.job_id: p.real_annual_pay for p in report.metrics.trajectory}
    points = []
    for job in career.jobs:
        span, annual = entry_span(job, today), real.get(job.id)
        if span is not None and annual is not None and annual > 0:
            points.append(charts.PayPoint(job.title, span[0], span[1], annual))
    if not points:
        # Wage percentiles alone would draw an empty chart: say why there is none instead.
        return _without(
            chart, "no pay is recorded on any job; add the pay and its basis to your jobs"
        )
    code = _wage_code(career, target)
    percentiles: dict[int, float] = {}
    if reference is not None and code and reference.has("wages"):
        try:
            wages = reference.wages(code)
        except UserError:
            wages = None
        if wages is not None:
            percentiles = {k: v for k, v in wages.annual.items() if v is not None}
    occupation = _title(reference, code) if code and percentiles else None
    return _with(chart, charts.pay_chart(points, percentiles, occupation))


def _skills(report: CareerReport) -> Chart:
    chart = Chart(
        "skills",
        "Skills accumulated",
        "Distinct skills named on dated entries, counted from the year each first appeared.",
    )
    if not report.metrics.skills_by_year:
        return _without(chart, "no skills named on dated jobs or activities yet")
    return _with(chart, charts.skills_chart(report.metrics.skills_by_year))


def _gaps_and_plan(
    report: CareerReport, reference: Reference | None, target: str | None
) -> tuple[Chart, list[GapRow], list[PlanRow], str | None]:
    """The gap chart, its rows and the plan, from the report's outlook; or why they are absent."""
    chart = Chart(
        "gaps",
        "Skill gaps to the target",
        "What the target occupation needs "
        "(hatched) against the level your career evidences (solid), largest gap first.",
    )
    if not target:
        reason = "no target occupation; name a goal with one"
        return _without(chart, reason), [], [], reason
    if reference is None:
        return _without(chart, INSTALL_HINT), [], [], INSTALL_HINT
    outlook = report.outlook
    gaps, plan = outlook.gap_report, outlook.plan
    if gaps is None or plan is None or outlook.target != target:
        why = "; ".join(note.text.rstrip(".") for note in outlook.notes) or INSTALL_HINT
        return _without(chart, why), [], [], why
    ranked = gaps.ranked()[:GAP_ROWS]
    tools = [g for g in gaps.technology if g.hot or g.in_demand] or list(gaps.technology)
    chosen = ranked + tools[: max(3, GAP_ROWS - len(ranked))]
    rows = [GapRow(g.name, g.domain, g.level, g.evidenced_level, round(g.score, 2)) for g in chosen]
    plan_rows = [
        PlanRow(i.order, i.name, f"{i.start_month}–{i.end_month}", i.hours, i.activity, i.reason)
        for i in plan.items
    ]
    if not rows:
        return _without(chart, "no gaps to this target"), rows, plan_rows, None
    return _with(chart, charts.gaps_chart([_bar(row) for row in rows])), rows, plan_rows, None


def _bar(row: GapRow) -> charts.GapBar:
    share = row.evidenced / row.required if row.required else 1.0
    if row.domain in ("skills", "knowledge"):
        label = f"{row.evidenced:.1f} of {row.required:.1f}"
    else:
        label = "tool: " + ("partly shown" if row.evidenced > 0 else "not shown")
    return charts.GapBar(f"{row.name} ({row.domain})", share, label)


def build_report_view(
    career: Career,
    report: CareerReport,
    reference: Reference | None,
    target: str | None = None,
    word: Callable[[Advice], str] = plain_words,
) -> ReportView:
    """Everything the HTML and PDF reports show; `target` defaults to the goal's target.

    `word` turns a next step into a sentence: the CLI adds the command that carries it out."""
    today = report.today
    target = target or report.outlook.target
    gap_chart, gaps, plan, plan_unavailable = _gaps_and_plan(report, reference, target)
    missing = list(report.assessment.missing_features)
    view = ReportView(
        name=report.summary.name,
        today=today.isoformat(),
        reference=report.reference_kind or "none",
        facts=_facts(report),
        verdict_counts=report.verdict_counts(),
        verdict_summary=" · ".join(
            count_of(n, name) for name, n in report.verdict_counts().items()
        ),
        verdicts=_verdict_rows(report),
        metrics=_metrics(report),
        charts=[
            _timeline(report, today),
            _hexagon(career, reference, target),
            _pay(career, report, reference, target, today),
            _skills(report),
            gap_chart,
        ],
        target=_title(reference, target) if target else None,
        gaps=gaps,
        plan=plan,
        plan_unavailable=plan_unavailable,
        next_steps=[word(step) for step in report.next_steps],
        missing=missing,
    )
    return clean_strings(view)
