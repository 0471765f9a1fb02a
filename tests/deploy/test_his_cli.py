"""`kiosk his listen | import | settle`, as the clinic's IT person runs them: the listener as its
own process (a service without a window) that the HIS talks MLLP to, HIS export files taken in
by hand, and the shares sent back from a scheduled job."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import hl7
import pytest
from hl7.mllp import open_hl7_connection

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.inbox import HisInbox
from kiosk.settings import CONFIG_DIR_ENV, DATA_DIR_ENV
from launchers.cli import main
from tests.his.his_peer import HisPeer
from tests.his.messages import DFT_P03, PERSONAL_VALUES, POLICY_NUMBER, edited
from tests.his.test_fhir_r4 import COVERAGE, PATIENT, bundle, charge_item

pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")

REPO = Path(__file__).resolve().parents[2]
STARTS_WITHIN = 20.0
"""Seconds the listener process gets to print that it listens (CI machines are shared)."""
LISTEN = ("his", "listen", "--host", "127.0.0.1")
SECOND = edited(DFT_P03, {"MSH.10": "MSG00002", "FT1.23": "ORD-2001", "FT12.23": "ORD-2002"})
"""The HIS's next DFT^P03 for the same child: another control id, other orders."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def his_sends(port: int, text: str) -> tuple[str, str, str]:
    """The HIS sends one MLLP frame and reads the ACK: (MSA-1, MSA-2, MSA-3)."""

    async def talk() -> bytes:
        async with asyncio.timeout(10):
            reader, writer = await open_hl7_connection("127.0.0.1", port)
            try:
                writer.writeblock(text.encode("utf-8"))
                await writer.drain()
                answer: bytes = await reader.readblock()
                return answer
            finally:
                writer.close()
                await writer.wait_closed()

    msa = hl7.parse(asyncio.run(talk()).decode("utf-8")).segment("MSA")
    return str(msa[1]), str(msa[2]), str(msa[3])


# --- kiosk his listen, as its own process ----------------------------------------------------


@pytest.fixture(scope="module")
def listened(tmp_path_factory):
    """`kiosk his listen` started as a service would start it; the HIS sends its charges, a
    resend of them and a batch of two messages in one frame; then the service is stopped."""
    base = tmp_path_factory.mktemp("his-listen")
    env = dict(os.environ)
    env.update({CONFIG_DIR_ENV: str(base / "config"), DATA_DIR_ENV: str(base / "data")})
    env.pop("PYTHONUNBUFFERED", None)  # as a service runs it: stdout to a file or journald
    port = free_port()
    out_file, err_file = base / "stdout.txt", base / "stderr.txt"
    day_before = datetime.now(BUSINESS_TZ).date()
    with out_file.open("wb") as out, err_file.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "launchers.cli", *LISTEN, "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + STARTS_WITHIN
        while "listening for" not in out_file.read_text(encoding="utf-8"):
            assert process.poll() is None, err_file.read_text(encoding="utf-8")[-2000:]
            assert time.monotonic() < deadline, "no 'listening' line within 20 s"
            time.sleep(0.05)
        acks = [his_sends(port, text) for text in (DFT_P03, DFT_P03, DFT_P03 + "\r" + SECOND)]
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return {
        "port": port,
        "acks": acks,
        "status": status,
        "out": out_file.read_text(encoding="utf-8"),
        "err": err_file.read_text(encoding="utf-8"),
        "inbox": base / "data" / "his-inbox.sqlite3",
        "days": {day_before, datetime.now(BUSINESS_TZ).date()},
    }


def test_the_listener_answers_the_his_and_stops_cleanly_on_sigterm(listened):
    port, out = listened["port"], listened["out"]
    assert f"listening for HL7 v2 DFT^P03 on 127.0.0.1:{port}; messages in " in out
    assert str(listened["inbox"]) in out
    assert listened["acks"] == [
        ("AA", "MSG00001", "accepted"),
        ("AA", "MSG00001", "duplicate: already received"),  # the HIS lost our ACK: stop resending
        ("AR", "", "malformed: MSH: one message per frame, not a batch"),
    ]
    assert listened["status"] == 0
    assert out.rstrip().endswith("stopped; 1 message(s) in the inbox")


def test_the_charges_the_listener_took_wait_in_the_inbox_to_the_fen(listened):
    inbox = HisInbox(listened["inbox"])
    waiting = [m for day in listened["days"] for m in inbox.open_for_policy(POLICY_NUMBER, day)]

    assert inbox.count() == 1
    [stored] = waiting
    assert stored.message.message_id == "MSG00001"
    assert stored.message.visit_no == "V20261207-001"
    charges = [(c.order_no, c.his_code, c.quantity, c.unit_price_fen) for c in stored.open_charges]
    assert charges == [("ORD-1001", "HIS-GP01", 1, 15000), ("ORD-1002", "HIS-CBC", 1, 4500)]


def test_the_listener_output_names_nobody(listened):
    logs = listened["out"] + listened["err"]
    assert "HL7 DFT^P03 MSG00001 accepted: 2 charges" in listened["err"]  # the log was written

    assert [value for value in PERSONAL_VALUES if value in logs] == []


def test_a_port_another_program_holds_ends_with_status_3(kiosk_dirs, capsys):
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]

        assert main(["his", "listen", "--host", "127.0.0.1", "--port", str(port)]) == 3

    err = capsys.readouterr().err
    assert f"kiosk: cannot listen on 127.0.0.1:{port}: " in err
    assert "address already in use" in err.lower()
    # Ctrl+C and SIGTERM work as before in whatever ran the command
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers


@pytest.mark.parametrize(
    "his", [None, {"drop_folder": "/srv/his-drop"}], ids=["no settings", "no listen_host"]
)
def test_listening_without_an_address_says_where_to_give_one(kiosk_dirs, capsys, his):
    if his is not None:
        (kiosk_dirs / "config").mkdir()
        (kiosk_dirs / "config" / "settings.json").write_text(json.dumps({"his": his}))

    assert main(["his", "listen", "--port", str(free_port())]) == 2

    err = capsys.readouterr().err
    assert "no address to listen on: --host, or his.listen_host in the settings" in err


# --- kiosk his import ------------------------------------------------------------------------


@pytest.fixture
def exports(tmp_path):
    """What a HIS exports: a FHIR R4 bundle, and a DFT^P03 saved as a text file (LF lines)."""
    folder = tmp_path / "from-his"
    folder.mkdir()
    fhir = folder / "bundle-7.json"
    fhir.write_text(bundle(PATIENT, COVERAGE, charge_item()), encoding="utf-8")
    dft = folder / "dft-00001.hl7"
    dft.write_bytes((DFT_P03.replace("\r", "\n") + "\n").encode("utf-8"))
    return folder


def inbox_of(kiosk_dirs) -> HisInbox:
    return HisInbox(kiosk_dirs / "data" / "his-inbox.sqlite3")


def test_his_export_files_are_imported_once(kiosk_dirs, exports, capsys):
    files = [str(exports / "bundle-7.json"), str(exports / "dft-00001.hl7")]

    assert main(["his", "import", *files]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "bundle-7.json: imported: message MSG-0001, 1 charge(s)",
        "dft-00001.hl7: imported: message MSG00001, 2 charge(s)",
    ]

    assert main(["his", "import", *files]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "bundle-7.json: already in the inbox: message MSG-0001, 1 charge(s)",
        "dft-00001.hl7: already in the inbox: message MSG00001, 2 charge(s)",
    ]
    inbox = inbox_of(kiosk_dirs)
    assert inbox.count() == 2
    today = datetime.now(BUSINESS_TZ).date()
    charges = {
        (c.order_no, c.unit_price_fen)
        for stored in inbox.open_for_policy(POLICY_NUMBER, today)
        for c in stored.open_charges
    }
    assert charges == {("654321", 4000), ("ORD-1001", 15000), ("ORD-1002", 4500)}


def test_refused_files_are_named_with_why_and_the_good_ones_still_imported(
    kiosk_dirs, exports, capsys
):
    item = charge_item()
    item["priceOverride"]["value"] = 12.345
    (exports / "bundle-8.json").write_text(
        bundle(PATIENT, COVERAGE, item, identifier={"value": "MSG-0002"}), encoding="utf-8"
    )
    (exports / "dft-00003.hl7").write_text(
        edited(DFT_P03, {"MSH.10": "MSG00003"}, without="IN1"), encoding="utf-8"
    )
    (exports / "dft-00004.hl7").write_bytes(
        edited(DFT_P03, {"MSH.10": "MSG00004"}).encode("gb18030")  # a HIS exporting in GBK
    )
    (exports / "dft-00002.hl7").write_text(SECOND, encoding="utf-8")
    names = ["bundle-8.json", "dft-00003.hl7", "gone.hl7", "dft-00004.hl7", "dft-00002.hl7"]

    assert main(["his", "import", *(str(exports / name) for name in names)]) == 1

    out = capsys.readouterr().out
    assert out.splitlines() == [
        "bundle-8.json: refused (invalid): ChargeItem.priceOverride.value is not a whole number "
        "of fen (Bundle.entry[2])",
        "dft-00003.hl7: refused (unknown-patient): IN1: the message names no insurance",
        "gone.hl7: cannot be read: No such file or directory",
        "dft-00004.hl7: refused (malformed): not UTF-8 text",
        "dft-00002.hl7: imported: message MSG00002, 2 charge(s)",
    ]
    assert [value for value in PERSONAL_VALUES if value in out] == []
    assert inbox_of(kiosk_dirs).count() == 1


def test_a_message_id_the_his_reused_for_other_charges_is_refused(kiosk_dirs, exports, capsys):
    assert main(["his", "import", str(exports / "dft-00001.hl7")]) == 0
    reused = exports / "dft-00001-again.hl7"
    reused.write_text(SECOND.replace("MSG00002", "MSG00001"), encoding="utf-8")

    assert main(["his", "import", str(reused)]) == 1

    assert "dft-00001-again.hl7: refused (duplicate): " in capsys.readouterr().out
    [stored] = inbox_of(kiosk_dirs).open_for_policy(POLICY_NUMBER, datetime.now(BUSINESS_TZ).date())
    assert [c.order_no for c in stored.open_charges] == ["ORD-1001", "ORD-1002"]  # the first


# --- kiosk his settle ------------------------------------------------------------------------


def test_settling_without_a_his_block_in_the_settings_is_refused(kiosk_dirs, capsys):
    assert main(["his", "settle"]) == 2
    assert "the settings have no his block" in capsys.readouterr().err


def test_settling_before_any_bill_has_nothing_to_send(kiosk_dirs, capsys):
    with HisPeer("AA") as his:
        (kiosk_dirs / "config").mkdir()
        (kiosk_dirs / "config" / "settings.json").write_text(
            json.dumps({"his": {"settle_host": "127.0.0.1", "settle_port": his.port}})
        )

        assert main(["his", "settle"]) == 0

    out = capsys.readouterr().out
    assert f"no journal at {kiosk_dirs / 'data' / 'journal.sqlite3'}; nothing to settle" in out
    assert his.received == []
