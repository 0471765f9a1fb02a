"""HL7 v2 charges from the clinic's HIS: DFT^P03 in, its ACK out, the shares back as a DFT^P03.

Message profile (versions 2.3 to 2.5.1, UTF-8, the standard separators or the message's own):

In, DFT^P03 (post detail financial transaction), one patient's charges for one visit:

- MSH-3/MSH-4 sending application and facility: the sender, non-personal (a resend is a
  duplicate per sender and MSH-10); MSH-7 when it was sent; MSH-9 DFT^P03[^DFT_P03];
  MSH-10 control id, required: what the ACK answers and what makes a resend a duplicate;
  MSH-12 version.
- EVN: expected, not read (the charges carry their own times).
- PID-3 (first repetition, ID) the HIS's patient number; PID-5 family^given, written as
  family+given when either is in Chinese characters, else "given family"; PID-7 date of birth.
  Name and date of birth are matched against the scanned card: without them the charges are
  nobody's (UNKNOWN_PATIENT).
- PV1-19 visit number, optional: sent back with the shares.
- FT1, one per charge: FT1-4 when charged (optional; a time without offset is Asia/Shanghai);
  FT1-6 must be CG (a charge: credits and payments are not the desk's business); FT1-7 item
  code^text (FT1-8 description when FT1-7 has no text); FT1-10 quantity, a whole number;
  FT1-12 unit amount, or when empty FT1-11 extended amount divided by the quantity, exactly;
  when both are given they must agree. Amounts are yuan as CP "120.00&CNY^UP" (the MO's
  currency subcomponent; "120.00^CNY", the currency where the price type goes, is read too),
  any other currency refused;
  decimal text to integer fen, never a float, and an amount that is not a whole number of fen
  is refused, not rounded. FT1-23 filler order number: the order the HIS closes with the shares.
- IN1 (the first), required: IN1-36 policy number (no policy number: UNKNOWN_PATIENT), IN1-49
  insured's id (the insurer's member id), optional.

Out, ACK (original mode, HL7 2.9.2): MSA-1 AA (accepted, or a duplicate already received: the
HIS must stop resending), AE (the content is wrong, sending it again will not help: INVALID,
UNKNOWN_PATIENT, a DUPLICATE id with other content) or AR (rejected for reasons other than the
charges: MALFORMED, UNSUPPORTED_TYPE, or the desk's own error, which the HIS may send again);
MSA-2 the control id answered; refusals carry an HL7 2.5 ERR (ERR-3 HL7 table 0357 code, ERR-4
E, ERR-8 the refusal and which field). No refusal names a field's value: ACKs and logs carry no
personal data.

Out, the shares, DFT^P03 v2.5 to the sender: PID (3, 5, 7) and PV1-19 as the HIS sent them, so
it finds its own patient and visit; one FT1 per order with FT1-2 the insurer's claim id (empty
when the family paid everything), FT1-3 the clinic's invoice number, FT1-4 when settled, FT1-6
PY, FT1-7 item code, FT1-10 quantity, FT1-11 amount charged, FT1-15 insurer's share, FT1-23
order number; the family's share is FT1-11 minus FT1-15 and is not written separately. IN1-36
policy number (and IN1-49 member id when known). PID-5 carries the full name as one component:
the desk keeps it whole and the HIS finds its patient by PID-3.

Parsing and the ACK's header are python-hl7's; values are written through its containers and
escaping, so a '|' or '^' in a name cannot shift a field.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import hl7
import hl7.util

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import (
    ChargeSource,
    HisCharge,
    HisChargeMessage,
    HisInputError,
    HisPatient,
    HisRefusal,
    Settlement,
    fen_of,
    full_name,
    missing,
    whole_quantity,
)

VERSIONS = frozenset({"2.3", "2.3.1", "2.4", "2.5", "2.5.1"})
"""The HL7 versions whose DFT^P03 the desk reads: FT1 and IN1 mean the same in all of them."""

DUPLICATE_RECEIVED = "duplicate: already received"
"""MSA-3 of the AA answering a resend: the HIS lost the first ACK and must stop resending."""

_ERROR_CODES: Mapping[HisRefusal | None, tuple[str, str, str]] = {
    HisRefusal.MALFORMED: ("100", "Segment sequence error", "HL70357"),
    HisRefusal.UNSUPPORTED_TYPE: ("200", "Unsupported message type", "HL70357"),
    HisRefusal.INVALID: ("102", "Data type error", "HL70357"),
    HisRefusal.UNKNOWN_PATIENT: ("101", "Required field missing", "HL70357"),
    HisRefusal.DUPLICATE: ("205", "Duplicate key identifier", "HL70357"),
    None: ("207", "Application internal error", "HL70357"),
}
"""ERR-3 per refusal (HL7 table 0357); None is the desk's own error."""

_REJECTED = frozenset({HisRefusal.MALFORMED, HisRefusal.UNSUPPORTED_TYPE, None})
"""Answered AR (rejected for reasons other than the charges: no message the desk can read or
takes, or the desk's own error, which a resend may get past) rather than AE."""

_PRICE_TYPES_OR_CNY = frozenset({"AP", "DC", "IC", "PF", "TF", "TP", "UP", "CNY"})
"""CP-2 as read: a price type of HL7 table 0205, or CNY where a HIS writes the currency there."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TIMESTAMP = re.compile(r"\d{4}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,4})?)?)?)?)?)?")
_OFFSET = re.compile(r"[+-]\d{4}")
_DECIMAL = re.compile(r"\d{1,12}(?:\.\d{1,8})?")
_STANDARD = hl7.Message()
"""An empty message with the standard separators: what outgoing messages are built from."""


def _drop_record(record: logging.LogRecord) -> bool:
    return False


# python-hl7 logs a field's whole value when it meets an escape sequence it cannot read: those
# values are names, dates of birth and policy numbers, so its log records are dropped.
hl7.util.logger.addFilter(_drop_record)


# --- in -------------------------------------------------------------------------------------


def read_dft(text: str) -> HisChargeMessage:
    """The charges of one DFT^P03, or `HisInputError` saying which field is wrong (never what
    it holds)."""
    message = _parse(text)
    header = message.segment("MSH")
    kind = (_text(header, 9, 1), _text(header, 9, 2), _text(header, 9, 3))
    if kind[:2] != ("DFT", "P03") or kind[2] not in ("", "DFT_P03"):
        raise HisInputError(HisRefusal.UNSUPPORTED_TYPE, "MSH-9: only DFT^P03 is taken")
    if _text(header, 12) not in VERSIONS:
        raise HisInputError(HisRefusal.UNSUPPORTED_TYPE, "MSH-12: only versions 2.3 to 2.5.1")
    control_id = _text(header, 10)
    if not control_id:
        raise missing("MSH-10 message control id")
    application = _text(header, 3)
    if not application:
        raise missing("MSH-3 sending application")
    facility = _text(header, 4)
    charges = tuple(
        _charge(segment, number) for number, segment in enumerate(_segments(message, "FT1"), 1)
    )
    if not charges:
        raise HisInputError(HisRefusal.INVALID, "FT1: the message has no charge")
    orders = [charge.order_no for charge in charges]
    if len(set(orders)) != len(orders):
        raise HisInputError(HisRefusal.INVALID, "FT1-23: an order number appears twice")
    visits = _segments(message, "PV1")
    return HisChargeMessage(
        message_id=control_id,
        source=ChargeSource.HL7_V2,
        sender=f"{application}^{facility}" if facility else application,
        patient=_patient(message),
        charges=charges,
        visit_no=(_text(visits[0], 19) or None) if visits else None,
        sent_at=_moment(_text(header, 7), "MSH-7"),
    )


def message_reference(text: str) -> str:
    """A received message's type and control id ("DFT^P03 MSG00001"), "unreadable" when it has
    no readable MSH: how logs name a message, with no personal data."""
    try:
        header = _parse(text).segment("MSH")
    except HisInputError:
        return "unreadable"
    kind = "^".join(part for part in (_text(header, 9, 1), _text(header, 9, 2)) if part)
    return f"{kind or 'untyped'} {_text(header, 10) or 'without control id'}"


def _parse(text: str) -> hl7.Message:
    """The library's reading of `text`; line ends of any platform separate segments (a HIS
    tested by hand often sends LF) and blank lines are dropped."""
    lines = [line for line in _LINE_BREAK.split(text) if line.strip()]
    if not lines or not lines[0].startswith("MSH"):
        raise HisInputError(HisRefusal.MALFORMED, "the message does not begin with MSH")
    try:
        message = hl7.parse("\r".join(lines))
        headers = message.segments("MSH")
    except Exception:  # whatever the library fails on is not a message it can read
        raise HisInputError(
            HisRefusal.MALFORMED, "the message is not HL7 v2 that can be read"
        ) from None
    if len(headers) != 1:
        raise HisInputError(HisRefusal.MALFORMED, "MSH: one message per frame, not a batch")
    return message


def _segments(message: hl7.Message, name: str) -> list[hl7.Segment]:
    try:
        return list(message.segments(name))
    except KeyError:
        return []


def _text(segment: hl7.Segment, field: int, component: int = 1, subcomponent: int = 1) -> str:
    """One value of a field's first repetition, unescaped; "" when the message leaves it out
    (absent, empty, or the HL7 null '""')."""
    try:
        value = str(segment.extract_field(1, field, 1, component, subcomponent)).strip()
    except IndexError:
        return ""
    return "" if value == '""' else value


def _patient(message: hl7.Message) -> HisPatient:
    identities = _segments(message, "PID")
    if not identities:
        raise HisInputError(HisRefusal.UNKNOWN_PATIENT, "PID: the message names no patient")
    pid = identities[0]
    his_patient_id = _text(pid, 3)
    if not his_patient_id:
        raise missing("PID-3 patient identifier")
    name = full_name(family=_text(pid, 5, 1), given=_text(pid, 5, 2))
    if not name:
        raise HisInputError(HisRefusal.UNKNOWN_PATIENT, "PID-5 patient name is missing")
    born = _text(pid, 7)
    if not born:
        raise HisInputError(HisRefusal.UNKNOWN_PATIENT, "PID-7 date of birth is missing")
    insurances = _segments(message, "IN1")
    if not insurances:
        raise HisInputError(HisRefusal.UNKNOWN_PATIENT, "IN1: the message names no insurance")
    policy_number = _text(insurances[0], 36)
    if not policy_number:
        raise HisInputError(HisRefusal.UNKNOWN_PATIENT, "IN1-36 policy number is missing")
    return HisPatient(
        his_patient_id=his_patient_id,
        name=name,
        birth_date=_birth_date(born),
        policy_number=policy_number,
        member_id=_text(insurances[0], 49) or None,
    )


def _birth_date(value: str) -> date:
    """PID-7: a date, or a longer timestamp whose first 8 digits are the date."""
    stamp = _without_offset(value)
    if len(stamp) < 8 or not _TIMESTAMP.fullmatch(stamp):
        raise HisInputError(HisRefusal.INVALID, "PID-7 is not a date of birth")
    try:
        return date.fromisoformat(stamp[:8])
    except ValueError:
        raise HisInputError(HisRefusal.INVALID, "PID-7 is not a date of birth") from None


def _moment(value: str, where: str) -> datetime | None:
    """An HL7 timestamp as an aware time; one without an offset is the clinic's local time."""
    if not value:
        return None
    if not _TIMESTAMP.fullmatch(_without_offset(value)):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not a date and time")
    try:
        moment: datetime = hl7.parse_datetime(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=BUSINESS_TZ)
        return moment.astimezone(BUSINESS_TZ)
    except (ValueError, OverflowError):  # a date that is none, or an offset past ±24 h
        raise HisInputError(HisRefusal.INVALID, f"{where} is not a date and time") from None


def _without_offset(value: str) -> str:
    """An HL7 timestamp without its "+0800" offset, if it has one."""
    return value[:-5] if len(value) > 5 and _OFFSET.fullmatch(value[-5:]) else value


def _charge(ft1: hl7.Segment, number: int) -> HisCharge:
    """One FT1 as a charge; `number` (its place in the message) names it in a refusal."""

    def field(n: int) -> str:
        return f"FT1-{n} (charge {number})"

    if _text(ft1, 6) != "CG":
        raise HisInputError(HisRefusal.INVALID, f"{field(6)} is not CG, a charge")
    code = _text(ft1, 7, 1)
    if not code:
        raise missing(f"{field(7)} transaction code")
    order_no = _text(ft1, 23)
    if not order_no:
        raise missing(f"{field(23)} filler order number")
    quantity = _quantity(_text(ft1, 10), field(10))
    unit = _amount(ft1, 12, field(12))
    extended = _amount(ft1, 11, field(11))
    if unit is None:
        if extended is None:
            raise missing(f"{field(12)} unit amount (and {field(11)})")
        unit, rest = divmod(extended, quantity)
        if rest:
            raise HisInputError(
                HisRefusal.INVALID, f"{field(11)} is not a whole number of fen per unit"
            )
    elif extended is not None and extended != unit * quantity:
        raise HisInputError(HisRefusal.INVALID, f"{field(11)} is not FT1-10 times FT1-12")
    return HisCharge(
        order_no=order_no,
        his_code=code,
        description=_text(ft1, 7, 2) or _text(ft1, 8),
        quantity=quantity,
        unit_price_fen=unit,
        charged_at=_moment(_text(ft1, 4), field(4)),
    )


def _quantity(value: str, where: str) -> int:
    """FT1-10: a whole number of at least 1 ("2" or "2.0"); a fraction of an item is refused."""
    if not value:
        raise missing(f"{where} quantity")
    if not _DECIMAL.fullmatch(value):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not a quantity")
    return whole_quantity(Decimal(value), where)


def _amount(ft1: hl7.Segment, number: int, where: str) -> int | None:
    """A CP amount in yuan as fen, None when the field is empty."""
    value = _text(ft1, number, 1, 1)
    currency = _text(ft1, number, 1, 2)
    second = _text(ft1, number, 2)  # CP's price type; some HIS put the currency here
    if not value:
        return None
    if (currency and currency != "CNY") or (second and second not in _PRICE_TYPES_OR_CNY):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not in CNY")
    return _fen(value, where)


def _fen(value: str, where: str) -> int:
    """Yuan text ("120", "120.5", "120.50") as fen, exactly (`fen_of`): an exponent is no
    amount."""
    if not _DECIMAL.fullmatch(value):
        raise HisInputError(HisRefusal.INVALID, f"{where} is not an amount in yuan")
    return fen_of(Decimal(value), where)


# --- the ACK --------------------------------------------------------------------------------


def acknowledgement(
    text: str,
    *,
    accepted: bool,
    refusal: HisRefusal | None,
    detail: str,
    application: str = "KIOSK",
) -> str:
    """The ACK for received `text`.

    `accepted` answers AA with `detail` as MSA-3 (e.g. `DUPLICATE_RECEIVED`); otherwise
    `refusal` says why (None: the desk's own error, AR) and `detail` which field, in MSA-3 and
    an ERR segment. A message without a readable MSH still gets a minimal AR, so the HIS never
    waits for an answer that does not come.
    """
    if accepted:
        code = "AA"
    elif refusal in _REJECTED:
        code = "AR"
    else:
        code = "AE"
    try:
        ack = _parse(text).create_ack(code, message_id=_new_control_id(), application=application)
    except Exception:  # no MSH the library can answer: a minimal ACK of our own
        ack = _minimal_ack(code, application)
    header, answer = ack.segment("MSH"), ack.segment("MSA")
    # The library stamps the ACK in UTC without an offset, which HL7 reads as local time.
    header.assign_field(_timestamp(datetime.now(BUSINESS_TZ)), 7)
    if accepted:
        if detail:
            answer.assign_field(_escaped(ack, detail), 3)
        return str(ack)
    message = f"{refusal.value}: {detail}" if refusal is not None else detail
    answer.assign_field(_escaped(ack, message), 3)
    ack.append(_segment(ack, "ERR", {3: _ERROR_CODES[refusal], 4: "E", 8: message}))
    return str(ack)


def _minimal_ack(code: str, application: str) -> hl7.Message:
    header = _header(
        _STANDARD,
        {3: application, 9: ("ACK",), 10: _new_control_id(), 11: "P", 12: "2.5"},
    )
    return _STANDARD.create_message([header, _segment(_STANDARD, "MSA", {1: code, 2: ""})])


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """What the HIS answered to a message the desk sent."""

    code: str
    """MSA-1: AA accepted, AE or AR not."""
    control_id: str
    """MSA-2: the control id of the message answered."""
    text: str
    """ERR-8, else MSA-3: the HIS's reason, when it gives one."""


def read_ack(text: str) -> Acknowledgement:
    """The HIS's ACK; `HisInputError` (MALFORMED) when it is not one."""
    message = _parse(text)
    answers = _segments(message, "MSA")
    if _text(message.segment("MSH"), 9) != "ACK" or not answers:
        raise HisInputError(HisRefusal.MALFORMED, "MSH-9: the answer is not an ACK")
    errors = _segments(message, "ERR")
    return Acknowledgement(
        code=_text(answers[0], 1),
        control_id=_text(answers[0], 2),
        text=(_text(errors[0], 8) if errors else "") or _text(answers[0], 3),
    )


# --- out: the shares --------------------------------------------------------------------------


def settlement_message(
    settlement: Settlement, *, application: str = "KIOSK", control_id: str
) -> str:
    """The shares of one HIS message as a DFT^P03 back to its sender (profile above). The
    family's share of an order is FT1-11 minus FT1-15."""
    patient = settlement.patient
    receiver, _, facility = settlement.sender.partition("^")
    settled = _timestamp(settlement.settled_at)
    segments = [
        _header(
            _STANDARD,
            {
                3: application,
                5: receiver,
                6: facility,
                7: settled,  # not the time of this attempt: a retry is the same message
                9: ("DFT", "P03", "DFT_P03"),
                10: control_id,
                11: "P",
                12: "2.5",
                18: "UNICODE UTF-8",
            },
        ),
        _segment(_STANDARD, "EVN", {1: "P03", 2: settled}),
        _segment(
            _STANDARD,
            "PID",
            {
                1: "1",
                3: patient.his_patient_id,
                5: patient.name,
                7: patient.birth_date.strftime("%Y%m%d"),
            },
        ),
        _segment(_STANDARD, "PV1", {1: "1", 2: "O", 19: settlement.visit_no or ""}),
    ]
    for number, charge in enumerate(settlement.charges, 1):
        segments.append(
            _segment(
                _STANDARD,
                "FT1",
                {
                    1: str(number),
                    2: settlement.claim_id or "",
                    3: settlement.invoice_no,
                    4: settled,
                    6: "PY",
                    7: (charge.his_code,),
                    10: str(charge.quantity),
                    11: ((_yuan(charge.charged_fen), "CNY"),),
                    15: ((_yuan(charge.insurer_fen), "CNY"),),
                    23: charge.order_no,
                },
            )
        )
    segments.append(
        _segment(
            _STANDARD,
            "IN1",
            {1: "1", 36: patient.policy_number, 49: patient.member_id or ""},
        )
    )
    return str(_STANDARD.create_message(segments))


def _yuan(fen: int) -> str:
    yuan, rest = divmod(fen, 100)
    return f"{yuan}.{rest:02d}"


def _timestamp(moment: datetime) -> str:
    """An aware time as an HL7 TS with its offset, in the clinic's zone."""
    return moment.astimezone(BUSINESS_TZ).strftime("%Y%m%d%H%M%S%z")


def _new_control_id() -> str:
    return uuid.uuid4().hex[:20]


# --- building segments ------------------------------------------------------------------------

FieldValue = str | Sequence[str | tuple[str, ...]]
"""A field to write: one value, or its components in order (a component with subcomponents as
a tuple: a CP's MO amount and currency, "680.00&CNY")."""


def _escaped(like: hl7.Container, value: str) -> str:
    """`value` escaped with the library for the separators of `like`. Control characters become
    spaces (a value is one line); characters beyond ASCII are written as they are, in UTF-8:
    the library's own escaping would write them as hex escapes it cannot read back."""
    return "".join(
        " " if char < " " else char if ord(char) > 0x7E else hl7.util.escape(like, char)
        for char in value
    )


def _component(like: hl7.Container, part: str | tuple[str, ...]) -> object:
    if isinstance(part, str):
        return _escaped(like, part)
    return like.create_component([_escaped(like, sub) for sub in part])


def _fields(like: hl7.Container, fields: Mapping[int, FieldValue], first: int) -> list[object]:
    items: list[object] = []
    for number in range(first, max(fields) + 1):
        value = fields.get(number, "")
        components = [value] if isinstance(value, str) else list(value)
        repetition = like.create_repetition([_component(like, part) for part in components])
        items.append(like.create_field([repetition]))
    return items


def _segment(like: hl7.Container, name: str, fields: Mapping[int, FieldValue]) -> hl7.Segment:
    """Segment `name` with `fields` (by HL7 field number, gaps left empty), values escaped."""
    return like.create_segment([like.create_field([name]), *_fields(like, fields, 1)])


def _header(like: hl7.Container, fields: Mapping[int, FieldValue]) -> hl7.Segment:
    """An MSH with the separators of `like` in MSH-1 and MSH-2 and `fields` from MSH-3 on."""
    separators = like.separators
    encoding = separators[3] + separators[2] + like.esc + separators[4]
    return like.create_segment(
        [
            like.create_field(["MSH"]),
            like.create_field([separators[1]]),
            like.create_field([encoding]),
            *_fields(like, fields, 3),
        ]
    )
