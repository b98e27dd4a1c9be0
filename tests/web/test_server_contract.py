"""The OpenAPI contract of the server-mode routes this app's sign-in and status touch: generated
requests from a signed-in browser get no server error and no status the document leaves out."""

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, status_code_conformance

from careerset.web.app import create_app
from careerset.web.security import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE

_FOLDER = Path(tempfile.mkdtemp(prefix="careerset-contract-"))
APP = create_app(str(_FOLDER / "store.sqlite"), None, allowed_hosts=None, server=True)
STORE = APP.state.context.store
with STORE.transaction() as _session:
    ACTOR = _session.create_user("contract@example.org", "correct horse battery", "client")
CSRF = "contract-csrf-cookie-0123456789"
ROUTES = "^/(login|logout|account|account/password|api/status|exchange/import)$"

schema = schemathesis.openapi.from_dict(APP.openapi())
schema.app = APP


@pytest.fixture
def signed_in() -> tuple[dict[str, str], dict[str, str]]:
    """Headers and cookies of a fresh session (each case may sign out or change the password)."""
    with STORE.transaction() as session:
        token = session.start_session(ACTOR)
    header = APP.state.csrf.token_for(f"{CSRF}\n{token}")
    return {CSRF_HEADER: header}, {CSRF_COOKIE: CSRF, SESSION_COOKIE: token}


@schema.include(path_regex=ROUTES).parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_touched_routes_answer_only_what_they_document(
    case: schemathesis.Case, signed_in: tuple[dict[str, str], dict[str, str]]
) -> None:
    headers, cookies = signed_in
    response = case.call(headers=headers, cookies=cookies, allow_redirects=False)
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
