import json
from hypothesis import given, settings, HealthCheck
from tests.strategies import careers
from careerset.interchange.json_resume import *
from careerset.interchange.yaml_backup import *

@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(careers())
def test_jr(career):
    first = career_to_json_resume(career)
    validate_json_resume(first)
    again = career_to_json_resume(load_json_resume_text(json.dumps(first, ensure_ascii=False)))
    assert again == first

@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(careers())
def test_yaml(career):
    text = dump_yaml(career_to_document(career))
    again = dump_yaml(career_to_document(document_to_career(load_yaml_text(text))))
    assert again == text
