"""Store round trips: any career saved, exported, imported elsewhere and exported again is unchanged."""

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from careerset.interchange.json_resume import career_to_json_resume, json_resume_to_career
from careerset.interchange.yaml_backup import career_to_document, document_to_career, dump_yaml
from careerset.model import Career
from careerset.store.repository import Store
from strategies import careers, examples

_names = (f"p{n}" for n in itertools.count())


def _save_and_load(store: Store, career: Career) -> Career:
    profile = next(_names)
    with store.transaction() as session:
        session.replace_career(profile, career)
    with store.transaction() as session:
        return session.load_career(profile)


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(career=careers())
def test_yaml_export_import_export_is_byte_identical(tmp_path: Path, career: Career) -> None:
    first_store = Store.open(str(tmp_path / "first.sqlite"))
    second_store = Store.open(str(tmp_path / "second.sqlite"))
    try:
        document = career_to_document(_save_and_load(first_store, career))
        first = dump_yaml(document)
        second = dump_yaml(
            career_to_document(_save_and_load(second_store, document_to_career(document)))
        )
    finally:
        first_store.close()
        second_store.close()
    assert second == first


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(career=careers())
def test_json_resume_export_import_export_is_equal(tmp_path: Path, career: Career) -> None:
    store = Store.open(str(tmp_path / "store.sqlite"))
    try:
        first = career_to_json_resume(_save_and_load(store, career))
        second = career_to_json_resume(_save_and_load(store, json_resume_to_career(first)))
    finally:
        store.close()
    assert second == first
