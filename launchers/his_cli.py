"""`kiosk his …`: the clinic's HIS from a terminal — a listener without a window, a file import
and the shares sent back now (a scheduled job, or the clinic's IT person testing the link).

    kiosk his listen [--host H] [--port P]   take HL7 v2 DFT^P03 charges over MLLP until stopped
                                             (SIGTERM, Ctrl+C); host and port default to the
                                             settings' his.listen_host and his.listen_port
    kiosk his import FILE…                   a FHIR R4 bundle (.json) or an HL7 v2 DFT^P03
                                             message (any other name) into the inbox; exit
                                             status 1 if any file was refused
    kiosk his settle                         send the shares of accepted claims back to the HIS
                                             now; exit status 1 if the HIS did not take one

Messages are kept in the data folder (`KIOSK_DATA_DIR`, else the settings' data_dir), where the
kiosk offers them on the bill screen.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.his.charges import HisInputError
from kiosk.his.inbox import HisInbox, Received
from kiosk.settings import load_settings


def _host(text: str) -> str:
    if not text or any(ch.isspace() for ch in text) or len(text) > 253:
        raise ValueError(f"not a host name or address: {text!r}")
    return text


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValueError(f"a port is a number from 1 to 65535, not {text!r}")
    return int(text)


def add_commands(commands: argparse._SubParsersAction, checked: Callable) -> None:
    his = commands.add_parser("his", help="the clinic's HIS: charges in, shares back")
    actions = his.add_subparsers(dest="his_command", required=True)
    listen = actions.add_parser("listen", help="take HL7 v2 charges over MLLP until stopped")
    listen.add_argument("--host", type=checked(_host), help="address to listen on")
    listen.add_argument("--port", type=checked(_port), help="port to listen on")
    files = actions.add_parser("import", help="a FHIR bundle or an HL7 v2 message from a file")
    files.add_argument("files", nargs="+", type=Path, metavar="FILE")
    actions.add_parser("settle", help="send the shares of accepted claims back now")


def run(args: argparse.Namespace) -> int:
    if args.his_command == "listen":
        return _listen(args.host, args.port)
    if args.his_command == "import":
        return _import(HisInbox.in_folder(load_settings().data_dir), args.files)
    return _settle()


def _listen(host: str | None, port: int | None) -> int:
    from kiosk.his.mllp import MllpListener

    settings = load_settings()
    his = settings.his
    host = host or (his.listen_host if his is not None else None)
    if host is None:
        print(
            "kiosk: no address to listen on: --host, or his.listen_host in the settings",
            file=sys.stderr,
        )
        return 2
    port = port or (his.listen_port if his is not None else 2575)
    inbox = HisInbox.in_folder(settings.data_dir)
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGTERM, signal.SIGINT)}
    listener = MllpListener(inbox, host=host, port=port)
    try:
        listener.start()
    except OSError as exc:
        for number, handler in previous.items():
            signal.signal(number, handler)
        print(f"kiosk: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 3
    print(f"listening for HL7 v2 DFT^P03 on {host}:{listener.port}; messages in {inbox.path}")
    sys.stdout.flush()
    try:
        while not stop.wait(0.5):
            pass
    finally:
        listener.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    print(f"stopped; {inbox.count()} message(s) in the inbox")
    return 0


def _import(inbox: HisInbox, files: list[Path]) -> int:
    from kiosk.his.fhir_r4 import read_bundle
    from kiosk.his.hl7_v2 import read_dft

    refused = 0
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"{path.name}: cannot be read: {exc.strerror}")
            refused += 1
            continue
        try:
            if path.suffix.lower() == ".json":
                message = read_bundle(data)
            else:
                text = data.decode("utf-8-sig")  # a HIS export saved by Notepad starts with a BOM
                message = read_dft(text.replace("\r\n", "\r").replace("\n", "\r"))
            received = inbox.receive(message)
        except UnicodeDecodeError:
            print(f"{path.name}: refused (malformed): not UTF-8 text")
            refused += 1
            continue
        except HisInputError as exc:
            print(f"{path.name}: refused ({exc.refusal.value}): {exc.detail}")
            refused += 1
            continue
        said = "already in the inbox" if received is Received.DUPLICATE else "imported"
        charges = len(message.charges)
        print(f"{path.name}: {said}: message {message.message_id}, {charges} charge(s)")
    return 1 if refused else 0


def _settle() -> int:
    from kiosk.his.link import send_hl7
    from kiosk.his.settlement import settle_due
    from kiosk.journal import Journal

    settings = load_settings()
    if settings.his is None:
        print("kiosk: the settings have no his block: nothing to settle", file=sys.stderr)
        return 2
    his = settings.his
    if his.settle_host is None and his.settle_folder is None:
        print(
            "kiosk: nowhere to send the shares: set his.settle_host and his.settle_port "
            "(HL7 v2), or his.settle_folder (FHIR)",
            file=sys.stderr,
        )
        return 2
    if not settings.journal_path.exists():
        print(f"kiosk: no journal at {settings.journal_path}; nothing to settle")
        return 0
    inbox = HisInbox.in_folder(settings.data_dir)
    with Journal.open_read_only(settings.journal_path) as journal:
        outcomes = settle_due(inbox, journal, his, send_hl7=send_hl7, now=None)
    for outcome in outcomes:
        said = "sent" if outcome.sent else f"not taken ({outcome.problem})"
        print(f"bill {outcome.bill_id}: shares {said}")
    print(f"{sum(o.sent for o in outcomes)} settlement(s) sent, {len(outcomes)} due")
    return 0 if all(o.sent for o in outcomes) else 1
