"""`kiosk-sandbox`: run the insurer sandbox and act as the insurer's back office around it.

    kiosk-sandbox serve --host 127.0.0.1 --port 8765 --data DIR [--admin-token T] [--clock ISO]
    kiosk-sandbox token MEMBER            a fresh e-card QR text (member id or demo state key)
    kiosk-sandbox show-qr MEMBER --out card.png
    kiosk-sandbox device-key CLINIC       a new device API key (only its hash is stored)
    kiosk-sandbox preauth approve|deny ID
    kiosk-sandbox openapi > docs/insurer-api.yaml

Every command takes `--data DIR`, the directory holding the sandbox database; the database is
created and seeded with the demo data on first use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import platformdirs
import uvicorn
import yaml

from insurer_sandbox.app import SandboxSettings, create_app, openapi_document
from insurer_sandbox.demo import demo_member
from insurer_sandbox.member_app import member_token, qr_png
from insurer_sandbox.store import MemberRecord, Store, UnknownClinicError, UnknownPreAuthError
from kiosk.insurer.models import PreAuthStatus

ADMIN_TOKEN_ENV = "KIOSK_SANDBOX_ADMIN_TOKEN"
"""The admin token may come from the environment, so it does not show in the process list."""


def default_data_dir() -> Path:
    return platformdirs.user_data_path("kiosk-sandbox", appauthor=False)


def _aware_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. 2026-02-10T10:00+08:00")
    return value


def _member(store: Store, name: str) -> MemberRecord:
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


def _preauth(args: argparse.Namespace) -> int:
    status = PreAuthStatus.APPROVED if args.decision == "approve" else PreAuthStatus.DENIED
    try:
        preauth = Store.open(args.data).decide_preauth(args.preauth_id, status)
    except UnknownPreAuthError:
        raise SystemExit(f"kiosk-sandbox: no pre-auth {args.preauth_id!r}") from None
    print(f"{preauth.preauth_id} {preauth.status.value}")
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
    token.add_argument("member", help="member id or demo state key, e.g. active_standard")
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

    preauth = commands.add_parser("preauth", parents=[data], help="decide a pre-auth request")
    preauth.add_argument("decision", choices=["approve", "deny"])
    preauth.add_argument("preauth_id", metavar="ID")
    preauth.set_defaults(run=_preauth)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document (YAML)")
    openapi.set_defaults(run=_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
    args = build_parser().parse_args(argv)
    return args.run(args)
