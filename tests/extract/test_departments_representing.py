"""Questions put to a member representing a body, where the seat's name has commas."""

from __future__ import annotations

from pqparse.extract.departments import find_addressee
from pqparse.models import House


def test_representing_member_whose_seat_name_has_commas() -> None:
    found = find_addressee(
        "To ask the hon. Member for Caithness, Sutherland and Easter Ross, representing the "
        "House of Commons Commission, what the cost of the catering service was in 2010-11."
    )
    assert found.title == (
        "hon. Member for Caithness, Sutherland and Easter Ross, representing the House of "
        "Commons Commission"
    )
    assert found.department == "House of Commons Commission"
    assert found.house is House.COMMONS


def test_representing_member_with_a_plain_seat_name() -> None:
    found = find_addressee(
        "To ask the right hon. Member for Banbury, representing the Church Commissioners, "
        "how many churches were closed in 2012."
    )
    assert found.department == "Church Commissioners"
