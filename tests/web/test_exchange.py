"""Import and export in the browser: uploads, downloads, backups and the CV formats."""

import io
import json
import tempfile
import zipfile

import pytest
from fastapi.testclient import TestClient

from careerset.web.cv_formats import FORMATS, availability

from .web_helpers import Token, add  # type: ignore[import-not-found]

# Touches SQL (writes, imports, accounts, access): `make test` runs it on PostgreSQL too.
pytestmark = pytest.mark.sql


def test_json_resume_export_imports_back(client: TestClient, token: Token) -> None:
    csrf = token()
    add(client, csrf, "job", title="Registered nurse", organization="St. Mary", start="2019-03")
    add(client, csrf, "certification", name="BLS Provider", date="2023-05")
    exported = client.get("/exchange/export/jsonresume")
    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    document = exported.json()
    assert document["work"][0]["position"] == "Registered nurse"
    imported = client.post(
        "/exchange/import",
        data={"csrf_token": csrf, "replace": "true"},
        files={"file": ("resume.json", exported.content, "application/json")},
    )
    assert imported.status_code == 200 and "Imported" in imported.text
    titles = [e.get("title") for e in client.get("/api/entries?kind=job").json()]
    assert titles == ["Registered nurse"]


def test_yaml_export_and_backup(client: TestClient, token: Token) -> None:
    add(client, token(), "skill", name="Triage")
    assert "Triage" in client.get("/exchange/export/yaml").text
    backup = client.get("/exchange/backup")
    assert backup.status_code == 200 and "Triage" in backup.text
    assert client.get("/exchange/export/pdf").status_code == 400


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("empty.json", b"", "empty"),
        ("bad.json", b"\xff\xfe\x00", "UTF-8"),
        ("broken.json", b"{not json", "JSON"),
    ],
)
def test_bad_uploads_say_why(
    client: TestClient, token: Token, name: str, body: bytes, message: str
) -> None:
    response = client.post(
        "/exchange/import",
        data={"csrf_token": token()},
        files={"file": (name, body, "application/octet-stream")},
    )
    assert response.status_code == 400
    assert message in response.text


def _many_members() -> bytes:
    """A zip with more members than careerset accepts from a LinkedIn export."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(5001):
            archive.writestr(f"f{number}.csv", b"x")
    return buffer.getvalue()


def _bad_checksum() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Profile.csv", b"First Name,Last Name\nAna,Diaz\n")
    data = bytearray(buffer.getvalue())
    data[data.find(b"Ana")] = ord("B")
    return bytes(data)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_many_members(), "export.zip holds 5001 files"),
        (_bad_checksum(), "export.zip is not a readable zip archive"),
    ],
)
def test_a_refused_zip_names_the_upload_not_a_server_path(
    client: TestClient, token: Token, body: bytes, message: str
) -> None:
    response = client.post(
        "/exchange/import",
        data={"csrf_token": token()},
        files={"file": ("export.zip", body, "application/zip")},
    )
    assert response.status_code == 400
    assert message in response.text
    assert tempfile.gettempdir() not in response.text and "linkedin-export" not in response.text


@pytest.mark.parametrize("cv_format", [f.key for f in FORMATS])
def test_cv_download_in_every_available_format(
    client: TestClient, token: Token, cv_format: str
) -> None:
    reason = availability()[cv_format]
    if reason is not None:
        pytest.skip(f"{cv_format}: {reason}")
    add(client, token(), "job", title="Registered nurse", start="2019")
    response = client.get(f"/cv/download/{cv_format}")
    assert response.status_code == 200
    assert len(response.content) > 50
    if cv_format == "pdf":
        assert response.content.startswith(b"%PDF")
    if cv_format == "jsonresume":
        assert json.loads(response.content)["work"]


def test_cv_preview_runs_nothing(client: TestClient) -> None:
    if availability()["html"] is not None:
        pytest.skip("the HTML CV renderer is not available")
    response = client.get("/cv/preview")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy
    assert client.get("/cv/download/nothing").status_code == 404
