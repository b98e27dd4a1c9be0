"""Records filed under retired codes are moved onto current ones, not thrown away."""

from careerset.coding.crosswalk import adopt_orphans, same_soc
from careerset.coding.records import CodingSource, TitleRecord

from .conftest import small_source


def test_same_soc_prefers_the_dot_zero_code() -> None:
    codes = ["13-2011.00", "13-2011.02", "15-1252.00"]
    assert same_soc("13-2011.01", codes) == "13-2011.00"
    assert same_soc("15-1132.00", codes) is None


def test_orphans_move_by_soc_and_by_renamed_title() -> None:
    base = small_source()
    orphans = [
        TitleRecord("29-1141.99", "Ward Sister", "alternate"),
        TitleRecord("15-1132.00", "Software Developers", "title"),
        TitleRecord("15-1132.00", "Applications Programmer", "alternate"),
    ]
    source = CodingSource(base.scheme, base.titles, base.records + orphans, base.employment)
    adopted = {(r.text, r.code) for r in adopt_orphans(source).records}
    assert ("Ward Sister", "29-1141.00") in adopted
    assert ("Applications Programmer", "15-1252.00") in adopted
    assert all(code in base.titles for _, code in adopted)
