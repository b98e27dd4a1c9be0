"""The entry field table: which field each entry kind has, its command-line flag and its help
(used by `add` and `edit` in the CLI and by the web forms)."""

from dataclasses import dataclass
from enum import StrEnum

from careerset.model.enums import (
    ActivityKind,
    CodeSource,
    EmploymentType,
    GoalStatus,
    InterestScale,
    InterestSource,
    PayBasis,
    Schedule,
    WorkValue,
)


@dataclass(frozen=True)
class Flag:
    """One option: `--flag` on the command line sets `field` of the model.

    Values stay text (or a choice of an enum) here; the model converts and validates them,
    so the command line and every importer share one set of rules.
    """

    flag: str
    field: str
    help: str
    many: bool = False
    choices: type[StrEnum] | None = None
    required: bool = False

    @property
    def param(self) -> str:
        """The Python parameter name Typer passes the value under."""
        return self.flag.lstrip("-").replace("-", "_")


COMMON = (
    Flag("--tag", "tags", "A tag for tailored CVs (repeat for several).", many=True),
    Flag("--notes", "notes", "Free-form notes."),
    Flag("--id", "id", "Use this id instead of a generated one."),
)
DATED = (
    Flag("--start", "start", "Start date: YYYY, YYYY-MM or YYYY-MM-DD."),
    Flag("--end", "end", "End date, or 'present' for a current entry."),
)

KIND_FLAGS: dict[str, tuple[Flag, ...]] = {
    "job": (
        Flag("--title", "title", "Job title, as written on the contract.", required=True),
        Flag("--org", "organization", "Employer or client."),
        Flag("--location", "location", "Where the work was done."),
        *DATED,
        Flag("--type", "employment_type", "Employment type.", choices=EmploymentType),
        Flag("--schedule", "schedule", "Full- or part-time.", choices=Schedule),
        Flag("--pay", "pay_amount", "Pay amount per pay basis (a number)."),
        Flag("--currency", "pay_currency", "Three-letter currency code, e.g. USD."),
        Flag("--pay-basis", "pay_basis", "What the pay amount is per.", choices=PayBasis),
        Flag("--hours", "hours_per_week", "Hours per week."),
        Flag("--occupation", "occupation_code", "O*NET-SOC code, e.g. 29-1141.00."),
        Flag(
            "--occupation-source", "occupation_source", "How the code was set.", choices=CodeSource
        ),
        Flag("--url", "url", "Web address of the employer."),
        Flag(
            "--org-summary",
            "organization_summary",
            "What the employer is, in a line, e.g. A regional hospital network.",
        ),
        Flag("--summary", "summary", "What the job was about."),
        Flag("--highlight", "highlights", "An achievement in this job (repeat).", many=True),
        Flag("--skill", "skills", "A skill used in this job (repeat).", many=True),
        Flag("--reason-for-leaving", "reason_for_leaving", "Why the job ended."),
    ),
    "education": (
        Flag("--institution", "institution", "School, college or university.", required=True),
        Flag("--area", "area", "Field of study."),
        Flag("--study-type", "study_type", "Degree or qualification, e.g. Bachelor."),
        *DATED,
        Flag("--score", "score", "Grade or GPA."),
        Flag("--url", "url", "Web address of the institution."),
        Flag("--course", "courses", "A course taken (repeat).", many=True),
        Flag(
            "--highlight",
            "highlights",
            "An activity, society or achievement during these studies (repeat).",
            many=True,
        ),
    ),
    "certification": (
        Flag("--name", "name", "Certification name.", required=True),
        Flag("--issuer", "issuer", "Who issued it."),
        Flag("--date", "date", "Date obtained."),
        Flag("--expiry", "expiry", "Date it expires."),
        Flag("--credential-id", "credential_id", "Credential id."),
        Flag("--url", "url", "Verification address."),
    ),
    "accomplishment": (
        Flag("--title", "title", "Award or achievement.", required=True),
        Flag("--date", "date", "When."),
        Flag("--awarder", "awarder", "Who gave it."),
        Flag("--summary", "summary", "What it was for."),
        Flag("--linked-entry", "linked_entry", "Id of the job or project it belongs to."),
    ),
    "project": (
        Flag("--name", "name", "Project or contribution name.", required=True),
        Flag("--role", "roles", "Your role (repeat).", many=True),
        Flag("--entity", "entity", "Organization it was for."),
        Flag("--type", "project_type", "Kind of project, e.g. open source."),
        *DATED,
        Flag("--url", "url", "Where to see it."),
        Flag("--summary", "summary", "What it is."),
        Flag("--highlight", "highlights", "An achievement (repeat).", many=True),
        Flag("--keyword", "keywords", "A keyword or technology (repeat).", many=True),
    ),
    "publication": (
        Flag("--name", "name", "Title of the work.", required=True),
        Flag("--publisher", "publisher", "Journal, conference or publisher."),
        Flag("--date", "date", "Publication date."),
        Flag("--url", "url", "Where to read it."),
        Flag("--summary", "summary", "Abstract or summary."),
    ),
    "skill": (
        Flag("--name", "name", "Skill name.", required=True),
        Flag("--taxonomy-id", "taxonomy_id", "O*NET element id or ESCO skill URI."),
        Flag("--proficiency", "proficiency", "Proficiency from 1 (novice) to 5 (expert)."),
        Flag("--level", "level", "Proficiency in words, e.g. Advanced."),
        Flag("--keyword", "keywords", "A keyword (repeat).", many=True),
        Flag("--evidence", "evidence", "Id of an entry that shows this skill (repeat).", many=True),
    ),
    "contact": (
        Flag("--name", "name", "Contact's name.", required=True),
        Flag("--relation", "relation", "mentor, peer, manager, recruiter, ..."),
        Flag("--org", "organization", "Their organization."),
        Flag("--met", "met", "When you met."),
        Flag("--last-contacted", "last_contacted", "When you were last in touch."),
    ),
    "goal": (
        Flag("--statement", "statement", "The goal in your words.", required=True),
        Flag("--target", "target_codes", "Target O*NET-SOC code (repeat).", many=True),
        Flag("--horizon", "horizon", "When you want to get there."),
        Flag(
            "--value", "values", "A work value that matters (repeat).", many=True, choices=WorkValue
        ),
        Flag("--status", "status", "Goal status.", choices=GoalStatus),
    ),
    "activity": (
        Flag("--date", "date", "When.", required=True),
        Flag("--kind", "activity_kind", "Kind of activity.", choices=ActivityKind, required=True),
        Flag("--title", "title", "What it was, e.g. the course name."),
        Flag("--hours", "hours", "Hours spent."),
        Flag("--skill", "skills", "A skill practised (repeat).", many=True),
    ),
    "interest_profile": (
        Flag("--realistic", "realistic", "R score.", required=True),
        Flag("--investigative", "investigative", "I score.", required=True),
        Flag("--artistic", "artistic", "A score.", required=True),
        Flag("--social", "social", "S score.", required=True),
        Flag("--enterprising", "enterprising", "E score.", required=True),
        Flag("--conventional", "conventional", "C score.", required=True),
        Flag("--scale", "scale", "raw (0-40) or onet (1-7).", choices=InterestScale),
        Flag("--source", "source", "Where the scores came from.", choices=InterestSource),
        Flag("--date", "date", "When measured."),
    ),
}

EXAMPLES: dict[str, str] = {
    "job": 'careerset add job --title "Registered Nurse" --org "St. Mary" --start 2019-03 --end present '
    "--type permanent --schedule full-time --pay 78000 --pay-basis salary --currency USD",
    "education": 'careerset add education --institution "State University" --area Nursing --study-type BSN '
    "--start 2010 --end 2014",
    "certification": 'careerset add certification --name "BLS Provider" --issuer "American Heart Association" '
    "--date 2023-05 --expiry 2025-05",
    "accomplishment": 'careerset add accomplishment --title "Nurse of the Year" --date 2021 --awarder "St. Mary"',
    "project": 'careerset add project --name "Falls prevention audit" --role lead --start 2020-01 --end 2020-06',
    "publication": 'careerset add publication --name "Night-shift handovers" --publisher "Nursing Times" --date 2022',
    "skill": 'careerset add skill --name "Patient assessment" --proficiency 4',
    "contact": 'careerset add contact --name "Dr. Lee" --relation mentor --org "St. Mary" --met 2019-04',
    "goal": 'careerset add goal --statement "Become a nurse practitioner" --target 29-1171.00 --horizon 2027',
    "activity": 'careerset add activity --date 2024-02-10 --kind course --title "Pharmacology" --hours 6',
    "interest_profile": "careerset add interest_profile --realistic 10 --investigative 30 --artistic 12 "
    "--social 36 --enterprising 15 --conventional 20",
}


def flag_for(kind: str, flag: str) -> Flag | None:
    return next((f for f in (*KIND_FLAGS[kind], *COMMON) if f.flag == flag), None)
