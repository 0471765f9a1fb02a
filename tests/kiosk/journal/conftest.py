from datetime import date

import pytest
from signed_claims import visit_bill

from kiosk.journal import Journal
from tests.estimates import fully_covered


@pytest.fixture
def journal(tmp_path):
    opened = Journal.open(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def bill():
    return visit_bill("M-10001", 1, date(2026, 11, 20))


@pytest.fixture
def estimate(bill):
    return fully_covered(bill)
