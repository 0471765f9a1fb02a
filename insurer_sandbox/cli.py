"""`kiosk-sandbox`: run the insurer sandbox and act as the insurer's back office around it.

    kiosk-sandbox serve --host 127.0.0.1 --port 8765 --data DIR [--admin-token T] [--clock ISO]
    kiosk-sandbox token MEMBER            a fresh e-card QR text (member id or demo state key)
    kiosk-sandbox show-qr MEMBER --out card.png
    kiosk-sandbox device-key CLINIC       a new device API key (only its hash is stored)
    kiosk-sandbox preauth approve ID [--amount CNY] [--from DATE] [--until DATE] [--uses N]
                                     [--items CODE,...] [--categories CAT,...]
    kiosk-sandbox preauth deny ID [--note TEXT]
    kiosk-sandbox preauth info ID --note TEXT     more information needed (info_requested)
    kiosk-sandbox guarantee MEMBER [--clinic C]   the hotline's phone guarantee for today's visit
    kiosk-sandbox settle --date DATE [--reject CLAIM ...] [--not-covered CLAIM:LINE ...]
                         [--review-share N]       the insurer's review and payment run of a day
    kiosk-sandbox pay-balance MEMBER              the family pays what greys its card
    kiosk-sandbox appointment book MEMBER --date DATE --time HH:MM [--clinic C] [--service S]
                                 [--preauth ID] [--department TEXT]    the hotline books one
    kiosk-sandbox appointment cancel ID           the hotline cancels one (late from 16:00 the
                                                  working day before)
    kiosk-sandbox openapi > docs/insurer-api.yaml

An approval's defaults come from the request: the amount is the estimated cost, the window runs
from today (or the planned date, if that is earlier: an emergency approved after the visit still
covers it) to 30 days after the planned date, one use, for the requested item code only.

Every command takes `--data DIR`, the directory holding the sandbox database; the database is
created and seeded with the demo data on first use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

import platformdirs
import uvicorn
import yaml

from insurer_sandbox.app import SandboxSettings, create_app, openapi_document
from insurer_sandbox.appointment_book import AppointmentRecord
from insurer_sandbox.appointments import AppointmentRefused, book, cancel
from insurer_sandbox.demo import DEMO_CLINIC_ID, DEMO_UNKNOWN_CARD, demo_member
from insurer_sandbox.hotline import NoGuarantee, phone_guarantee
from insurer_sandbox.member_app import member_token, qr_png
from insurer_sandbox.plan import load_plan
from insurer_sandbox.preauth_grants import GrantError, GrantTerms
from insurer_sandbox.settlement import (
    DEFAULT_REVIEW_SHARE,
    SettlementError,
    SettlementSummary,
    UnknownMemberError,
    pay_balance,
    settle,
)
from insurer_sandbox.store import (
    MemberRecord,
    Store,
    UnknownClinicError,
    UnknownPreAuthError,
)
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.insurer.appointments import AppointmentService, BookedBy
from kiosk.insurer.models import ItemCategory, PlanTier, PreAuth, PreAuthStatus
from kiosk.money import AmountError, format_yuan, parse_yuan

ADMIN_TOKEN_ENV = "KIOSK_SANDBOX_ADMIN_TOKEN"
"""The admin token may come from the environment, so it does not show in the process list."""


def default_data_dir() -> Path:
    return platformdirs.user_data_path("kiosk-sandbox", appauthor=False)


def _aware_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-02-10T10:00+08:00")
    return value


def _unknown_card() -> MemberRecord:
    """The demo's e-card for a member the insurer does not hold (never in the database)."""
    card = DEMO_UNKNOWN_CARD
    return MemberRecord(
        member_id=card.member_id,
        policy_number=card.policy_number,
        child_name=card.child_name,
        guardian_phone=card.guardian_phone,
        birth_year=card.birth_year,
        tier=PlanTier.STANDARD,
        period_start=date.min,
        period_end=date.max,
        free_visits_used=0,
        unpaid_fen=None,
        unpaid_claim_ref=None,
        benefit_used_fen={},
        billed_fen=0,
    )


def _member(store: Store, name: str) -> MemberRecord:
    if name == DEMO_UNKNOWN_CARD.state:
        return _unknown_card()
    try:
        member_id = demo_member(name).member_id
    except KeyError:
        member_id = name
    with store.reading() as db:
        member = store.member(db, member_id)
    if member is None:
        raise SystemExit(f"kiosk-sandbox: no member {name!r} (member id or demo state key)")
    return member


def _serve(args: argparse.Namespace) -> int:
    admin_token = args.admin_token or os.environ.get(ADMIN_TOKEN_ENV) or None
    settings = SandboxSettings(data_dir=args.data, admin_token=admin_token, clock=args.clock)
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=args.log_level == "debug",
        timeout_graceful_shutdown=3,
    )
    server = uvicorn.Server(config)
    print(f"insurer sandbox on http://{args.host}:{args.port} (data: {args.data})", flush=True)
    server.run()
    return 0


def _token(args: argparse.Namespace) -> int:
    store = Store.open(args.data)
    print(member_token(_member(store, args.member), store.now(), key_status=args.key))
    return 0


def _show_qr(args: argparse.Namespace) -> int:
    store = Store.open(args.data)
    qr_png(member_token(_member(store, args.member), store.now()), args.out)
    print(args.out)
    return 0


def _device_key(args: argparse.Namespace) -> int:
    store = Store.open(args.data)
    try:
        print(store.create_device_key(args.clinic))
    except UnknownClinicError:
        known = ", ".join(store.clinic_ids())
        raise SystemExit(
            f"kiosk-sandbox: unknown clinic {args.clinic!r} (known: {known})"
        ) from None
    return 0


_DECISIONS = {
    "approve": PreAuthStatus.APPROVED,
    "deny": PreAuthStatus.DENIED,
    "info": PreAuthStatus.INFO_REQUESTED,
}


def _amount(text: str) -> int:
    try:
        return parse_yuan(text)
    except AmountError:
        raise argparse.ArgumentTypeError("an amount in CNY, e.g. 18000 or 6,800.00") from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date, YYYY-MM-DD") from None


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip() for code in text.split(",") if code.strip())
    if not codes:
        raise argparse.ArgumentTypeError("one or more item codes, separated by commas")
    return codes


def _categories(text: str) -> tuple[ItemCategory, ...]:
    try:
        return tuple(ItemCategory(c.strip()) for c in text.split(",") if c.strip())
    except ValueError:
        known = ", ".join(c.value for c in ItemCategory)
        raise argparse.ArgumentTypeError(f"categories among: {known}") from None


def describe_preauth(preauth: PreAuth) -> str:
    """One line for the back office: the decision and, for an approval, what it grants."""
    text = f"{preauth.preauth_id} {preauth.status.value}"
    grant = preauth.grant
    if grant is not None:
        covers = ",".join([*grant.item_codes, *(c.value for c in grant.categories)])
        text += (
            f" {grant.auth_number} {format_yuan(grant.approved_fen)}"
            f" {grant.valid_from.isoformat()}..{grant.valid_until.isoformat()}"
            f" uses {grant.uses_left}/{grant.uses_allowed} covers {covers}"
        )
    if preauth.decision_note:
        text += f" note: {preauth.decision_note}"
    return text


def _preauth(args: argparse.Namespace) -> int:
    status = _DECISIONS[args.decision]
    terms = None
    if status is PreAuthStatus.APPROVED:
        terms = GrantTerms(
            approved_fen=args.amount,
            valid_from=args.valid_from,
            valid_until=args.valid_until,
            uses_allowed=args.uses,
            item_codes=args.items,
            categories=args.categories,
        )
    try:
        preauth = Store.open(args.data).decide_preauth(
            args.preauth_id, status, note=args.note, terms=terms
        )
    except UnknownPreAuthError:
        raise SystemExit(f"kiosk-sandbox: no pre-auth {args.preauth_id!r}") from None
    except GrantError as exc:
        raise SystemExit(f"kiosk-sandbox: {exc}") from None
    print(describe_preauth(preauth))
    return 0


def _guarantee(args: argparse.Namespace) -> int:
    """The hotline gives the clinic a phone guarantee for the member's visit today."""
    store = Store.open(args.data)
    member = _member(store, args.member)
    try:
        print(phone_guarantee(store, member.member_id, args.clinic))
    except NoGuarantee as refused:
        raise SystemExit(f"kiosk-sandbox: no phone guarantee: {refused}") from None
    return 0


def _claim_line(text: str) -> tuple[str, int]:
    claim_id, _, line_no = text.rpartition(":")
    if not claim_id or not line_no.isdigit() or int(line_no) < 1:
        raise argparse.ArgumentTypeError("CLAIM_ID:LINE_NO, e.g. CLM-1A2B3C4D5E6F:2")
    return claim_id, int(line_no)


def describe_settlement(summary: SettlementSummary) -> list[str]:
    """What a run did, one line each, amounts in yuan: for the back office and trainers."""
    lines = []
    for remittance in summary.paid:
        lines.append(
            f"paid {remittance.remittance_id} to {remittance.clinic_id}: "
            f"{format_yuan(remittance.payment_amount_fen)}"
        )
        lines += [
            f"  {d.claim_id} {d.part.value} {format_yuan(d.amount_fen)}" for d in remittance.details
        ]
    lines += [f"closed {claim_id}: paid, nothing to pay" for claim_id in summary.closed]
    for r in summary.reviewed:
        covered = format_yuan(r.final_covered_fen)
        text = f"reviewed {r.claim_id} {r.outcome.value}: insurer {covered}"
        if r.moved_to_family_fen:
            text += f", moved to the family {format_yuan(r.moved_to_family_fen)} (card greyed)"
        lines.append(text)
    lines += [
        f"not reviewed {claim_id}: not an accepted claim recorded before {summary.day}"
        for claim_id in summary.not_reviewed
    ]
    return lines or [f"{summary.day}: nothing to review or pay"]


def _settle(args: argparse.Namespace) -> int:
    """The insurer's run for a day: pay what was reviewed before it, review what was accepted."""
    try:
        summary = settle(
            Store.open(args.data),
            args.date,
            reject=args.reject,
            not_covered=args.not_covered,
            review_share=args.review_share,
        )
    except SettlementError as exc:
        raise SystemExit(f"kiosk-sandbox: {exc}") from None
    print("\n".join(describe_settlement(summary)))
    return 0


def _pay_balance(args: argparse.Namespace) -> int:
    """The family pays its balance in the e-card app (电子保险卡 → 就诊记录 → 支付)."""
    store = Store.open(args.data)
    member_id = _member(store, args.member).member_id
    try:
        paid = pay_balance(store, member_id)
    except UnknownMemberError:
        raise SystemExit(f"kiosk-sandbox: no member {args.member!r}") from None
    if not paid.amount_fen:
        print(f"{member_id}: nothing unpaid")
        return 0
    claims = f" (claims {', '.join(paid.claims)})" if paid.claims else ""
    print(f"{member_id} paid {format_yuan(paid.amount_fen)}{claims}: the card is active again")
    return 0


def _clock_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a time, HH:MM (e.g. 09:30)") from None


def _department(text: str) -> str:
    if not 1 <= len(text) <= 64:
        raise argparse.ArgumentTypeError("1 to 64 characters, as the hospital names it")
    return text


def describe_appointment(record: AppointmentRecord) -> str:
    """One line for the hotline: the appointment, and what a late cancel or a no-show cost."""
    booking = record.booking
    starts = booking.starts_at.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    cancel_by = record.cancel_by.astimezone(BUSINESS_TZ).strftime("%Y-%m-%d %H:%M")
    text = (
        f"{record.appointment_id} {record.state.value} {booking.member_id} at "
        f"{booking.clinic_id} {starts} {booking.service.value} {booking.department}"
    )
    if booking.preauth_id:
        text += f" under {booking.preauth_id}"
    text += f"; cancel by {cancel_by}"
    if record.missed:
        text += (
            f"; booking at {booking.clinic_id} suspended, the hospital's fee "
            f"{format_yuan(record.missed.fee_fen)} is the family's"
        )
    return text


def _book_appointment(args: argparse.Namespace) -> int:
    """The insurer's staff book an appointment for a member (booked by the hotline)."""
    store = Store.open(args.data)
    member = _member(store, args.member)
    now = store.now()
    try:
        with store.writing() as db:
            record = book(
                store,
                db,
                load_plan(),
                member_id=member.member_id,
                clinic_id=args.clinic,
                starts_at=datetime.combine(args.date, args.time, tzinfo=BUSINESS_TZ),
                service=AppointmentService(args.service),
                booked_by=BookedBy.HOTLINE,
                now=now,
                preauth_id=args.preauth,
                department=args.department,
            )
    except AppointmentRefused as refused:
        raise SystemExit(f"kiosk-sandbox: not booked: {refused.en}") from None
    print(describe_appointment(record))
    return 0


def _cancel_appointment(args: argparse.Namespace) -> int:
    """The family called the hotline to cancel."""
    store = Store.open(args.data)
    now = store.now()
    try:
        with store.writing() as db:
            record = cancel(db, args.appointment_id, now)
    except AppointmentRefused as refused:
        raise SystemExit(f"kiosk-sandbox: not cancelled: {refused.en}") from None
    print(describe_appointment(record))
    return 0


def _openapi(args: argparse.Namespace) -> int:
    sys.stdout.write(openapi_yaml())
    return 0


def openapi_yaml() -> str:
    """The checked-in form of the contract (`docs/insurer-api.yaml`)."""
    return yaml.safe_dump(openapi_document(), sort_keys=False, allow_unicode=True, width=100)


def build_parser() -> argparse.ArgumentParser:
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data",
        type=Path,
        default=default_data_dir(),
        metavar="DIR",
        help="directory of the sandbox database (default: %(default)s)",
    )
    parser = argparse.ArgumentParser(
        prog="kiosk-sandbox", description="The insurer sandbox for the direct-billing kiosk."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", parents=[data], help="run the insurer API server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--admin-token",
        help=f"enable /admin fault injection with this token (or set {ADMIN_TOKEN_ENV})",
    )
    serve.add_argument(
        "--clock",
        type=_aware_datetime,
        metavar="ISO",
        help="run as if it were this time, e.g. 2026-02-10T10:00+08:00 (a new database is "
        "seeded around it; time keeps running)",
    )
    serve.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.set_defaults(run=_serve)

    token = commands.add_parser("token", parents=[data], help="print a fresh e-card QR text")
    token.add_argument(
        "member",
        help="member id or demo state key, e.g. active_standard (unknown_card: a genuine card "
        "for a member the insurer does not hold)",
    )
    token.add_argument("--key", choices=["current", "previous"], default="current")
    token.set_defaults(run=_token)

    show_qr = commands.add_parser("show-qr", parents=[data], help="save an e-card QR as PNG")
    show_qr.add_argument("member", help="member id or demo state key")
    show_qr.add_argument("--out", type=Path, required=True, metavar="PNG")
    show_qr.set_defaults(run=_show_qr)

    device_key = commands.add_parser(
        "device-key", parents=[data], help="issue a device API key for a clinic"
    )
    device_key.add_argument("clinic", help="clinic id, e.g. CLINIC-DEMO")
    device_key.set_defaults(run=_device_key)

    preauth = commands.add_parser("preauth", help="decide a pre-auth request")
    decisions = preauth.add_subparsers(dest="decision", required=True)
    approve = decisions.add_parser(
        "approve",
        parents=[data],
        help="approve, granting an amount, a window, uses and the items covered",
        description="Each option left out defaults from the request: the estimated cost; from "
        "today (or the planned date, if earlier) until 30 days after the planned date; one use; "
        "the requested item code.",
    )
    approve.add_argument("--amount", type=_amount, metavar="CNY", help="approved amount")
    approve.add_argument("--from", dest="valid_from", type=_day, metavar="YYYY-MM-DD")
    approve.add_argument("--until", dest="valid_until", type=_day, metavar="YYYY-MM-DD")
    approve.add_argument("--uses", type=int, metavar="N", help="number of uses (units)")
    approve.add_argument("--items", type=_codes, metavar="CODE,...", help="item codes covered")
    approve.add_argument(
        "--categories", type=_categories, metavar="CAT,...", help="whole categories covered"
    )
    approve.add_argument("--note", help="a note to the clinic")
    deny = decisions.add_parser("deny", parents=[data], help="deny, saying why")
    deny.add_argument("--note", help="why (shown at the desk)")
    info = decisions.add_parser(
        "info", parents=[data], help="ask for more information (status info_requested)"
    )
    info.add_argument("--note", required=True, help="what the insurer needs (shown at the desk)")
    for parser_of_decision in (approve, deny, info):
        parser_of_decision.add_argument("preauth_id", metavar="ID")
        parser_of_decision.set_defaults(run=_preauth)

    guarantee = commands.add_parser(
        "guarantee",
        parents=[data],
        help="the hotline: a phone guarantee for a member's visit today (prints its reference)",
    )
    guarantee.add_argument("member", help="member id or demo state key (e.g. active_plus)")
    guarantee.add_argument("--clinic", default=DEMO_CLINIC_ID, help="default: %(default)s")
    guarantee.set_defaults(run=_guarantee)

    run = commands.add_parser(
        "settle",
        parents=[data],
        help="the insurer's review and payment run of a day (prints what it reviewed and paid)",
        description="Pays every claim reviewed before the day (and every balance a family paid "
        "before it), then reviews every claim accepted before it: the named claims as named, "
        "the others by the default share. Running a day again pays nothing twice.",
    )
    run.add_argument("--date", type=_day, required=True, metavar="YYYY-MM-DD")
    run.add_argument(
        "--reject",
        nargs="+",
        action="extend",
        default=[],
        metavar="CLAIM_ID",
        help="reject these claims after review",
    )
    run.add_argument(
        "--not-covered",
        nargs="+",
        action="extend",
        default=[],
        type=_claim_line,
        metavar="CLAIM_ID:LINE_NO",
        help="find these lines not covered after review",
    )
    run.add_argument(
        "--review-share",
        type=int,
        default=DEFAULT_REVIEW_SHARE,
        metavar="N",
        help="1 in N other claims is found partly not covered (0: none; default %(default)s)",
    )
    run.set_defaults(run=_settle)

    balance = commands.add_parser(
        "pay-balance",
        parents=[data],
        help="the family pays what greys its card, in the e-card app",
    )
    balance.add_argument("member", help="member id or demo state key (e.g. greyed_unpaid)")
    balance.set_defaults(run=_pay_balance)

    appointment = commands.add_parser(
        "appointment", help="the insurer's hotline: book or cancel a member's appointment"
    )
    actions = appointment.add_subparsers(dest="action", required=True)
    booking = actions.add_parser(
        "book",
        parents=[data],
        help="book an appointment (prints it); refused as the member's app would refuse it",
        description="The date needs at least 2 working days between today and it; the time is "
        "a slot from 08:30 to 16:30 every 30 minutes; a procedure needs one of the member's "
        "pre-auths (--preauth), other services take none. No named doctor: the plan takes none.",
    )
    booking.add_argument("member", help="member id or demo state key (e.g. active_standard)")
    booking.add_argument("--date", type=_day, required=True, metavar="YYYY-MM-DD")
    booking.add_argument("--time", type=_clock_time, required=True, metavar="HH:MM")
    booking.add_argument("--clinic", default=DEMO_CLINIC_ID, help="default: %(default)s")
    booking.add_argument(
        "--service",
        choices=[s.value for s in AppointmentService],
        default=AppointmentService.OUTPATIENT.value,
        help="default: %(default)s",
    )
    booking.add_argument("--preauth", metavar="ID", help="the pre-auth a procedure is done under")
    booking.add_argument("--department", type=_department, help="default: the service's department")
    booking.set_defaults(run=_book_appointment)
    cancelling = actions.add_parser(
        "cancel",
        parents=[data],
        help="cancel an appointment (late from 16:00 on the last working day before it)",
    )
    cancelling.add_argument("appointment_id", metavar="ID")
    cancelling.set_defaults(run=_cancel_appointment)
    openapi = commands.add_parser("openapi", help="print the OpenAPI document (YAML)")
    openapi.set_defaults(run=_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    return args.run(args)
