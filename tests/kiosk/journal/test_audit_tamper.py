"""Someone with the journal file but not the desk's keyring edits it with another tool, the way
the probe did: a claim's amount ×10, a waiting claim marked settled, a manager's PIN hash
swapped, the audit trail's entries rewritten and its chain recomputed. `kiosk audit-verify`
names each one; the same journal untouched verifies.

The attacker here knows the chain's algorithm (it is in the source) and recomputes it; what they
do not have is the audit key in the desk PC's keyring.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest
from argon2 import PasswordHasher
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.credentials import journal_audit_key
from kiosk.insurer.models import ClaimResult, ClaimStatus
from kiosk.journal import Journal
from kiosk.journal.audit import chain_hash
from kiosk.journal.seals import record_seal
from kiosk.settings import CONFIG_DIR_ENV, DATA_DIR_ENV, load_settings
from kiosk.staff import Role, StaffDirectory
from launchers.cli import main
from tests.estimates import fully_covered

pytestmark = pytest.mark.usefixtures("plain_logging_afterwards")


@pytest.fixture
def journal_path(tmp_path, monkeypatch):
    """A desk's journal: two claims (one accepted, one waiting) and a manager, sealed with the
    desk's audit key from the (in-memory) keyring."""
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    path = load_settings().journal_path
    with Journal.open(path, audit_key=journal_audit_key(path)) as journal:
        claims = []
        for n in (1, 2):
            bill = visit_bill(f"M-{n}", n, date(2026, 11, 20))
            with journal.transaction(actor="desk") as tx:
                claims.append(
                    sign_and_enqueue(
                        tx, bill, fully_covered(bill), invoice_no=f"INV-{n}", strokes=strokes_for(n)
                    )
                )
        submission = claims[0].submission()
        with journal.transaction(actor="outbox") as tx:
            attempt = tx.begin_attempt(claims[0].id)
            tx.record_claim_answer(
                attempt,
                ClaimResult(
                    claim_id="CLM-1",
                    idempotency_key=claims[0].idempotency_key,
                    status=ClaimStatus.ACCEPTED,
                    adjudication=fully_covered(submission.bill),
                    bill_hash=submission.bill_hash,
                    clinic_id="C-1",
                    member_id="M-1",
                    service_date=submission.bill.service_date,
                    recorded_at=datetime.now(UTC),
                ),
            )
        StaffDirectory(journal).add("Manager", Role.MANAGER, "482916")
    return path


def tamper(path, *statements):
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    db.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for statement in statements:
        db.execute(*statement) if isinstance(statement, tuple) else db.execute(statement)
    db.commit()
    db.close()


def recompute_chain(path, *, reseal=()):
    """What a careful attacker does after editing: put fresh record seals on the newest entries
    of the `reseal` subjects, then re-hash the whole chain so that it links again."""
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER IF EXISTS audit_no_update")
    for subject in reseal:
        seq = db.execute("SELECT max(seq) FROM audit WHERE subject = ?", (subject,)).fetchone()[0]
        db.execute("UPDATE audit SET seal = ? WHERE seq = ?", (record_seal(db, subject), seq))
    prev = "0" * 64
    rows = db.execute(
        "SELECT seq, at, actor, action, subject, detail, seal FROM audit ORDER BY seq"
    ).fetchall()
    for seq, at, actor, action, subject, detail, seal in rows:
        new = chain_hash(prev, seq, at, actor, action, subject, detail, seal)
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, new, seq))
        prev = new
    db.commit()
    db.close()


def verify(capsys):
    status = main(["audit-verify"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_the_untouched_journal_verifies_with_every_entry_sealed(journal_path, capsys):
    status, said = verify(capsys)
    assert status == 0, said
    assert "audit trail intact" in said
    assert "from before sealing" not in said
    assert "sealed by this desk's key and checked" in said


def test_a_claims_amount_multiplied_by_ten_is_found(journal_path, capsys):
    tamper(
        journal_path,
        "UPDATE claims SET covered_fen = covered_fen * 10 WHERE id = 1",
        "UPDATE bills SET total_covered_fen = total_covered_fen * 10 WHERE id = 1",
    )
    status, said = verify(capsys)
    assert status == 1
    assert "record CHANGED outside the kiosk: bill:1" in said
    assert "record CHANGED outside the kiosk: claim:1" in said


def test_a_waiting_claim_marked_settled_is_found(journal_path, capsys):
    tamper(journal_path, "UPDATE claims SET state = 'resolved' WHERE state = 'waiting'")
    status, said = verify(capsys)
    assert status == 1
    assert "claim:2 differs from what audit entry" in said


def test_a_managers_pin_hash_swapped_is_found(journal_path, capsys):
    known_pin_hash = PasswordHasher().hash("000000")
    tamper(journal_path, ("UPDATE staff SET secret_hash = ? WHERE id = 1", (known_pin_hash,)))
    status, said = verify(capsys)
    assert status == 1
    assert "staff:1 differs from what audit entry" in said


def test_an_edit_with_fresh_seals_and_a_recomputed_chain_is_found(journal_path, capsys):
    tamper(journal_path, "UPDATE claims SET state = 'resolved' WHERE state = 'waiting'")
    recompute_chain(journal_path, reseal=["claim:2"])
    status, said = verify(capsys)
    assert status == 1
    assert "its seal is not this desk's" in said


def test_entries_relabelled_as_another_keys_after_this_desks_are_found(journal_path, capsys):
    tamper(journal_path, "UPDATE claims SET state = 'resolved' WHERE state = 'waiting'")
    recompute_chain(journal_path, reseal=["claim:2"])
    tamper(journal_path, "UPDATE audit SET key_id = 'feedfeedfeedfeed' WHERE subject = 'claim:2'")
    status, said = verify(capsys)
    assert status == 1
    assert "sealed by another key after entries sealed by this desk's" in said


def test_an_entry_added_without_a_seal_is_found(journal_path, capsys):
    db = sqlite3.connect(journal_path)
    seq, prev = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    at = "2026-11-20T10:00:00.000000+00:00"
    new = chain_hash(prev, seq + 1, at, "staff:1", "claim.resolved", "claim:2", "{}")
    db.execute(
        "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash)"
        " VALUES (?, ?, 'staff:1', 'claim.resolved', 'claim:2', '{}', ?, ?)",
        (seq + 1, at, prev, new),
    )
    db.commit()
    db.close()
    status, said = verify(capsys)
    assert status == 1
    assert "not sealed although earlier entries are" in said


def test_a_manager_account_added_outside_the_kiosk_is_found(journal_path, capsys):
    backdoor = PasswordHasher().hash("000000")
    tamper(
        journal_path,
        (
            "INSERT INTO staff (name, role, secret_hash, created_at)"
            " VALUES ('IT', 'manager', ?, '2026-11-20T10:00:00.000000+00:00')",
            (backdoor,),
        ),
    )
    status, said = verify(capsys)
    assert status == 1
    assert "staff:2 has no audit entry" in said
