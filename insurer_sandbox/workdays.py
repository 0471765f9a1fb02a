"""Chinese working days for the pre-authorisation lead time.

The rule (the plan manual asks for a request "at least 5 working days before the planned
treatment date"): a request made on day T (Asia/Shanghai) may name planned date P when at least
N working days lie *strictly between* T and P — neither the request day nor the treatment day
counts. So the earliest planned date is the day after the N-th working day after T.

Working days come from `chinesecalendar` (public holidays and make-up working days, e.g. the
Saturdays 2026-02-14 and 2026-02-28 around the Spring Festival). The library has no data past its
last year; for those days the sandbox falls back to "Monday to Friday" and says so in the
`WorkingCalendar` it answers with.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import chinese_calendar
from chinese_calendar import constants

from kiosk.insurer.models import WorkingCalendar

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")
"""Business rules (working days, statement days) run on Shanghai dates."""


@cache
def data_until() -> date:
    """The last day `chinesecalendar` has holiday data for: 31 December of its last year."""
    return date(max(constants.holidays).year, 12, 31)


def is_working_day(day: date) -> bool:
    """Official calendar while it has data, Monday to Friday after that."""
    if day > data_until():
        return day.weekday() < 5
    return chinese_calendar.is_workday(day)


def working_calendar(today: date, required_working_days: int) -> WorkingCalendar:
    """The calendar a request made `today` is judged by, with the earliest planned date it may name.

    `fallback_weekends_only` is true when counting reached a day past the library's data, i.e.
    when the answer depends on the weekends-only guess rather than the official calendar.
    """
    counted = 0
    day = today
    while counted < required_working_days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return WorkingCalendar(
        data_until=data_until(),
        fallback_weekends_only=day > data_until(),
        required_working_days=required_working_days,
        earliest_planned_date=day + timedelta(days=1),
    )


def emergency_calendar(today: date) -> WorkingCalendar:
    """The rule an emergency request is judged by: no working days ahead, the planned date may be
    today (not earlier)."""
    return WorkingCalendar(
        data_until=data_until(),
        fallback_weekends_only=False,
        required_working_days=0,
        earliest_planned_date=today,
    )
