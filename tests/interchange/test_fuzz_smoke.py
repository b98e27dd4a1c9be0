"""A small run of benchmarks/fuzz.py: every importer meets mutated and generated input calmly."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

FUZZ = Path(__file__).parents[2] / "benchmarks" / "fuzz.py"


def load_fuzzer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("careerset_fuzz", FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [11])
def test_two_thousand_fuzz_cases_raise_nothing_but_user_errors(seed: int, tmp_path: Path) -> None:
    fuzz = load_fuzzer()
    report = fuzz.run_fuzz(2000, seed=seed, crashes=tmp_path / "crashes")
    failures = [f"{target}: {trace.splitlines()[-1]}" for target, trace, _ in report.failures]
    assert failures == []
    assert sum(report.cases.values()) == 2000
    assert set(report.cases) == set(fuzz.TARGETS)
    assert all(report.accepted[target] for target in fuzz.TARGETS), report.accepted
