"""Title normalisation on realistic titles written for these tests."""

import pytest

from careerset.coding.normalise import fold_text, normalise_title, singularise


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Sr. Accountant", "accountant"),
        ("Jr Web Dev", "web developer"),
        ("Asst. Store Mgr", "assistant store manager"),
        ("HR Coord", "human resource coordinator"),
        ("LPN", "licensed practical nurse"),
        # An abbreviation alone keeps the specialty after it: it may name a detailed occupation.
        ("RN - Cardiac Step-Down, Nights", "registered nurse cardiac step down"),
        ("RN - ICU nights", "registered nurse intensive care unit"),
        ("Forklift Operator (2nd Shift)", "forklift operator"),
        ("CSI (Crime Scene Investigator)", "crime scene investigator"),
        ("TIG Welder (Tungsten Inert Gas Welder)", "tungsten inert gas welder"),
        (
            "ESL Teacher (English as a Second Language Teacher)",
            "english as second language teacher",
        ),
        ("CAD Designer (Computer-Aided Design Designer)", "computer aided design designer"),
        ("Guest Services Agent (GSA)", "guest service agent"),
        ("EMT (Emergency Medical Tech)", "emergency medical technician"),
        ("Data Analyst (Contract)", "data analyst"),
        ("Chief Payroll Clerk", "chief payroll clerk"),
        ("Head Cook", "head cook"),
        ("Payroll Specialist II", "payroll specialist"),
        ("Level 3 Help Desk Tech", "help desk technician"),
        ("Customer Service Rep - Remote", "customer service representative"),
        ("Welders", "welder"),
        ("Dental Hygienists", "dental hygienist"),
        ("Cocktail Waitress", "cocktail server"),
        ("Deliverymen", "deliveryman"),
        ("Chairwoman of the Board", "chairperson board"),
        ("Café Supervisor", "cafe supervisor"),
        ("School Principal", "school principal"),
        ("Warehouse Associate @ Acme Logistics", "warehouse associate"),
        ("VP, Marketing", "vice president marketing"),
        ("Director - Finance", "director finance"),
        ("2.Pastry Cook", "pastry cook"),
        ("Barista at\tBlue Bottle", "barista blue bottle"),
        ("Grade 5 Clerk", "clerk"),
        ("Step Aerobics Instructor", "step aerobic instructor"),
        ("Data Analyst: Marketing", "data analyst marketing"),
        ("Nurse/Midwife", "nurse midwife"),
        ("Data Analyst", "data analyst"),
    ],
)
def test_normalise_title(title: str, expected: str) -> None:
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    "title",
    ["", "   ", "\U0001f469\u200d\u2695\ufe0f", "\u4f1a\u8ba1", "---", "(remote)", "Senior II"],
)
def test_nothing_occupational_normalises_to_empty_or_short(title: str) -> None:
    assert normalise_title(title) in {"", "senior"}


def test_very_long_titles_are_cut_without_error() -> None:
    assert len(normalise_title("mechanic " * 5000)) < 400


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("nurses", "nurse"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
        ("business", "business"),
        ("analysis", "analysis"),
        ("bus", "bus"),
    ],
)
def test_singularise(word: str, expected: str) -> None:
    assert singularise(word) == expected


def test_fold_text_drops_accents_and_case() -> None:
    assert fold_text("Éducatrice SPÉCIALISÉE") == "educatrice specialisee"
