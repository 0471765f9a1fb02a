"""`kiosk-sandbox` commands and the member's e-card page, as a trainer or the demo uses them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PIL import Image

from insurer_sandbox.cli import main
from insurer_sandbox.demo import DEMO_MEMBER_BY_STATE, DEMO_SIGNING_KEYS
from kiosk.ecard import verify

PUBLIC_KEYS = {k.kid: k.private_key().public_key() for k in DEMO_SIGNING_KEYS}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out.strip()


def test_token_prints_a_fresh_qr_text_for_a_demo_member(capsys, insurer):
    text = run(capsys, "token", "active_standard", "--data", str(insurer.data_dir))
    token = verify(text, PUBLIC_KEYS, datetime.now(UTC))
    member = DEMO_MEMBER_BY_STATE["active_standard"]
    assert (token.kid, token.member_id, token.policy_ref) == (
        "SBX26",
        member.member_id,
        member.policy_number,
    )
    previous = run(
        capsys, "token", member.member_id, "--key", "previous", "--data", str(insurer.data_dir)
    )
    assert verify(previous, PUBLIC_KEYS, datetime.now(UTC)).kid == "SBX25"


def test_token_for_an_unknown_member_fails_loudly(insurer):
    with pytest.raises(SystemExit, match="no member"):
        main(["token", "nobody", "--data", str(insurer.data_dir)])


def test_show_qr_writes_a_png_a_scanner_reads_back(capsys, insurer, tmp_path: Path):
    out = tmp_path / "card.png"
    run(capsys, "show-qr", "greyed_unpaid", "--out", str(out), "--data", str(insurer.data_dir))
    decoded = zxingcpp.read_barcodes(Image.open(out))
    assert len(decoded) == 1
    token = verify(decoded[0].text, PUBLIC_KEYS, datetime.now(UTC))
    assert token.member_id == DEMO_MEMBER_BY_STATE["greyed_unpaid"].member_id


def test_device_key_authenticates_as_its_clinic(capsys, insurer):
    for clinic in ("CLINIC-DEMO", "CLINIC-PLUS"):
        key = run(capsys, "device-key", clinic, "--data", str(insurer.data_dir))
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=insurer.url, headers=headers) as client:
            statement = client.get("/v1/statements/2026-01-01").json()
        assert statement["clinic_id"] == clinic


def test_device_key_for_an_unknown_clinic_names_the_known_ones(insurer):
    with pytest.raises(SystemExit, match="CLINIC-DEMO, CLINIC-PLUS"):
        main(["device-key", "CLINIC-NOWHERE", "--data", str(insurer.data_dir)])


def test_only_a_hash_of_the_device_key_is_stored(capsys, insurer):
    key = run(capsys, "device-key", "CLINIC-DEMO", "--data", str(insurer.data_dir))
    assert key.encode() not in (insurer.data_dir / "insurer-sandbox.sqlite3").read_bytes()


def card(insurer, member: str) -> httpx.Response:
    with httpx.Client(base_url=insurer.url) as browser:
        return browser.get(f"/demo/card/{member}")


def test_card_page_looks_like_the_member_app_and_carries_a_fresh_token(insurer):
    member = DEMO_MEMBER_BY_STATE["active_plus"]
    response = card(insurer, member.member_id)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "成长优享PLUS计划" in page
    assert "陈**" in page
    assert member.child_name not in page
    assert '<meta http-equiv="refresh" content="60">' in page
    assert '<div class="card plus">' in page
    assert "<svg" in page
    token_text = unescape(re.search(r'<p class="token">([^<]+)</p>', page).group(1))
    token = verify(token_text, PUBLIC_KEYS, datetime.now(UTC))
    assert token.member_id == member.member_id


def test_greyed_card_page_says_what_is_unpaid(insurer):
    page = card(insurer, "greyed_unpaid").text
    assert '<div class="card standard inactive">' in page
    assert "置灰" in page
    assert "¥356.00" in page


def test_a_card_not_yet_in_force_says_from_when(insurer):
    member = DEMO_MEMBER_BY_STATE["not_yet_in_force"]
    page = card(insurer, member.member_id).text
    assert '<div class="card standard inactive">' in page
    assert "保单尚未生效" in page and "not yet in force" in page


def test_demo_index_links_every_demo_card(insurer):
    with httpx.Client(base_url=insurer.url) as browser:
        page = browser.get("/demo").text
    for member in DEMO_MEMBER_BY_STATE.values():
        assert f"/demo/card/{member.member_id}" in page


def test_unknown_member_has_no_card(insurer):
    assert card(insurer, "M00000000").status_code == 404
