"""`kiosk outbox ...`: a claim stopped for a person is listed, sent again or marked settled at
the console, and each of those is in the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from signed_claims import sign_and_enqueue, strokes_for, visit_bill

from kiosk.journal import AttemptOutcome, ClaimState, Journal
from kiosk.settings import load_settings
from launchers.cli import main
from tests.estimates import fully_covered


@pytest.fixture
def journal_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = load_settings().journal_path
    path.parent.mkdir(parents=True)
    return path


def stopped_and_waiting(path):
    """Two claims: one the outbox stopped for a person, one still waiting to send."""
    with Journal.open(path) as journal:
        claims = []
        for n in (1, 2):
            bill = visit_bill(f"M-{n}", n, datetime.now(UTC).date())
            with journal.transaction(actor="desk") as tx:
                claims.append(
                    sign_and_enqueue(
                        tx, bill, fully_covered(bill), invoice_no=f"INV-{n}", strokes=strokes_for(n)
                    )
                )
        with journal.transaction(actor="outbox") as tx:
            attempt = tx.begin_attempt(claims[0].id)
            tx.record_claim_refused(
                attempt,
                AttemptOutcome.STOPPED,
                reason="answer-for-another-claim",
                error_class="ClaimResult",
            )
    return claims


def test_the_list_shows_what_needs_attention_first(journal_path, capsys):
    stopped, waiting = stopped_and_waiting(journal_path)
    assert main(["outbox", "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [(r[0], r[1], r[2], r[-1]) for r in rows] == [
        (str(stopped.id), "attention", "INV-1", "answer-for-another-claim"),
        (str(waiting.id), "waiting", "INV-2", rows[1][-1]),
    ]
    assert len(rows[1]) == 4, "a waiting claim has no reason"


def test_retry_puts_the_claim_back_in_the_outbox(journal_path, capsys):
    stopped, _ = stopped_and_waiting(journal_path)
    assert main(["outbox", "retry", str(stopped.id)]) == 0
    assert "put back in the outbox" in capsys.readouterr().out
    with Journal.open(journal_path) as journal:
        assert journal.claim(stopped.id).state is ClaimState.WAITING
        [entry] = [e for e in journal.audit_entries() if e.action == "claim.requeued"]
        assert (entry.actor, entry.subject) == ("console", f"claim:{stopped.id}")
    assert main(["outbox", "retry", str(stopped.id)]) == 2
    assert "nothing to retry" in capsys.readouterr().err


def test_settle_needs_a_note_and_records_it(journal_path, capsys):
    stopped, waiting = stopped_and_waiting(journal_path)
    assert main(["outbox", "settle", str(stopped.id), "--note", "  "]) == 2
    assert main(["outbox", "settle", str(waiting.id), "--note", "paid"]) == 2
    assert main(["outbox", "settle", str(stopped.id), "--note", "family paid cash"]) == 0
    with Journal.open(journal_path) as journal:
        assert journal.claim(stopped.id).state is ClaimState.RESOLVED
        assert journal.claim(waiting.id).state is ClaimState.WAITING
        [entry] = [e for e in journal.audit_entries() if e.action == "claim.resolved"]
        assert entry.actor == "console" and "family paid cash" in entry.detail


def test_without_a_journal_there_is_nothing_to_list(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["outbox", "list"]) == 2
    assert "no journal" in capsys.readouterr().err
