"""`kiosk arrivals …`: the insurer's appointments at this clinic, from a terminal (a scheduled job,
or the clinic's IT person checking what the kiosk shows).

    kiosk arrivals list [--date YYYY-MM-DD]   the day's appointments (default today)
    kiosk arrivals check [--date YYYY-MM-DD]  the families to call today (tomorrow's, and those
                                              whose free cancelling ends today before a weekend
                                              or a holiday), or those booked on one day: each
                                              whose card will not direct-bill, with what to tell
                                              them; exit status 1 if any
    kiosk arrivals no-show APPOINTMENT_ID     the family did not come (after its start time)

The insurer is the one this PC is registered with (`kiosk register`), its key from the keyring.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date, datetime

from kiosk.arrivals import booked_on, calls_due, check_arrivals
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.credentials import load_device_key
from kiosk.insurer.appointments import Appointment
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import DeviceKeyMissing, InsurerError
from kiosk.settings import load_settings


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _appointment_id(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", text):
        raise ValueError("an appointment id is 1 to 64 letters, digits, - or _")
    return text


def add_commands(commands: argparse._SubParsersAction, checked: Callable) -> None:
    arrivals = commands.add_parser(
        "arrivals", help="the insurer's appointments at this clinic"
    ).add_subparsers(dest="arrivals_command", required=True)
    listing = arrivals.add_parser("list", help="the day's appointments (default today)")
    listing.add_argument("--date", type=checked(_day), help="YYYY-MM-DD (Asia/Shanghai)")
    check = arrivals.add_parser(
        "check", help="the families to call today (or those booked on --date)"
    )
    check.add_argument("--date", type=checked(_day), help="YYYY-MM-DD (Asia/Shanghai)")
    no_show = arrivals.add_parser("no-show", help="mark an appointment: the family did not come")
    no_show.add_argument("appointment_id", type=checked(_appointment_id))


def _client() -> InsurerClient:
    settings = load_settings()
    if settings.insurer_url is None:
        raise DeviceKeyMissing("this PC is not registered: kiosk register --insurer URL")
    return InsurerClient(
        settings.insurer_url,
        load_device_key(settings.insurer_url),
        ca_bundle=settings.ca_bundle_arg,
    )


def _line(appointment: Appointment) -> str:
    starts = appointment.starts_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    return (
        f"{appointment.appointment_id}  {starts}  {appointment.member.name_masked}  "
        f"{appointment.service.value}  {appointment.department}  {appointment.state.value}"
    )


def run(args: argparse.Namespace) -> int:
    """0 when done (and, for `check`, when no family needs a call); 1 when families need one;
    3 when the insurer could not be asked or refused."""
    now = datetime.now(BUSINESS_TZ)
    client = _client()  # not registered: exit status 2, as every command
    try:
        with client as insurer:
            if args.arrivals_command == "list":
                day = args.date or business_day(now)
                listing = insurer.appointments(day)
                print(f"appointments on {day.isoformat()}: {len(listing.appointments)}")
                for appointment in listing.appointments:
                    print("  " + _line(appointment))
                return 0
            if args.arrivals_command == "no-show":
                print(_line(insurer.mark_no_show(args.appointment_id)))
                return 0
            if args.date is None:
                what = f"calls due on {business_day(now).isoformat()}"
                appointments = calls_due(insurer, business_day(now))
            else:
                what = f"appointments on {args.date.isoformat()}"
                appointments = booked_on(insurer, args.date)
            result = check_arrivals(insurer, appointments, lambda: datetime.now(BUSINESS_TZ))
    except InsurerError as exc:
        print(f"kiosk: the insurer could not be asked: {exc}", file=sys.stderr)
        return 3
    print(
        f"day-before check, {what}: {len(result.arrivals)} booked, {len(result.problems)} to call"
    )
    for arrival in result.problems:
        cancel_by = arrival.appointment.cancel_by.astimezone(BUSINESS_TZ)
        print(f"  {_line(arrival.appointment)}  (cancel in time until {cancel_by:%Y-%m-%d %H:%M})")
        for problem, advice in zip(arrival.problems, arrival.advice(), strict=True):
            print(f"    {problem.value}: {advice}")
    return 1 if result.problems else 0
