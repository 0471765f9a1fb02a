"""The clinic's business day is Asia/Shanghai time, whatever time zone the desk PC is set to."""

from __future__ import annotations

from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")
