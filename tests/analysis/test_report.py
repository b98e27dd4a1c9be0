"""The report's data and its plain-text rendering."""

import json

from careerset.analysis.report import build_report
from careerset.model.career import Career
from careerset.render.report_text import render_text

from .memory_reference import MemoryReference  # type: ignore[import-not-found]
from .verdict_cases import FAR_FROM_GOAL, NURSE, TODAY  # type: ignore[import-not-found]


def test_report_has_every_part() -> None:
    report = build_report(NURSE.career(), TODAY, MemoryReference(), reference_kind="memory")
    assert report.verdict_counts() == {"career step": 3, "stepping stone": 0, "job": 1}
    assert len(report.next_steps) == 3
    text = render_text(report)
    for heading in (
        "THE SET AT A GLANCE",
        "JOB OR CAREER?",
        "THE CAREER AS A WHOLE",
        "WHAT TO DO NEXT",
    ):
        assert heading in text
    assert "Cashier (2010-06 to 2011-08)\n  JOB, score" in text
    assert "CAREER STEP, score" in text
    assert "Time in career steps: 92%" in text
    data = json.loads(json.dumps(report.to_dict(), default=str))
    assert data["verdict_counts"]["career step"] == 3
    assert len(data["assessment"]) == 4 and len(data["next_steps"]) == 3


def test_next_steps_point_at_what_is_missing() -> None:
    report = build_report(FAR_FROM_GOAL.career(), TODAY, None)
    steps = report.next_steps
    assert len(steps) == 3
    assert [step.action.kind for step in steps if step.action] == [
        "take_profiler",
        "install_data",
        "show_gaps",
    ]
    assert steps[2].action is not None and steps[2].action.arguments == {"target": "15-1252.00"}
    assert not any("careerset" in step.text for step in steps)


def test_empty_career_report() -> None:
    report = build_report(Career(), TODAY, None)
    text = render_text(report)
    assert "No jobs recorded yet" in text
    assert len(report.next_steps) == 3
