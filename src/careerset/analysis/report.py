"""The career report as data: the set at a glance, every verdict, the metrics, and three next steps.

Renderers (text today; HTML and PDF later) format a `CareerReport`; none of them computes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from careerset.analysis.occupations import OccupationFacts
from careerset.analysis.outlook import Outlook
from careerset.analysis.summary import CareerSummary, summarize
from careerset.analysis.trajectory import CareerMetrics, career_metrics
from careerset.analysis.verdict import CAREER_STEP, JOB, STEPPING_STONE, Assessment, assess_career
from careerset.analysis.weights import DEFAULT_WEIGHTS, VerdictWeights
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.next_action import Advice, NextAction
from careerset.wording import count_of


@dataclass(frozen=True)
class CareerReport:
    """Everything a report shows, computed once."""

    today: date
    summary: CareerSummary
    assessment: Assessment
    metrics: CareerMetrics
    next_steps: list[Advice]
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
            "next_steps": [step.to_dict() for step in self.next_steps],
            "outlook": self.outlook.to_dict(),
        }


def next_steps(career: Career, assessment: Assessment, metrics: CareerMetrics) -> list[Advice]:
    """Three things to do next, most useful first, each with the action that carries it out."""
    steps: list[Advice] = []
    if "goal" in assessment.missing_inputs:
        steps.append(
            Advice(
                "Name where you are heading: a goal with a target occupation.",
                NextAction("add_goal"),
            )
        )
    if "interest_profile" in assessment.missing_inputs:
        steps.append(
            Advice("Take the interest profiler, about 10 minutes.", NextAction("take_profiler"))
        )
    if "reference" in assessment.missing_inputs:
        steps.append(
            Advice(
                "Install the full reference data for sharper verdicts.", NextAction("install_data")
            )
        )
    for target in assessment.targets[:1]:
        steps.append(
            Advice(
                f"See what stands between you and {target}.",
                NextAction("show_gaps", {"target": target}),
            )
        )
    current = [v for v in assessment.verdicts if v.job.end == "present"]
    if current and all(v.verdict == JOB for v in current):
        arguments = {"target": assessment.targets[0]} if assessment.targets else {}
        steps.append(
            Advice(
                "Your current work is not building your career; look for stepping stones.",
                NextAction("show_paths", arguments),
            )
        )
    if metrics.current_streak_weeks == 0:
        longest = metrics.longest_streak_weeks
        tail = f" (your longest run was {count_of(longest, 'week')})" if longest else ""
        steps.append(
            Advice(
                f"Log one learning activity this week to start a streak{tail}.",
                NextAction("add_activity"),
            )
        )
    if metrics.contacts_recent < 3:
        recent = count_of(metrics.contacts_recent, "contact")
        steps.append(
            Advice(
                f"Reconnect with people in your field ({recent} in the last year) and record them.",
                NextAction("add_contact"),
            )
        )
    steps.append(
        Advice(
            "Keep your record current: add new jobs, certifications and activities as they happen."
        )
    )
    return steps[:3]


def build_report(
    career: Career,
    today: date,
    reference: Reference | None,
    weights: VerdictWeights = DEFAULT_WEIGHTS,
    reference_kind: str | None = None,
    outlook: Outlook | None = None,
) -> CareerReport:
    """Assess every job, measure the career and pick the next steps, sharing one lookup cache.

    `outlook` is the summary of the next-steps use case (`careerset.actions.report` passes it);
    without one the report has no "where to go next"."""
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
        outlook=outlook or Outlook(None),
    )
