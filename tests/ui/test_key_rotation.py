"""The insurer rotated its e-card keys since the kiosk cached them: the real kiosk against the real
sandbox. Requests for the keys are counted at the insurer (a zero-delay fault queued on
`/v1/signing-keys` is used up by each one)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from insurer_sandbox.demo import DEMO_SIGNING_KEYS, demo_member
from insurer_sandbox.server import SandboxProcess
from kiosk import ecard
from kiosk.ecard import ECardFailure
from kiosk.insurer.client import InsurerClient
from kiosk.signing_keys import SigningKeyCache
from kiosk.visit import Step
from tests.ui.conftest import card
from ui.driver import pump_until
from ui.scan_input import ScanInput
from ui.tasks import running_tasks

CURRENT, PREVIOUS = DEMO_SIGNING_KEYS
COUNTED = 1000


def count_key_requests(sandbox: SandboxProcess) -> None:
    sandbox.inject_fault("delay", count=COUNTED, path_prefix="/v1/signing-keys")


def key_requests(sandbox: SandboxProcess) -> int:
    return COUNTED - sum(f["count"] for f in sandbox.pending_faults())


@pytest.fixture
def rotated_kiosk(make_kiosk, fresh_sandbox, fresh_sandbox_device_key, request):
    """A started kiosk whose cache then holds only what it had before the rotation."""
    app, driver = make_kiosk(fresh_sandbox, fresh_sandbox_device_key)
    app.session.keys.use(request.param)
    count_key_requests(fresh_sandbox)
    scanned = []
    app.session.scans.scanned.connect(scanned.append)
    return app, driver, fresh_sandbox, scanned


@pytest.mark.parametrize(
    "rotated_kiosk",
    [{PREVIOUS.kid: PREVIOUS.private_key().public_key()}, {}],
    ids=["previous-key-only", "empty-cache"],
    indirect=True,
)
def test_a_card_under_the_new_key_is_accepted_after_one_automatic_fetch(rotated_kiosk):
    app, driver, sandbox, scanned = rotated_kiosk
    text = card("active_plus")
    driver.show_card(text)
    assert app.session.visit.eligibility.member.member_id == demo_member("active_plus").member_id
    assert CURRENT.kid in set(app.session.keys.keys())
    assert key_requests(sandbox) == 1
    (event,) = scanned
    assert event.accepted and event.text == text, "the refusal before the fetch is not shown"

    # The second verification remembered the token once, as a first scan does.
    app.window.eligibility.back_button.click()
    driver.wait_step(Step.SCAN)
    driver.scan(text)
    pump_until(lambda: len(scanned) == 2, 5, "the repeated scan")
    assert scanned[1].error.reason is ECardFailure.REPLAYED
    assert "already used" in app.window.scan.status.text()
    assert key_requests(sandbox) == 1


def forged(kid: str) -> str:
    member = demo_member("active_plus")
    key = Ed25519PrivateKey.generate()
    return ecard.issue(key, kid, member.member_id, member.policy_number, datetime.now(UTC))


@pytest.mark.parametrize("rotated_kiosk", [{}], ids=["empty-cache"], indirect=True)
def test_a_key_id_the_insurer_does_not_publish_is_refused_after_at_most_one_fetch(rotated_kiosk):
    app, driver, sandbox, scanned = rotated_kiosk
    screen = app.window.scan
    text = forged("SBX99")
    driver.scan(text)
    pump_until(lambda: len(scanned) == 1, 10, "the refusal")
    assert scanned[0].error.reason is ECardFailure.UNKNOWN_KEY
    assert screen.status.text() == (
        "This card was not issued by the insurer, or the kiosk cannot fetch its keys."
    )
    assert screen.status.property("tone") == "error"
    assert app.session.visit.step is Step.SCAN
    assert key_requests(sandbox) == 1
    assert CURRENT.kid in set(app.session.keys.keys()), "the fetch itself worked"

    # The same text again, and more forged cards within 30 s: refused without asking again.
    for again in (text, forged("SBX99"), forged("ZZ1")):
        screen.status.clear()
        driver.scan(again)
        pump_until(lambda: len(scanned) == 2, 10, "the refusal")
        assert scanned.pop().error.reason is ECardFailure.UNKNOWN_KEY
        assert "not issued by the insurer" in screen.status.text()
    assert key_requests(sandbox) == 1


def test_keys_are_fetched_on_schedule_and_failed_fetches_do_not_stop_it(
    qapp, fresh_sandbox, fresh_sandbox_device_key
):
    """The schedule itself (hourly; a minute after a failure) is `kiosk.signing_keys`'s, tested
    there; here it is shortened to watch the kiosk follow it."""
    with running_tasks(lambda: InsurerClient(fresh_sandbox.url, fresh_sandbox_device_key)):
        keys = SigningKeyCache(
            refresh_every=timedelta(milliseconds=300),
            retry_after_failure=timedelta(milliseconds=100),
        )
        scans = ScanInput(keys.keys)
        count_key_requests(fresh_sandbox)
        try:
            scans.keep_keys_current(keys)
            scans.start(None, lambda _image: None)
            pump_until(lambda: CURRENT.kid in set(keys.keys()), 10, "the first fetch")
            pump_until(lambda: key_requests(fresh_sandbox) >= 3, 10, "two scheduled fetches")
            fresh_sandbox.clear_faults()
            fresh_sandbox.inject_fault(
                "status", count=2, path_prefix="/v1/signing-keys", status=503
            )
            pump_until(lambda: not fresh_sandbox.pending_faults(), 10, "failed fetches")
            count_key_requests(fresh_sandbox)
            pump_until(lambda: key_requests(fresh_sandbox) >= 1, 10, "a fetch after the failures")
            assert CURRENT.kid in set(keys.keys())
        finally:
            scans.stop()
            scans.deleteLater()
