"""The clinic's business day is Asia/Shanghai time, whatever time zone the desk PC is set to."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")


def business_day(moment: datetime) -> date:
    """The clinic's calendar day of an aware timestamp."""
    return moment.astimezone(BUSINESS_TZ).date()


def day_window(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a clinic day as aware timestamps."""
    start = datetime.combine(day, time(0), BUSINESS_TZ)
    return start, datetime.combine(day + timedelta(days=1), time(0), BUSINESS_TZ)
