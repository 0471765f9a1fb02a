"""`kiosk arrivals …`: the insurer's appointments at this clinic, from a terminal (a scheduled job,
or reception's IT person checking what the kiosk shows).

    kiosk arrivals list [--date YYYY-MM-DD]     the day's appointments (default today)
    kiosk arrivals check [--date YYYY-MM-DD]    the day-before check (default tomorrow): each
                                                booked family whose card will not direct-bill,
                                                with what to tell them; exit status 1 if any

The insurer is the one this PC is registered with (`kiosk register`), its key from the keyring.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime

from kiosk.arrivals import ADVICE, ArrivalProblem, check_arrivals, tomorrow
from kiosk.business_day import BUSINESS_TZ, business_day
from kiosk.credentials import load_device_key
from kiosk.insurer.appointments import Appointment
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.errors import DeviceKeyMissing, InsurerError
from kiosk.money import format_yuan
from kiosk.settings import load_settings


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_commands(commands: argparse._SubParsersAction, checked: Callable) -> None:
    arrivals = commands.add_parser(
        "arrivals", help="the insurer's appointments at this clinic"
    ).add_subparsers(dest="arrivals_command", required=True)
    listing = arrivals.add_parser("list", help="the day's appointments (default today)")
    listing.add_argument("--date", type=checked(_day), help="YYYY-MM-DD (Asia/Shanghai)")
    check = arrivals.add_parser(
        "check", help="the day-before check of a day's booked families (default tomorrow)"
    )
    check.add_argument("--date", type=checked(_day), help="YYYY-MM-DD (Asia/Shanghai)")


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
    time = appointment.starts_at.astimezone(BUSINESS_TZ).strftime("%H:%M")
    return (
        f"{time}  {appointment.member.name_masked}  {appointment.service.value}  "
        f"{appointment.department}  {appointment.state.value}"
    )


def run(args: argparse.Namespace) -> int:
    """0 when done (and, for `check`, when no family needs a call); 1 when families need one;
    3 when the insurer could not be asked."""
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
            day = args.date or tomorrow(now)
            result = check_arrivals(insurer, day, lambda: datetime.now(BUSINESS_TZ))
    except InsurerError as exc:
        print(f"kiosk: the insurer could not be asked: {exc}", file=sys.stderr)
        return 3
    print(
        f"day-before check of {day.isoformat()}: {len(result.arrivals)} booked, "
        f"{len(result.problems)} to call"
    )
    for arrival in result.problems:
        print("  " + _line(arrival.appointment))
        for problem in arrival.problems:
            advice = ADVICE[problem]
            if arrival.unpaid_fen is not None and problem is ArrivalProblem.GREYED_UNPAID:
                advice += f" Unpaid: {format_yuan(arrival.unpaid_fen)}."
            print(f"    {problem.value}: {advice}")
    return 1 if result.problems else 0
