"""LinkedIn export import: the hand-made fixture export, encodings, dates, merging and hostile zips."""

import codecs
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from careerset.errors import UserError
from careerset.interchange.linkedin import load_linkedin_export
from careerset.interchange.linkedin_archive import ArchiveLimits, read_export_files
from careerset.interchange.linkedin_csv import decode_csv, parse_date, read_rows
from careerset.interchange.merge import plan_merge
from careerset.model.career import Career
from careerset.model.dates import PRESENT, PartialDate
from careerset.model.entries import Certification, Contact, Education, Skill
from careerset.model.enums import EmploymentType

EXPORT = Path(__file__).parent / "data" / "linkedin"
WANTED = frozenset({"positions.csv", "skills.csv"})


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.fixture(scope="module")
def career() -> Career:
    return load_linkedin_export(EXPORT)


def test_every_position_is_imported_with_its_dates(career: Career) -> None:
    jobs = {
        (job.organization, job.title): (job.start, job.end)
        for job in career.jobs
        if job.employment_type != EmploymentType.VOLUNTEER
    }
    assert jobs == {
        ("Harborview Logistics", "Operations Director"): (d("2022-01"), PRESENT),
        ("Harborview Logistics", "Senior Operations Analyst"): (d("2019-03"), d("2021-12")),
        ("Harborview Logistics", "Operations Analyst"): (d("2017-06"), d("2019-02")),
        ("Cascadia Freight Co.", "Dispatch Coordinator"): (d("2015-08"), d("2017-05")),
        ("Rose City Coffee", "Shift Supervisor"): (d("2013"), d("2015")),
        ("Willamette University", "Research Assistant"): (d("2012-09"), d("2013-05")),
        ("Pacific Rim Imports", "Summer Intern – Customs"): (d("2012-06"), d("2012-08")),
    }


def test_several_roles_at_one_employer_are_grouped(career: Career) -> None:
    groups = {group.organization: group.jobs for group in career.employer_groups()}
    harborview = [job.title for job in groups["Harborview Logistics"]]
    assert harborview == ["Operations Analyst", "Senior Operations Analyst", "Operations Director"]
    assert all(len(jobs) == 1 for name, jobs in groups.items() if name != "Harborview Logistics")


def test_descriptions_split_into_summary_and_highlights(career: Career) -> None:
    director = next(job for job in career.jobs if job.title == "Operations Director")
    assert director.summary == "Leads three distribution centres and 140 staff."
    assert director.highlights == [
        "Cut dock-to-stock time from 26 to 9 hours",
        "Introduced weekly S&OP with finance",
    ]
    assert director.location == "Portland, Oregon, United States"


def test_extra_columns_are_kept_in_extra(career: Career) -> None:
    director = next(job for job in career.jobs if job.title == "Operations Director")
    assert director.extra == {"linkedin": {"Employment Type": "Full-time"}}
    masters = next(e for e in career.education if e.institution == "Portland State University")
    assert masters.extra["linkedin"]["Grade"] == "3.9"


def test_volunteering_is_a_current_volunteer_job(career: Career) -> None:
    (volunteer,) = [j for j in career.jobs if j.employment_type == EmploymentType.VOLUNTEER]
    assert (volunteer.organization, volunteer.title) == (
        "Oregon Food Bank",
        "Warehouse Volunteer Lead",
    )
    assert (
        volunteer.end == PRESENT and volunteer.extra["linkedin"]["Cause"] == "Poverty Alleviation"
    )


def test_every_school_is_imported(career: Career) -> None:
    schools = {(e.institution, e.study_type, e.start, e.end) for e in career.of_type(Education)}
    assert schools == {
        ("Portland State University", "Master of Science - MS", d("2018"), d("2020")),
        ("Willamette University", "Bachelor of Arts - BA", d("2009"), d("2013")),
        ("Portland Community College", "Certificate in Logistics", d("2016-09"), d("2016-12")),
    }


def test_every_skill_is_imported_from_a_file_with_a_bom(career: Career) -> None:
    assert [skill.name for skill in career.of_type(Skill)] == [
        "Supply Chain Management",
        "SQL",
        "Lean Six Sigma",
        "Python (Programming Language)",
        "Tableau",
        "Demand Forecasting",
        "Vendor Negotiation",
        "Team Leadership",
    ]


def test_every_certification_is_imported(career: Career) -> None:
    found = {
        (c.name, c.issuer, c.date, c.expiry, c.credential_id) for c in career.of_type(Certification)
    }
    assert found == {
        (
            "Certified Supply Chain Professional (CSCP)",
            "ASCM",
            d("2020-04"),
            d("2025-04"),
            "CSCP-204871",
        ),
        ("Lean Six Sigma Green Belt", "IASSC", d("2018-11"), None, None),
        ("Tableau Desktop Specialist", "Tableau", d("2021-02"), None, "TDS-559102"),
    }


def test_the_rest_of_the_export(career: Career) -> None:
    kinds = [entry.kind for entry in career.entries]
    assert kinds.count("project") == 2 and kinds.count("publication") == 1
    assert kinds.count("accomplishment") == 1 and "contact" not in kinds
    project = next(e for e in career.entries if e.kind == "project" and e.label.startswith("Route"))
    assert "café" in str(getattr(project, "summary", ""))  # cp1252 file decoded
    person = career.person
    assert (person.name, person.email, person.phone) == (
        "Priya Ramanathan",
        "priya.ramanathan@example.com",
        "+1 503 555 0147",
    )
    assert person.location is not None and person.location.city == "Portland"
    assert person.url == "https://priya-ramanathan.example.com"
    assert [(p.network, p.username) for p in person.profiles] == [
        ("X", "priyaops"),
        ("GitHub", "priya-example"),
    ]
    assert [lang.language for lang in person.languages] == ["English", "Tamil", "Spanish"]
    assert person.extra["linkedin"]["Courses"] == ["Operations Research", "Statistics for Managers"]


def test_connections_become_contacts_only_when_asked(career: Career) -> None:
    contacts = load_linkedin_export(EXPORT, connections=True).of_type(Contact)
    assert [(c.name, c.organization, c.met) for c in contacts] == [
        ("Dana Whitfield", "Harborview Logistics", d("2019-03-15")),
        ("Marcus Oyelaran", "Cascadia Freight Co.", d("2016-08-02")),
    ]
    assert contacts[1].extra["linkedin"]["Email Address"] == "marcus.oyelaran@example.com"


def test_reimporting_the_same_export_changes_nothing(career: Career) -> None:
    plan = plan_merge(career, load_linkedin_export(EXPORT))
    assert plan.is_empty and len(plan.unchanged) == len(career.entries)


def test_an_edited_copy_applies_only_the_edits(career: Career, tmp_path: Path) -> None:
    edited = tmp_path / "export"
    shutil.copytree(EXPORT, edited)
    positions = edited / "Positions.csv"
    text = positions.read_text("utf-16").replace(
        'Owned the network model for 14 facilities.,"Portland, Oregon, United States",Mar 2019,Dec 2021',
        'Owned the network model for 15 facilities.,"Portland, Oregon, United States",Mar 2019,Jan 2022',
    )
    positions.write_text(text, encoding="utf-16")
    skills = edited / "Skills.csv"
    skills.write_bytes(skills.read_bytes() + b"Warehouse Automation\r\n")
    plan = plan_merge(career, load_linkedin_export(edited))
    assert [entry.label for entry in plan.added] == ["Warehouse Automation"]
    (change,) = plan.changed
    assert change.before.label == "Senior Operations Analyst at Harborview Logistics"
    assert {c.field: (c.old, c.new) for c in change.changes} == {
        "end": ("2021-12", "2022-01"),
        "summary": (
            "Owned the network model for 14 facilities.",
            "Owned the network model for 15 facilities.",
        ),
    }
    assert not plan.person_changes


def test_missing_files_are_fine(tmp_path: Path) -> None:
    (tmp_path / "Positions.csv").write_text("Company Name,Title,Started On\nAcme,Welder,2019\n")
    career = load_linkedin_export(tmp_path)
    (job,) = career.jobs
    assert (job.organization, job.title, job.start, job.end) == (
        "Acme",
        "Welder",
        d("2019"),
        PRESENT,
    )


def test_a_too_long_value_in_a_profile_file_is_one_user_error(tmp_path: Path) -> None:
    (tmp_path / "Languages.csv").write_text("Name,Proficiency\n" + "x" * 400 + ",Native\n")
    with pytest.raises(UserError, match="languages.0.language"):
        load_linkedin_export(tmp_path)


def test_a_folder_without_export_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(UserError, match="none of LinkedIn's files"):
        load_linkedin_export(tmp_path)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_the_zip_reads_like_the_folder(career: Career, tmp_path: Path) -> None:
    members = {f"Basic_LinkedInDataExport/{p.name}": p.read_bytes() for p in EXPORT.glob("*.csv")}
    archive = _zip(tmp_path / "export.zip", members)
    assert load_linkedin_export(archive) == career


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mar 2019", "2019-03"),
        ("March 2019", "2019-03"),
        ("Sept 2019", "2019-09"),
        ("2019", "2019"),
        ("15 Mar 2024", "2024-03-15"),
        ("Mar 15, 2019", "2019-03-15"),
        ("2019-03", "2019-03"),
        ("2019-03-15", "2019-03-15"),
        ("2021-04-02 18:40:01 UTC", "2021-04-02"),
        ("3/15/24", "2024-03-15"),
        ("03/15/2024, 10:11 AM", "2024-03-15"),
        ("  mar   2019 ", "2019-03"),
    ],
)
def test_linkedin_dates(raw: str, expected: str) -> None:
    assert parse_date(raw, "here") == PartialDate.parse(expected)


@pytest.mark.parametrize("raw", ["Marchy 2019", "13/45/2020", "Feb 30, 2020", "yesterday", "0999"])
def test_bad_dates_are_one_user_error(raw: str) -> None:
    with pytest.raises(UserError, match="^Positions.csv line 2"):
        parse_date(raw, "Positions.csv line 2, column 'Started On'")


def test_an_empty_date_is_none() -> None:
    assert parse_date("  ", "here") is None


TEXT = "Name\nZoë’s café\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "utf-16-le-no-bom", "cp1252"],
)
def test_encodings(data: bytes) -> None:
    assert decode_csv(data, "Skills.csv") == TEXT


def test_bytes_cp1252_lacks_fall_back_to_latin_1() -> None:
    assert decode_csv(b"Name\n\x81x\n", "Skills.csv") == "Name\n\x81x\n"


def test_notes_lines_before_the_header_are_skipped() -> None:
    text = 'Notes:\n"Some, notes"\n\nFirst Name,Last Name\nAda,Lovelace\n'
    (row,) = read_rows(text, "Connections.csv", frozenset({"first name", "last name"}))
    assert (row.get("first name"), row.line) == ("Ada", 5)


def test_a_file_without_a_known_header_is_a_user_error() -> None:
    with pytest.raises(UserError, match="no header row"):
        read_rows("a,b\n1,2\n", "Skills.csv", frozenset({"name"}))


# -- hostile archives ---------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_by_its_actual_output(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", {"Positions.csv": b"0" * (30 * 1024 * 1024)})
    with pytest.raises(UserError, match="zip bomb"):
        read_export_files(archive, WANTED)


def test_too_much_inflated_data_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "big.zip", {"Positions.csv": b"Company Name\n" + b"x" * 5000})
    limits = ArchiveLimits(max_file=1000)
    with pytest.raises(UserError, match="inflates to more than"):
        read_export_files(archive, WANTED, limits)


@pytest.mark.parametrize("name", ["../x/Positions.csv", "/etc/Positions.csv", "C:\\x\\Skills.csv"])
def test_a_path_outside_the_archive_is_refused(tmp_path: Path, name: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr(zipfile.ZipInfo(name), b"Name\nx\n")
    with pytest.raises(UserError, match="outside the archive|absolute path"):
        read_export_files(archive, WANTED)


def _declare_size(archive: Path, size: int) -> None:
    """Patch the central directory so the first member declares `size` uncompressed bytes."""
    data = bytearray(archive.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", size)
    archive.write_bytes(bytes(data))


def test_a_2_gb_declared_member_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "huge.zip", {"Other.bin": b"tiny"})
    _declare_size(archive, 2**31)
    with pytest.raises(UserError, match="2.0 GB"):
        read_export_files(archive, WANTED)


def test_a_member_lying_about_its_size_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "liar.zip", {"Skills.csv": b"Name\n" + b"y" * 4000})
    _declare_size(archive, 10)
    with pytest.raises(UserError):
        read_export_files(archive, WANTED)


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "many.zip", {f"f{i}.txt": b"" for i in range(11)})
    with pytest.raises(UserError, match="11 files"):
        read_export_files(archive, WANTED, ArchiveLimits(max_members=10))


def test_a_damaged_zip_is_a_user_error(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "export.zip", {"Skills.csv": b"Name\nSQL\n" * 50})
    data = archive.read_bytes()
    archive.write_bytes(data[:30] + b"\xff" * 40 + data[70:])
    with pytest.raises(UserError):
        read_export_files(archive, WANTED)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_text("hello")
    with pytest.raises(UserError, match="not a zip archive"):
        read_export_files(path, WANTED)
