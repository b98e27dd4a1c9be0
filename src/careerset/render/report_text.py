"""The career report as plain text: the set at a glance, the verdicts, the metrics, next steps.

One of the report's renderers (HTML and PDF are to follow); it formats, it never computes.
"""

from __future__ import annotations

from collections.abc import Callable

from careerset.analysis.outlook import Outlook
from careerset.analysis.report import CareerReport
from careerset.analysis.verdict import JobVerdict
from careerset.next_action import Advice, plain_words
from careerset.wording import count_of


def _rule(title: str) -> list[str]:
    return ["", title.upper(), "-" * len(title)]


def _period(verdict: JobVerdict) -> str:
    job = verdict.job
    start = str(job.start) if job.start is not None else "?"
    end = str(job.end) if job.end is not None else "?"
    return f"{start} to {end}"


def _glance(report: CareerReport) -> list[str]:
    summary = report.summary
    title = f"Career report: {summary.name}" if summary.name else "Career report"
    counts = ", ".join(count_of(n, kind) for kind, n in summary.counts.items())
    lines = [title, "=" * len(title), f"As of {report.today.isoformat()}."]
    lines += _rule("The set at a glance")
    lines.append(counts or "No entries yet.")
    lines.append(
        f"{count_of(summary.years_worked, 'year')} of work with "
        f"{count_of(len(summary.employers), 'employer')}."
    )
    if summary.current_roles:
        lines.append("Now: " + "; ".join(summary.current_roles) + ".")
    if summary.skills:
        lines.append("Top skills: " + ", ".join(name for name, _ in summary.skills[:8]) + ".")
    lines += [f"Goal: {goal}" for goal in summary.goals]
    return lines


def _verdicts(report: CareerReport) -> list[str]:
    lines = _rule("Job or career?")
    verdicts = report.assessment.verdicts
    if not verdicts:
        return [*lines, "No jobs recorded yet; add your jobs first."]
    counts = report.verdict_counts()
    lines.append(", ".join(count_of(n, name) for name, n in counts.items() if n) + ".")
    for verdict in verdicts:
        lines.append("")
        lines.append(f"{verdict.job.label} ({_period(verdict)})")
        lines.append(f"  {verdict.verdict.upper()}, score {verdict.score:.2f}")
        for reason in verdict.reasons[:3]:
            lines.append(f"  - {reason}")
        if verdict.missing:
            lines.append("  Not judged: " + ", ".join(m.replace("_", " ") for m in verdict.missing))
    return lines


def _metrics(report: CareerReport) -> list[str]:
    metrics = report.metrics
    lines = _rule("The career as a whole")
    if metrics.career_step_share is not None:
        lines.append(f"Time in career steps: {metrics.career_step_share:.0%} of working time.")
    pays = [p for p in metrics.trajectory if p.real_annual_pay is not None]
    if len(pays) >= 2:
        first, last = pays[0], pays[-1]
        assert first.real_annual_pay is not None and last.real_annual_pay is not None
        lines.append(
            f"Real pay (2025 USD, full-time equivalent): {first.real_annual_pay:,.0f} "
            f"({first.title}) to {last.real_annual_pay:,.0f} ({last.title})."
        )
    zones = [str(p.job_zone) for p in metrics.trajectory if p.job_zone is not None]
    if zones:
        lines.append("Job zones over time: " + " > ".join(zones) + ".")
    lines.append(f"Skills accumulated: {metrics.skills_total}.")
    lines.append(
        f"Upskilling: {metrics.learning_hours_per_year:g} learning hours and "
        f"{count_of(metrics.certifications_per_year, 'certification')} per year."
    )
    lines.append(
        f"Network: {count_of(metrics.contacts_total, 'contact')}, "
        f"{metrics.contacts_recent} in touch this year."
    )
    lines.append(
        f"Consistency: current weekly streak {metrics.current_streak_weeks}, "
        f"longest {metrics.longest_streak_weeks}."
    )
    if metrics.gaps:
        longest = max(metrics.gaps, key=lambda gap: gap.months)
        lines.append(
            f"Gaps between jobs: {len(metrics.gaps)}, longest {count_of(longest.months, 'month')} "
            f"({longest.start} to {longest.end})."
        )
    return lines


def outlook_lines(outlook: Outlook, word: Callable[[Advice], str] = plain_words) -> list[str]:
    """The "where to go next" section: top gaps to the goal and one stepping-stone path."""
    lines = _rule("Where to go next")
    if outlook.target:
        lines.append(f"Goal: {outlook.target_title or outlook.target} ({outlook.target})")
    for number, gap in enumerate(outlook.gaps, start=1):
        lines.append(f"  {number}. {gap.sentence or gap.name}")
    if outlook.path:
        lines.append("  A way there: " + " -> ".join(outlook.path))
    lines += [f"  ({word(note)})" for note in outlook.notes]
    return lines


def render_text(report: CareerReport, word: Callable[[Advice], str] = plain_words) -> str:
    """The whole report as plain text (no colour, no markup), ending in a newline; `word`
    turns each next step into a sentence (the CLI adds its command)."""
    lines = _glance(report) + _verdicts(report) + _metrics(report)
    lines += outlook_lines(report.outlook, word)
    lines += _rule("What to do next")
    lines += [f"{n}. {word(step)}" for n, step in enumerate(report.next_steps, start=1)]
    missing = report.assessment.missing_features
    if missing:
        lines += ["", "Reference data not available: " + ", ".join(missing) + "."]
    return "\n".join(lines) + "\n"
