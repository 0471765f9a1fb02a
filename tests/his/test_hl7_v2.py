"""HL7 v2 DFT^P03 in, ACK out, the shares back: what the clinic's HIS and the insurer see."""

from datetime import date, datetime

import hl7
import pytest

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import (
    ChargeSource,
    HisInputError,
    HisPatient,
    HisRefusal,
    SettledCharge,
    Settlement,
)
from kiosk.his.hl7_v2 import (
    DUPLICATE_RECEIVED,
    acknowledgement,
    message_reference,
    read_ack,
    read_dft,
    settlement_message,
)
from tests.his.messages import DFT_P03, PERSONAL_VALUES, edited


def refusal_of(text):
    with pytest.raises(HisInputError) as refused:
        read_dft(text)
    for value in PERSONAL_VALUES:
        assert value not in str(refused.value)
    return refused.value.refusal, refused.value.detail


# --- reading the charges ----------------------------------------------------------------------


def test_the_example_message_reads_to_exact_fen_and_the_hiss_own_numbers():
    message = read_dft(DFT_P03)

    assert message.message_id == "MSG00001"
    assert message.source is ChargeSource.HL7_V2
    assert message.sender == "CLINIC-HIS^SUNSHINE-PEDS"
    assert message.visit_no == "V20261207-001"
    assert message.sent_at == datetime(2026, 12, 7, 9, 35, 12, tzinfo=BUSINESS_TZ)
    assert message.patient == HisPatient(
        his_patient_id="HIS-00042",
        name="李沐阳",
        birth_date=date(2019, 5, 14),
        policy_number="GP2026000101",
        member_id="M26000101",
    )
    assert [(c.order_no, c.his_code, c.description, c.quantity, c.unit_price_fen) for c in
            message.charges] == [
        ("ORD-1001", "HIS-GP01", "普通门诊诊查", 1, 15000),
        ("ORD-1002", "HIS-CBC", "血常规", 1, 4500),
    ]  # fmt: skip
    assert message.charges[0].charged_at == datetime(2026, 12, 7, 9, 10, tzinfo=BUSINESS_TZ)


def test_a_time_without_offset_is_the_clinics_local_time_and_an_offset_is_kept():
    message = read_dft(
        edited(DFT_P03, {"FT1.4": "20261207091000", "FT12.4": "20261207012500+0000"})
    )

    assert message.charges[0].charged_at == datetime(2026, 12, 7, 9, 10, tzinfo=BUSINESS_TZ)
    assert message.charges[1].charged_at == datetime(2026, 12, 7, 9, 25, tzinfo=BUSINESS_TZ)


def test_a_western_name_reads_given_name_first_and_a_longer_birth_timestamp_is_a_date():
    patient = read_dft(edited(DFT_P03, {"PID.5": "Martin^Olivia", "PID.7": "201905140830"})).patient

    assert patient.name == "Olivia Martin"
    assert patient.birth_date == date(2019, 5, 14)


def test_an_escaped_separator_in_a_name_is_read_as_the_character():
    assert read_dft(edited(DFT_P03, {"PID.5": r"O\F\Brien^Liam"})).patient.name == "Liam O|Brien"


def test_segments_separated_by_line_feeds_read_the_same():
    assert read_dft(DFT_P03.replace("\r", "\r\n")) == read_dft(DFT_P03)


def test_a_message_from_version_2_3_is_read():
    assert read_dft(edited(DFT_P03, {"MSH.12": "2.3"})).message_id == "MSG00001"


def test_an_ft1_7_without_text_takes_the_description_from_ft1_8():
    message = read_dft(edited(DFT_P03, {"FT1.7": "HIS-GP01", "FT1.8": "Consultation"}))

    assert message.charges[0].description == "Consultation"


@pytest.mark.parametrize(
    ("amount", "fen"),
    [("120", 12000), ("120.5", 12050), ("120.50", 12050), ("0.01", 1), ("120.5000", 12050)],
)
def test_unit_amounts_in_yuan_become_exact_fen(amount, fen):
    message = read_dft(edited(DFT_P03, {"FT1.12": f"{amount}^CNY"}))

    assert message.charges[0].unit_price_fen == fen


@pytest.mark.parametrize("amount", ["150.00", "150.00&CNY^UP"])
def test_a_unit_amount_without_currency_or_as_a_typed_price_is_yuan(amount):
    assert read_dft(edited(DFT_P03, {"FT1.12": amount})).charges[0].unit_price_fen == 15000


@pytest.mark.parametrize(
    ("amount", "detail"),
    [
        ("120.505", "FT1-12 (charge 1) is not a whole number of fen"),
        ("-1", "FT1-12 (charge 1) is not an amount in yuan"),
        ("abc", "FT1-12 (charge 1) is not an amount in yuan"),
        ("1e3", "FT1-12 (charge 1) is not an amount in yuan"),
        ("1,200.00", "FT1-12 (charge 1) is not an amount in yuan"),
    ],
)
def test_an_amount_that_is_not_whole_fen_of_yuan_is_refused_not_rounded(amount, detail):
    assert refusal_of(edited(DFT_P03, {"FT1.12": f"{amount}^CNY"})) == (HisRefusal.INVALID, detail)


def test_without_a_unit_amount_the_extended_amount_is_divided_by_the_quantity():
    message = read_dft(edited(DFT_P03, {"FT12.12": "", "FT12.11": "90.00^CNY", "FT12.10": "2"}))

    assert (message.charges[1].quantity, message.charges[1].unit_price_fen) == (2, 4500)


def test_an_extended_amount_that_does_not_divide_into_whole_fen_is_refused():
    refusal, detail = refusal_of(edited(DFT_P03, {"FT1.12": "", "FT1.11": "100.00", "FT1.10": "3"}))

    assert refusal is HisRefusal.INVALID
    assert detail == "FT1-11 (charge 1) is not a whole number of fen per unit"


def test_a_unit_and_an_extended_amount_that_disagree_are_refused():
    refusal, detail = refusal_of(edited(DFT_P03, {"FT1.10": "2", "FT1.11": "150.00^CNY"}))

    assert (refusal, detail) == (HisRefusal.INVALID, "FT1-11 (charge 1) is not FT1-10 times FT1-12")


def test_a_charge_without_any_amount_is_refused():
    refusal, _ = refusal_of(edited(DFT_P03, {"FT1.12": ""}))

    assert refusal is HisRefusal.INVALID


@pytest.mark.parametrize(("quantity", "read"), [("2", 2), ("1.0", 1)])
def test_a_whole_quantity_is_read(quantity, read):
    assert read_dft(edited(DFT_P03, {"FT1.10": quantity})).charges[0].quantity == read


@pytest.mark.parametrize("quantity", ["1.5", "0", "", "-1", "two"])
def test_a_quantity_that_is_not_a_whole_number_of_at_least_one_is_refused(quantity):
    refusal, detail = refusal_of(edited(DFT_P03, {"FT1.10": quantity}))

    assert refusal is HisRefusal.INVALID
    assert detail.startswith("FT1-10 (charge 1)")


def test_a_transaction_that_is_not_a_charge_is_refused():
    refusal, detail = refusal_of(edited(DFT_P03, {"FT12.6": "CD"}))

    assert (refusal, detail) == (HisRefusal.INVALID, "FT1-6 (charge 2) is not CG, a charge")


def test_a_charge_without_an_order_number_is_refused():
    refusal, detail = refusal_of(edited(DFT_P03, {"FT12.23": ""}))

    assert (refusal, detail) == (
        HisRefusal.INVALID,
        "FT1-23 (charge 2) filler order number is missing",
    )


def test_the_same_order_twice_is_refused():
    refusal, detail = refusal_of(edited(DFT_P03, {"FT12.23": "ORD-1001"}))

    assert (refusal, detail) == (HisRefusal.INVALID, "FT1-23: an order number appears twice")


def test_a_message_without_charges_is_refused():
    refusal, _ = refusal_of(edited(DFT_P03, without="FT1"))

    assert refusal is HisRefusal.INVALID


def test_a_message_without_control_id_is_refused():
    assert refusal_of(edited(DFT_P03, {"MSH.10": ""})) == (
        HisRefusal.INVALID,
        "MSH-10 message control id is missing",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"FT1.4": "2026-12-07"}, "FT1-4 (charge 1)"),
        ({"MSH.7": "yesterday"}, "MSH-7"),
        ({"PID.7": "20191345"}, "PID-7"),
    ],
)
def test_a_date_that_is_not_one_is_refused(change, field):
    refusal, detail = refusal_of(edited(DFT_P03, change))

    assert refusal is HisRefusal.INVALID
    assert detail.startswith(field)


@pytest.mark.parametrize(
    ("change", "without", "detail"),
    [
        ({}, "IN1", "IN1: the message names no insurance"),
        ({"IN1.36": ""}, "", "IN1-36 policy number is missing"),
        ({"PID.5": ""}, "", "PID-5 patient name is missing"),
        ({"PID.7": ""}, "", "PID-7 date of birth is missing"),
        ({}, "PID", "PID: the message names no patient"),
    ],
)
def test_charges_that_do_not_say_whose_they_are_are_an_unknown_patient(change, without, detail):
    assert refusal_of(edited(DFT_P03, change, without=without)) == (
        HisRefusal.UNKNOWN_PATIENT,
        detail,
    )


@pytest.mark.parametrize(
    "change",
    [{"MSH.9": "ADT^A01"}, {"MSH.9": "DFT^P11"}, {"MSH.9": "DFT^P03^DFT_P11"}, {"MSH.12": "2.6"}],
)
def test_other_message_types_and_versions_are_unsupported(change):
    refusal, _ = refusal_of(edited(DFT_P03, change))

    assert refusal is HisRefusal.UNSUPPORTED_TYPE


@pytest.mark.parametrize("text", ["", "hello", "PID|1||HIS-00042", "MSH", DFT_P03 + "\r" + DFT_P03])
def test_text_that_is_not_one_hl7_message_is_malformed(text):
    refusal, _ = refusal_of(text)

    assert refusal is HisRefusal.MALFORMED


def test_a_name_the_library_cannot_unescape_is_not_logged_by_it(caplog):
    caplog.set_level("DEBUG")

    read_dft(edited(DFT_P03, {"PID.5": r"李\Zxx\^沐阳"}))

    assert not [r for r in caplog.records if "李" in r.getMessage()]


# --- the ACK ----------------------------------------------------------------------------------


def test_an_accepted_message_is_answered_aa_to_its_control_id():
    ack = hl7.parse(acknowledgement(DFT_P03, accepted=True, refusal=None, detail="accepted"))

    assert str(ack.segment("MSH")(9)) == "ACK^P03^ACK"
    assert str(ack["MSH.5"]) == "CLINIC-HIS"
    assert str(ack["MSA.1"]) == "AA"
    assert str(ack["MSA.2"]) == "MSG00001"
    assert str(ack["MSA.3"]) == "accepted"
    assert not any(str(segment[0]) == "ERR" for segment in ack)
    assert str(ack["MSH.7"]).endswith("+0800")


def test_a_resend_is_answered_aa_duplicate_so_the_his_stops_resending():
    ack = hl7.parse(
        acknowledgement(DFT_P03, accepted=True, refusal=None, detail=DUPLICATE_RECEIVED)
    )

    assert (str(ack["MSA.1"]), str(ack["MSA.3"])) == ("AA", "duplicate: already received")


@pytest.mark.parametrize(
    ("refusal", "code", "error"),
    [
        (HisRefusal.INVALID, "AE", "102"),
        (HisRefusal.UNKNOWN_PATIENT, "AE", "101"),
        (HisRefusal.UNSUPPORTED_TYPE, "AR", "200"),
        (HisRefusal.MALFORMED, "AR", "100"),
        (HisRefusal.DUPLICATE, "AE", "205"),
        (None, "AR", "207"),
    ],
)
def test_a_refusal_is_answered_with_its_code_and_an_err_segment(refusal, code, error):
    detail = "FT1-12 (charge 1) is not an amount in yuan"
    ack = hl7.parse(acknowledgement(DFT_P03, accepted=False, refusal=refusal, detail=detail))

    assert str(ack["MSA.1"]) == code
    assert str(ack["MSA.2"]) == "MSG00001"
    assert str(ack["ERR.3.1.1"]) == error
    assert str(ack["ERR.4"]) == "E"
    expected = f"{refusal.value}: {detail}" if refusal else detail
    assert ack.segment("ERR").extract_field(1, 8) == expected


def test_garbage_gets_a_minimal_ar_the_his_can_parse():
    ack = hl7.parse(
        acknowledgement(
            "\x00garbage|||",
            accepted=False,
            refusal=HisRefusal.MALFORMED,
            detail="the message does not begin with MSH",
        )
    )

    assert [str(segment[0]) for segment in ack] == ["MSH", "MSA", "ERR"]
    assert str(ack["MSH.3"]) == "KIOSK"
    assert str(ack["MSH.9"]) == "ACK"
    assert (str(ack["MSA.1"]), str(ack["MSA.2"])) == ("AR", "")
    assert str(ack["ERR.3.1.1"]) == "100"


def test_a_header_too_short_to_answer_gets_the_minimal_ar():
    ack = hl7.parse(
        acknowledgement(
            r"MSH|^~\&|HIS", accepted=False, refusal=HisRefusal.MALFORMED, detail="MSH is short"
        )
    )

    assert str(ack["MSA.1"]) == "AR"


def test_logs_name_a_message_by_type_and_control_id_only():
    assert message_reference(DFT_P03) == "DFT^P03 MSG00001"
    assert message_reference("garbage") == "unreadable"


# --- the shares back --------------------------------------------------------------------------


def settlement(name="李沐阳", claim_id="CLM-2026-004417"):
    return Settlement(
        message_id="MSG00001",
        source=ChargeSource.HL7_V2,
        sender="CLINIC-HIS^SUNSHINE-PEDS",
        patient=HisPatient(
            his_patient_id="HIS-00042",
            name=name,
            birth_date=date(2019, 5, 14),
            policy_number="GP2026000101",
            member_id="M26000101",
        ),
        visit_no="V20261207-001",
        invoice_no="INV-20261207-0007",
        claim_id=claim_id,
        settled_at=datetime(2026, 12, 7, 10, 5, tzinfo=BUSINESS_TZ),
        charges=(
            SettledCharge("ORD-1001", "HIS-GP01", 1, 15000, 12000, 3000),
            SettledCharge("ORD-1002", "HIS-CBC", 1, 4500, 4500, 0),
        ),
    )


def test_the_shares_go_back_as_a_dft_p03_the_his_reads_per_order():
    sent = hl7.parse(settlement_message(settlement(), control_id="KIOSK0001"))

    assert str(sent["MSH.3"]) == "KIOSK"
    assert (str(sent["MSH.5"]), str(sent["MSH.6"])) == ("CLINIC-HIS", "SUNSHINE-PEDS")
    assert (str(sent.segment("MSH")(9)), str(sent["MSH.10"]), str(sent["MSH.12"])) == (
        "DFT^P03^DFT_P03",
        "KIOSK0001",
        "2.5",
    )
    assert sent.extract_field("PID", 1, 3) == "HIS-00042"
    assert sent.extract_field("PID", 1, 5) == "李沐阳"
    assert str(sent["PID.7"]) == "20190514"
    assert str(sent["PV1.19"]) == "V20261207-001"
    assert str(sent["IN1.36"]) == "GP2026000101"
    lines = [
        (
            str(ft1(2)),
            str(ft1(3)),
            str(ft1(6)),
            str(ft1(7)),
            str(ft1(10)),
            str(ft1(11)),
            str(ft1(15)),
            str(ft1(23)),
        )
        for ft1 in sent.segments("FT1")
    ]
    assert lines == [
        ("CLM-2026-004417", "INV-20261207-0007", "PY", "HIS-GP01", "1", "150.00&CNY",
         "120.00&CNY", "ORD-1001"),
        ("CLM-2026-004417", "INV-20261207-0007", "PY", "HIS-CBC", "1", "45.00&CNY",
         "45.00&CNY", "ORD-1002"),
    ]  # fmt: skip
    assert str(sent["FT1.4"]) == "20261207100500+0800"


def test_a_bill_the_family_paid_whole_goes_back_without_a_claim_id():
    sent = hl7.parse(settlement_message(settlement(claim_id=None), control_id="KIOSK0002"))

    assert [str(ft1(2)) for ft1 in sent.segments("FT1")] == ["", ""]


def test_separators_in_a_name_cannot_shift_a_field_of_the_shares():
    text = settlement_message(settlement(name="O'Brien|Liam^Jr~&\\"), control_id="KIOSK0003")
    sent = hl7.parse(text)

    pid = sent.segment("PID")
    assert len(pid) == 8  # PID-1 to PID-7, no more
    assert pid.extract_field(1, 5) == "O'Brien|Liam^Jr~&\\"
    assert str(pid(7)) == "20190514"
    assert len(text.split("\r")) == len(sent) + 1


def test_the_hiss_ack_is_read_with_its_reason():
    refused = acknowledgement(
        settlement_message(settlement(), control_id="KIOSK0004"),
        accepted=False,
        refusal=HisRefusal.INVALID,
        detail="FT1-23 (charge 2) filler order number is missing",
        application="CLINIC-HIS",
    )

    ack = read_ack(refused)

    assert (ack.code, ack.control_id) == ("AE", "KIOSK0004")
    assert ack.text == "invalid: FT1-23 (charge 2) filler order number is missing"


@pytest.mark.parametrize("price", ["45.00&CNY^UP", "45.00^UP", "45.00&CNY", "45.00^CNY"])
def test_an_amount_in_the_standard_cp_layout_or_with_the_currency_second_is_read(price):
    assert read_dft(edited(DFT_P03, {"FT12.12": price})).charges[1].unit_price_fen == 4500


@pytest.mark.parametrize("price", ["45.00&USD^UP", "45.00^USD"])
def test_an_amount_in_another_currency_is_refused(price):
    assert refusal_of(edited(DFT_P03, {"FT12.12": price})) == (
        HisRefusal.INVALID,
        "FT1-12 (charge 2) is not in CNY",
    )


def test_a_time_with_an_impossible_offset_is_refused_not_a_crash():
    assert refusal_of(edited(DFT_P03, {"FT1.4": "20261207093512+9999"})) == (
        HisRefusal.INVALID,
        "FT1-4 (charge 1) is not a date and time",
    )
