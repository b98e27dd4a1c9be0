"""Property tests of the JSON API from its own OpenAPI schema: no request makes a server error.

The app is built once for the module (schemathesis needs it at collection time); every
generated request carries a valid CSRF cookie and header, so writes are exercised too.
"""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from careerset.web.app import create_app
from careerset.web.security import CSRF_COOKIE, CSRF_HEADER, LOOPBACK_HOSTS

_FOLDER = Path(tempfile.mkdtemp(prefix="careerset-fuzz-"))
APP = create_app(
    str(_FOLDER / "store.sqlite"),
    "default",
    allowed_hosts=LOOPBACK_HOSTS | {"testserver", "localhost"},
)
COOKIE = "fuzzing-session-cookie-0123456789"
HEADERS = {CSRF_HEADER: APP.state.csrf.token_for(COOKIE)}

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.include(path_regex="^/api/").parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    response = case.call(headers=HEADERS, cookies={CSRF_COOKIE: COOKIE})
    case.validate_response(response, checks=[not_a_server_error])


def test_openapi_documents_every_api_route() -> None:
    paths = APP.openapi()["paths"]
    for path in (
        "/api/entries",
        "/api/entries/{entry_id}",
        "/api/code",
        "/api/assessment",
        "/api/occupations",
        "/api/next-steps",
        "/api/status",
        "/api/report",
    ):
        assert path in paths


@pytest.fixture(autouse=True, scope="module")
def _isolated() -> Iterator[None]:
    """Keep the coder's index files out of the user's folders; close the store at the end."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREERSET_HOME", str(_FOLDER / "home"))
        patch.delenv("CAREERSET_REFERENCE_DIR", raising=False)
        yield
    APP.state.context.store.close()
