"""The HIS's side of MLLP, on real loopback sockets, played by python-hl7's own client and server:
charges in, ACKs out in order, the inbox holding each message once, the shares going back."""

import asyncio
import socket
import sqlite3
import threading
from datetime import UTC, date, datetime

import hl7
import hl7.client
import pytest
from hl7.mllp import open_hl7_connection

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.charges import ChargeSource, HisPatient, SettledCharge, Settlement
from kiosk.his.hl7_v2 import read_dft
from kiosk.his.inbox import HisInbox
from kiosk.his.mllp import MllpListener, SettlementRefused, send_settlement
from tests.his.his_peer import HisPeer
from tests.his.messages import DFT_P03, PERSONAL_VALUES, POLICY_NUMBER, edited

DAY = date(2026, 12, 7)
SECOND = edited(DFT_P03, {"MSH.10": "MSG00002", "FT1.23": "ORD-2001", "FT12.23": "ORD-2002"})
THIRD = edited(DFT_P03, {"MSH.10": "MSG00003", "FT1.23": "ORD-3001", "FT12.23": "ORD-3002"})


@pytest.fixture
def inbox(tmp_path):
    return HisInbox(
        tmp_path / "his-inbox.sqlite3", clock=lambda: datetime(2026, 12, 7, 1, 40, tzinfo=UTC)
    )


@pytest.fixture
def listener(inbox):
    with MllpListener(inbox, host="127.0.0.1", port=0) as listening:
        yield listening


def exchange(port, *texts):
    """The HIS sends `texts` on one connection, all at once, and reads as many ACKs back."""

    async def talk():
        async with asyncio.timeout(3):
            reader, writer = await open_hl7_connection("127.0.0.1", port)
            try:
                for text in texts:
                    writer.writeblock(text.encode("utf-8"))
                await writer.drain()
                return [hl7.parse((await reader.readblock()).decode("utf-8")) for _ in texts]
            finally:
                writer.close()
                await writer.wait_closed()

    return asyncio.run(talk())


def answer(ack):
    """MSA-1, MSA-2 and MSA-3 of an ACK."""
    return str(ack["MSA.1"]), str(ack["MSA.2"]), ack.segment("MSA").extract_field(1, 3)


def stored(inbox):
    return [s.message for s in inbox.open_for_policy(POLICY_NUMBER, DAY)]


# --- charges in -------------------------------------------------------------------------------


def test_a_message_in_is_answered_aa_once_its_charges_are_in_the_inbox(listener, inbox):
    [ack] = exchange(listener.port, DFT_P03)

    assert answer(ack) == ("AA", "MSG00001", "accepted")
    assert stored(inbox) == [read_dft(DFT_P03)]
    assert [c.unit_price_fen for c in stored(inbox)[0].charges] == [15000, 4500]


def test_a_resend_is_answered_aa_duplicate_and_kept_once(listener, inbox):
    exchange(listener.port, DFT_P03)

    [ack] = exchange(listener.port, DFT_P03)

    assert answer(ack) == ("AA", "MSG00001", "duplicate: already received")
    assert inbox.count() == 1


def test_the_same_control_id_with_other_content_is_an_error_and_the_first_stands(listener, inbox):
    exchange(listener.port, DFT_P03)

    [ack] = exchange(listener.port, edited(DFT_P03, {"FT1.12": "15.00^CNY"}))

    assert answer(ack)[:2] == ("AE", "MSG00001")
    assert str(ack["ERR.3.1.1"]) == "205"
    assert [c.unit_price_fen for c in stored(inbox)[0].charges] == [15000, 4500]


def test_messages_on_one_connection_are_answered_in_the_order_sent(listener, inbox):
    invalid = edited(SECOND, {"FT1.10": "1.5"})

    acks = exchange(listener.port, DFT_P03, invalid, THIRD)

    assert [answer(ack)[:2] for ack in acks] == [
        ("AA", "MSG00001"),
        ("AE", "MSG00002"),
        ("AA", "MSG00003"),
    ]
    assert [m.message_id for m in stored(inbox)] == ["MSG00001", "MSG00003"]


def test_a_message_cut_off_by_a_dropped_connection_is_not_kept(listener, inbox):
    whole = DFT_P03.encode("utf-8")
    with socket.create_connection(("127.0.0.1", listener.port), timeout=3) as dropped:
        dropped.sendall(b"\x0b" + whole[: len(whole) // 2])

    [ack] = exchange(listener.port, DFT_P03)

    assert answer(ack) == ("AA", "MSG00001", "accepted")
    assert stored(inbox) == [read_dft(DFT_P03)]


def test_garbage_in_a_frame_is_rejected_and_the_connection_goes_on(listener, inbox):
    garbage, ack = exchange(listener.port, "hello, is this the desk?", DFT_P03)

    assert answer(garbage)[:2] == ("AR", "")
    assert "malformed" in garbage.segment("ERR").extract_field(1, 8)
    assert answer(ack)[0] == "AA"
    assert inbox.count() == 1


def test_the_desks_own_failure_is_answered_ar_so_the_his_sends_again(listener, inbox, caplog):
    with sqlite3.connect(inbox.path) as db:
        db.execute("DROP TABLE messages")

    [ack] = exchange(listener.port, DFT_P03)

    assert answer(ack)[:2] == ("AR", "MSG00001")
    assert str(ack["ERR.3.1.1"]) == "207"
    assert any(r.exc_info for r in caplog.records)
    assert [value for value in PERSONAL_VALUES if value in caplog.text] == []


def test_the_log_names_messages_without_personal_data(listener, caplog):
    caplog.set_level("DEBUG")

    exchange(listener.port, DFT_P03, edited(SECOND, {"FT1.12": "abc^CNY"}), DFT_P03)

    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "DFT^P03 MSG00001 accepted" in logged
    assert "MSG00002 refused: invalid: FT1-12 (charge 1) is not an amount in yuan" in logged
    assert "MSG00001: a resend" in logged
    assert [value for value in PERSONAL_VALUES if value in logged] == []


# --- the port ---------------------------------------------------------------------------------


def test_a_port_another_program_has_cannot_be_listened_on(listener, inbox):
    taken = MllpListener(inbox, host="127.0.0.1", port=listener.port)

    with pytest.raises(OSError):
        taken.start()


def test_a_stopped_listener_releases_its_port_and_its_connections(inbox):
    first = MllpListener(inbox, host="127.0.0.1", port=0)
    first.start()
    port = first.port
    kept_open = hl7.client.MLLPClient("127.0.0.1", port)  # a HIS that keeps its connection
    kept_open.socket.settimeout(3)
    assert b"|AA|" in kept_open.send_message(DFT_P03)

    first.stop()

    assert kept_open.socket.recv(1) == b""  # the desk closed it
    kept_open.close()
    assert "his-mllp" not in [thread.name for thread in threading.enumerate()]
    with MllpListener(inbox, host="127.0.0.1", port=port) as again:
        assert answer(exchange(again.port, DFT_P03)[0])[0] == "AA"


# --- the shares back --------------------------------------------------------------------------


def shares():
    return Settlement(
        message_id="MSG00001",
        source=ChargeSource.HL7_V2,
        sender="CLINIC-HIS^SUNSHINE-PEDS",
        patient=HisPatient("HIS-00042", "李沐阳", date(2019, 5, 14), POLICY_NUMBER, "M26000101"),
        visit_no="V20261207-001",
        invoice_no="INV-20261207-0007",
        claim_id="CLM-2026-004417",
        settled_at=datetime(2026, 12, 7, 10, 5, tzinfo=BUSINESS_TZ),
        charges=(
            SettledCharge("ORD-1001", "HIS-GP01", 1, 15000, 12000, 3000),
            SettledCharge("ORD-1002", "HIS-CBC", 1, 4500, 4500, 0),
        ),
    )


def test_shares_the_his_accepts_are_sent_once_with_each_orders_insurer_share():
    with HisPeer("AA") as his:
        send_settlement(shares(), host="127.0.0.1", port=his.port, timeout=3)

    [received] = his.received
    assert received.extract_field("PID", 1, 5) == "李沐阳"
    assert [(str(ft1(23)), str(ft1(11)), str(ft1(15))) for ft1 in received.segments("FT1")] == [
        ("ORD-1001", "150.00&CNY", "120.00&CNY"),
        ("ORD-1002", "45.00&CNY", "45.00&CNY"),
    ]


def test_shares_the_his_refuses_raise_with_its_reason():
    with (
        HisPeer("AE", reason="order ORD-1002 is closed") as his,
        pytest.raises(SettlementRefused, match="AE: order ORD-1002 is closed"),
    ):
        send_settlement(shares(), host="127.0.0.1", port=his.port, timeout=3)


def test_a_his_that_is_not_listening_is_a_connection_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]

    with pytest.raises(OSError):
        send_settlement(shares(), host="127.0.0.1", port=closed_port, timeout=3)


def test_a_his_that_does_not_answer_times_out():
    with HisPeer(None) as his, pytest.raises(TimeoutError):
        send_settlement(shares(), host="127.0.0.1", port=his.port, timeout=0.3)
