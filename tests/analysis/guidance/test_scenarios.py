"""The coach scenarios of benchmarks/guidance.py, each a test on the real pack."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from careerset.reference.query import ReferencePack


def _benchmark() -> ModuleType:
    # benchmarks/ is not a package on the test path; load the one file by location.
    path = Path(__file__).resolve().parents[3] / "benchmarks" / "guidance.py"
    spec = importlib.util.spec_from_file_location("guidance_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GUIDANCE = _benchmark()


def test_there_are_at_least_twelve_scenarios_with_sources() -> None:
    assert len(GUIDANCE.SCENARIOS) >= 12
    assert all(s.source for s in GUIDANCE.SCENARIOS)


@pytest.mark.parametrize("scenario", GUIDANCE.SCENARIOS, ids=lambda s: s.name)
def test_a_coach_would_sign_it(pack: ReferencePack, scenario: object) -> None:
    outcome = GUIDANCE.run_scenario(pack, scenario)
    assert outcome.checked >= 8
    assert outcome.failed == []
