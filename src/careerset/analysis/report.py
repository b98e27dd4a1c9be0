"""The career report as data: the set at a glance, every verdict, the metrics, and three next steps.

Renderers (text today; HTML and PDF later) format a `CareerReport`; none of them computes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from careerset.analysis.occupations import OccupationFacts
from careerset.analysis.outlook import Outlook, build_outlook
from careerset.analysis.summary import CareerSummary, summarize
from careerset.analysis.trajectory import CareerMetrics, career_metrics
from careerset.analysis.verdict import CAREER_STEP, JOB, STEPPING_STONE, Assessment, assess_career
from careerset.analysis.weights import DEFAULT_WEIGHTS, VerdictWeights
from careerset.model.career import Career
from careerset.reference.protocol import Reference
from careerset.wording import count_of


@dataclass(frozen=True)
class CareerReport:
    """Everything a report shows, computed once."""

    today: date
    summary: CareerSummary
    assessment: Assessment
    metrics: CareerMetrics
    next_steps: list[str]
    reference_kind: str | None
    outlook: Outlook

    def verdict_counts(self) -> dict[str, int]:
        counts = {CAREER_STEP: 0, STEPPING_STONE: 0, JOB: 0}
        for verdict in self.assessment.verdicts:
            counts[verdict.verdict] += 1
        return counts

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.today.isoformat(),
            "reference": self.reference_kind,
            "summary": asdict(self.summary),
            "verdict_counts": self.verdict_counts(),
            "assessment": self.assessment.to_list(),
            "missing": {
                "inputs": self.assessment.missing_inputs,
                "reference_features": self.assessment.missing_features,
            },
            "metrics": self.metrics.to_dict(),
            "next_steps": self.next_steps,
            "outlook": self.outlook.to_dict(),
        }


def next_steps(career: Career, assessment: Assessment, metrics: CareerMetrics) -> list[str]:
    """Three lines of what to do next, most useful first. A line that a command carries out
    ends with it, as ": `careerset ...`." (the web app shows a link to its page instead)."""
    steps: list[str] = []
    if "goal" in assessment.missing_inputs:
        steps.append(
            "Name where you are heading, a goal with a target occupation: `careerset add goal`."
        )
    if "interest_profile" in assessment.missing_inputs:
        steps.append("Take the interest profiler, about 10 minutes: `careerset interests take`.")
    if "reference" in assessment.missing_inputs:
        steps.append(
            "Install the full reference data for sharper verdicts: `careerset data install`."
        )
    for target in assessment.targets[:1]:
        steps.append(
            f"See which skills stand between you and {target}: `careerset gaps --target {target}`."
        )
    current = [v for v in assessment.verdicts if v.job.end == "present"]
    if current and all(v.verdict == JOB for v in current):
        steps.append(
            "Your current work is not building your career; look for stepping stones: "
            + (
                f"`careerset paths --target {assessment.targets[0]}`."
                if assessment.targets
                else "`careerset paths --target CODE`."
            )
        )
    if metrics.current_streak_weeks == 0:
        longest = metrics.longest_streak_weeks
        tail = f" (your longest run was {longest} weeks)" if longest else ""
        steps.append(
            f"Log one learning activity this week to start a streak{tail}: "
            "`careerset add activity`."
        )
    if metrics.contacts_recent < 3:
        steps.append(
            f"Reconnect with people in your field ({count_of(metrics.contacts_recent, 'contact')} in the "
            "last year) and record them: `careerset add contact`."
        )
    steps.append(
        "Keep your record current: add new jobs, certifications and activities as they happen."
    )
    return steps[:3]


def build_report(
    career: Career,
    today: date,
    reference: Reference | None,
    weights: VerdictWeights = DEFAULT_WEIGHTS,
    reference_kind: str | None = None,
) -> CareerReport:
    """Assess every job, measure the career and pick the next steps, sharing one lookup cache."""
    facts = OccupationFacts(reference)
    assessment = assess_career(career, today, reference, weights, facts)
    metrics = career_metrics(career, today, assessment, facts)
    return CareerReport(
        today=today,
        summary=summarize(career, today),
        assessment=assessment,
        metrics=metrics,
        next_steps=next_steps(career, assessment, metrics),
        reference_kind=reference_kind,
        outlook=build_outlook(career, reference, today),
    )
