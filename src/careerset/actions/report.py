"""The assessment and the career report: verdicts alone for `assess`, and the whole report
(with "where to go next" from the next-steps use case) for `report`, the demo and the web."""

from __future__ import annotations

from datetime import date

from careerset.actions.assessment import assess
from careerset.actions.next_steps import next_steps
from careerset.analysis.outlook import Outlook, summarize_outlook
from careerset.analysis.report import CareerReport, build_report
from careerset.analysis.targets import default_target
from careerset.facts.protocol import Reference
from careerset.model.career import Career
from careerset.next_action import Advice, NextAction

__all__ = ["assess", "assessment_report", "career_report", "outlook_for"]


def outlook_for(career: Career, reference: Reference | None, today: date) -> Outlook:
    """The brief "where to go next" for the goal's target, from the next-steps use case."""
    target = default_target(career)
    if target is None:
        note = Advice("There is no goal with a target occupation yet.", NextAction("add_goal"))
        return Outlook(None, notes=(note,))
    if reference is None or not reference.has("skills"):
        note = Advice(
            "Skill gaps and paths need the full reference data.", NextAction("install_data")
        )
        return Outlook(target, notes=(note,))
    steps = next_steps(career, reference, target, today, explore_limit=0)
    notes = tuple(Advice(error.message, error.action) for _, error in steps.problem_lines())
    plan = None if steps.plan is None else steps.plan.plan
    title = None
    if steps.gaps is None and "gaps" in steps.problems:
        return Outlook(target, notes=notes)
    return summarize_outlook(target, title, steps.gaps, steps.paths, plan, notes)


def assessment_report(career: Career, reference: Reference | None, today: date) -> CareerReport:
    """Verdicts, metrics and next steps without "where to go next" (no gaps or paths computed)."""
    kind = None if reference is None else reference.kind
    return build_report(career, today, reference, reference_kind=kind)


def career_report(career: Career, reference: Reference | None, today: date) -> CareerReport:
    """Everything the report shows: summary, verdicts, metrics, next steps and the outlook."""
    kind = None if reference is None else reference.kind
    outlook = outlook_for(career, reference, today)
    return build_report(career, today, reference, reference_kind=kind, outlook=outlook)
