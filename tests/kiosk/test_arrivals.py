"""Arrivals in the core: the day-before verdict for each kind of problem, read against the
appointment's date (not today's), the calls due on the last working day before a holiday, and a
check-in the insurer could not confirm, which never stops a visit and is refused only where the
clinic direct-bills by appointment."""

from __future__ import annotations

import socket
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from insurer_sandbox.cli import main as sandbox_cli
from insurer_sandbox.demo import DEMO_CLINIC_ID
from insurer_sandbox.server import create_device_key
from kiosk.arrivals import Arrival, ArrivalProblem, arrive, calls_due, check_arrivals, judge
from kiosk.assessment import Caution, Verdict, assess
from kiosk.business_day import business_day
from kiosk.insurer.appointments import (
    Appointment,
    AppointmentService,
    AppointmentState,
    BookedBy,
)
from kiosk.insurer.client import InsurerClient
from kiosk.insurer.models import (
    CardStatus,
    Coverage,
    Eligibility,
    ItemCategory,
    Member,
    PlanTier,
    PreAuth,
    PreAuthGrant,
    PreAuthStatus,
    UnpaidBalance,
)
from tests.sandbox_fixtures import demo_sandbox

DAY = date(2026, 12, 8)
NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
MEMBER = Member(
    member_id="M1", name_masked="王*", birth_year=2019, guardian_phone_masked="138****0001"
)


def appointment(preauth_id: str | None = None) -> Appointment:
    return Appointment(
        appointment_id="AP1",
        member=MEMBER,
        clinic_id="CLINIC-DEMO",
        starts_at=datetime(2026, 12, 8, 2, 0, tzinfo=UTC),
        service=AppointmentService.PROCEDURE if preauth_id else AppointmentService.OUTPATIENT,
        department="国际部儿科",
        preauth_id=preauth_id,
        booked_by=BookedBy.HOTLINE,
        booked_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC),
        cancel_by=datetime(2026, 12, 7, 8, 0, tzinfo=UTC),
        state=AppointmentState.BOOKED,
    )


def eligibility(
    *,
    status: CardStatus = CardStatus.ACTIVE,
    in_network: bool = True,
    period: tuple[date, date] = (date(2026, 1, 1), date(2026, 12, 31)),
    preauths: tuple[PreAuth, ...] = (),
    unpaid_fen: int | None = None,
) -> Eligibility:
    return Eligibility(
        status=status,
        direct_billing=status is CardStatus.ACTIVE and in_network,
        clinic_id="CLINIC-DEMO",
        in_network=in_network,
        member=MEMBER,
        coverage=Coverage(
            policy_number="GP1",
            plan_tier=PlanTier.STANDARD,
            period_start=period[0],
            period_end=period[1],
        ),
        unpaid=UnpaidBalance(amount_fen=unpaid_fen, claim_ref="C1") if unpaid_fen else None,
        preauths=list(preauths),
        checked_at=NOW,
    )


def preauth(status: PreAuthStatus) -> PreAuth:
    return PreAuth(
        preauth_id="PA1",
        member_id="M1",
        item_code="MRI01",
        description="MRI",
        category=ItemCategory.EXAM,
        planned_date=DAY,
        diagnosis="R51",
        estimated_cost_fen=300_000,
        status=status,
        requested_at=NOW,
    )


def approved(*, uses_left: int = 1, valid_until: date = date(2026, 12, 31)) -> PreAuth:
    return preauth(PreAuthStatus.APPROVED).model_copy(
        update={
            "decided_at": NOW,
            "grant": PreAuthGrant(
                auth_number="AUTH1",
                approved_fen=300_000,
                valid_from=date(2026, 12, 1),
                valid_until=valid_until,
                uses_allowed=1,
                uses_left=uses_left,
                amount_left_fen=300_000 if uses_left else 0,
                item_codes=["MRI01"],
            ),
        }
    )


@pytest.mark.parametrize(
    ("answer", "booked_under", "problems"),
    [
        (eligibility(), None, ()),
        (
            eligibility(status=CardStatus.GREYED_UNPAID, unpaid_fen=35_600),
            None,
            (ArrivalProblem.GREYED_UNPAID,),
        ),
        # Active today, but the policy ends today: tomorrow's visit is outside it.
        (
            eligibility(period=(date(2026, 1, 1), date(2026, 12, 7))),
            None,
            (ArrivalProblem.POLICY_ENDED,),
        ),
        (
            eligibility(period=(date(2026, 12, 9), date(2027, 12, 8))),
            None,
            (ArrivalProblem.NOT_YET_IN_FORCE,),
        ),
        # Ends on the appointment's day: still in force then.
        (eligibility(period=(date(2026, 1, 1), DAY)), None, ()),
        (eligibility(in_network=False), None, (ArrivalProblem.NOT_IN_NETWORK,)),
        (
            eligibility(preauths=(preauth(PreAuthStatus.PENDING),)),
            "PA1",
            (ArrivalProblem.PREAUTH_PENDING,),
        ),
        (
            eligibility(preauths=(preauth(PreAuthStatus.INFO_REQUESTED),)),
            "PA1",
            (ArrivalProblem.PREAUTH_PENDING,),
        ),
        (
            eligibility(preauths=(preauth(PreAuthStatus.DENIED),)),
            "PA1",
            (ArrivalProblem.PREAUTH_DENIED,),
        ),
        # An approval that will not cover the procedure on the day: used up, or its dates.
        (
            eligibility(preauths=(approved(uses_left=0),)),
            "PA1",
            (ArrivalProblem.PREAUTH_NOT_USABLE,),
        ),
        (
            eligibility(preauths=(approved(valid_until=date(2026, 12, 7)),)),
            "PA1",
            (ArrivalProblem.PREAUTH_NOT_USABLE,),
        ),
        (eligibility(preauths=(approved(),)), "PA1", ()),
        # The booked pre-auth is no longer on the member's record.
        (eligibility(), "PA1", (ArrivalProblem.PREAUTH_NOT_USABLE,)),
        # Another request pending is not the booked procedure's: nothing to call about.
        (eligibility(preauths=(preauth(PreAuthStatus.PENDING),)), None, ()),
        (
            Eligibility(
                status=CardStatus.NOT_FOUND,
                direct_billing=False,
                clinic_id="CLINIC-DEMO",
                in_network=False,
                checked_at=NOW,
            ),
            None,
            (ArrivalProblem.NOT_FOUND,),
        ),
    ],
)
def test_the_day_before_names_what_would_stop_direct_billing_on_the_day(
    answer, booked_under, problems
):
    verdict = judge(appointment(booked_under), answer)
    assert verdict.problems == problems
    if ArrivalProblem.GREYED_UNPAID in problems:
        assert verdict.unpaid_fen == 35_600


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_check_in_the_insurer_cannot_confirm_is_said_and_never_raised():
    client = InsurerClient(f"http://127.0.0.1:{closed_port()}", "key", retries=0, connect_timeout=1)
    with client:
        arrival = arrive(client, "M1")
    assert arrival == Arrival(None, unconfirmed=True)


def test_only_an_appointment_clinic_refuses_without_a_confirmed_appointment():
    answer = eligibility()
    for arrival in (None, Arrival(None), Arrival(None, unconfirmed=True)):
        assert assess(answer, arrival).verdict is Verdict.GREEN
    assert assess(answer, Arrival(None), appointments_required=True).cautions == (
        Caution.NO_APPOINTMENT,
    )
    unconfirmed = assess(answer, Arrival(None, unconfirmed=True), appointments_required=True)
    assert unconfirmed.verdict is Verdict.RED
    assert unconfirmed.cautions == (Caution.APPOINTMENT_UNCONFIRMED,)
    booked = Arrival(appointment().model_copy(update={"state": AppointmentState.CHECKED_IN}))
    assert assess(answer, booked, appointments_required=True).verdict is Verdict.GREEN
    # A card the insurer refuses is refused for its own reason, whatever the appointment.
    greyed = eligibility(status=CardStatus.GREYED_UNPAID, unpaid_fen=100)
    assert assess(greyed, Arrival(None), appointments_required=True).cautions == (
        Caution.GREYED_UNPAID,
    )


SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def before_national_day(tmp_path_factory):
    """A sandbox where the insurer booked, on 21 September 2026, one family for the first
    working day after the National Day holiday (Thursday 8 October) and one for 9 October."""
    with demo_sandbox(
        tmp_path_factory.mktemp("holiday"), datetime(2026, 9, 21, 10, tzinfo=SHANGHAI)
    ) as sandbox:
        data = ["--data", str(sandbox.data_dir)]
        for day in ("2026-10-08", "2026-10-09"):
            booked = ["appointment", "book", "active_standard", "--date", day, "--time", "09:00"]
            assert sandbox_cli([*booked, *data]) == 0
        yield sandbox


def test_the_last_working_day_before_a_holiday_calls_every_family_whose_deadline_it_is(
    before_national_day,
):
    sandbox = before_national_day
    sandbox.set_clock(datetime(2026, 9, 30, 10, tzinfo=SHANGHAI))
    key = create_device_key(sandbox.data_dir, DEMO_CLINIC_ID)
    with InsurerClient(sandbox.url, key) as insurer:
        due = calls_due(insurer, date(2026, 9, 30))
        check = check_arrivals(insurer, due, lambda: datetime(2026, 9, 30, 10, tzinfo=SHANGHAI))
    assert [business_day(a.starts_at) for a in due] == [date(2026, 10, 8)]
    assert due[0].cancel_by == datetime(2026, 9, 30, 16, tzinfo=SHANGHAI)
    assert check.on == date(2026, 9, 30)
    assert len(check.arrivals) == 1 and not check.problems
