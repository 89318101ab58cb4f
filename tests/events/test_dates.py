import datetime as dt

import pytest

from tieline.events.dates import resolve_date

REF = dt.date(2024, 1, 24)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2013", dt.date(2013, 1, 1), "year"),
        ("in 2013", dt.date(2013, 1, 1), "year"),
        ("on Tuesday", dt.date(2024, 1, 23), "day"),
        ("Wednesday", dt.date(2024, 1, 24), "day"),
        ("last Wednesday", dt.date(2024, 1, 17), "day"),
        ("yesterday", dt.date(2024, 1, 23), "day"),
        ("March 4", dt.date(2023, 3, 4), "day"),  # would be in the future: the year before
        ("January 20", dt.date(2024, 1, 20), "day"),
        ("4 March 2022", dt.date(2022, 3, 4), "day"),
        ("March 4, 2022", dt.date(2022, 3, 4), "day"),
        ("September 2021", dt.date(2021, 9, 1), "month"),
        ("2023-11-05", dt.date(2023, 11, 5), "day"),
        ("three days ago", dt.date(2024, 1, 21), "day"),
        ("last year", dt.date(2023, 1, 1), "year"),
    ],
)
def test_resolves(text: str, date: dt.date, precision: str) -> None:
    r = resolve_date(text, REF)
    assert r is not None
    assert (r.date, r.precision) == (date, precision)


@pytest.mark.parametrize("text", ["five-year", "decades", "the coming months", "", "February 30, 2023"])
def test_not_a_date(text: str) -> None:
    assert resolve_date(text, REF) is None


def test_relative_needs_reference() -> None:
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("2013", None) is not None


def test_a_yearless_day_in_a_narrative_takes_the_year_of_the_passage() -> None:
    from tieline.events.dates import narrative_ref

    ref = dt.date(2016, 6, 1)
    anchored = narrative_ref("on 10 May", ["in May 2006"], ref)
    assert anchored == dt.date(2006, 12, 31)
    assert resolve_date("on 10 May", anchored) == resolve_date("10 May 2006", ref)
    # another month, a date without a year, a year that is the article's own, or a full date: no anchor
    assert narrative_ref("on 10 June", ["in May 2006"], ref) == ref
    assert narrative_ref("on 10 May", ["last May"], ref) == ref
    assert narrative_ref("on 10 May", ["in May 2016"], ref) == ref
    assert narrative_ref("10 May 2015", ["in May 2006"], ref) == ref
    assert narrative_ref("on Monday", ["in May 2006"], ref) == ref
