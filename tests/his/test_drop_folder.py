"""The FHIR drop folder: a dropped bundle is kept in the (real) inbox and moved to imported/, a
refused one to refused/ with its reason, a resend is kept once, a file still being written
waits; nothing personal reaches the reason files or the log."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.his.charges import HisRefusal
from kiosk.his.drop_folder import ImportOutcome, import_file, import_folder
from kiosk.his.inbox import HisInbox
from tests.his.test_fhir_r4 import COVERAGE, PATIENT, PERSONAL, bundle, charge_item

NOW = datetime(2026, 3, 2, 1, 20, tzinfo=UTC)


@pytest.fixture
def inbox(tmp_path: Path) -> HisInbox:
    return HisInbox(tmp_path / "his-inbox.sqlite3")


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


def dropped(folder: Path, name: str, text: str, *, age: float = 60.0) -> Path:
    """A file the HIS finished writing `age` seconds before NOW."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    moment = NOW.timestamp() - age
    os.utime(path, (moment, moment))
    return path


def passes(folder: Path, inbox: HisInbox, *, at: datetime = NOW) -> list[ImportOutcome]:
    return import_folder(folder, inbox, clock=lambda: at)


def good_bundle(**changes: Any) -> str:
    return bundle(PATIENT, COVERAGE, charge_item(), **changes)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_dropped_bundle_is_kept_and_moved_to_imported(drop, inbox):
    dropped(drop, "0001.json", good_bundle())

    assert passes(drop, inbox) == [ImportOutcome("0001.json", True, False, None, "", "MSG-0001")]
    assert names(drop / "imported") == ["0001.json"]
    assert not (drop / "0001.json").exists()
    assert inbox.count() == 1


def test_a_refused_file_goes_to_refused_with_its_reason_and_nothing_personal(drop, inbox, caplog):
    euros = json.loads(good_bundle())
    euros["entry"][2]["resource"]["priceOverride"]["currency"] = "EUR"
    dropped(drop, "0002.json", json.dumps(euros, ensure_ascii=False))
    dropped(drop, "0003.json", "{ this is not json")

    with caplog.at_level(logging.INFO, logger="kiosk.his.drop_folder"):
        outcomes = passes(drop, inbox)

    assert [(o.file, o.accepted, o.refusal) for o in outcomes] == [
        ("0002.json", False, HisRefusal.INVALID),
        ("0003.json", False, HisRefusal.MALFORMED),
    ]
    assert names(drop / "refused") == [
        "0002.json",
        "0002.json.reason.txt",
        "0003.json",
        "0003.json.reason.txt",
    ]
    reason = (drop / "refused" / "0002.json.reason.txt").read_text(encoding="utf-8")
    assert reason == "invalid\nChargeItem.priceOverride.currency is not CNY (Bundle.entry[2])\n"
    assert (drop / "refused" / "0003.json.reason.txt").read_text(encoding="utf-8") == (
        "malformed\nnot JSON\n"
    )
    logged = caplog.text
    assert "a FHIR drop file was refused (invalid)" in logged
    assert "0002.json" not in logged  # a HIS may name its files after the child
    for value in PERSONAL:
        assert value not in reason
        assert value not in logged
    assert inbox.count() == 0


def test_the_same_bundle_dropped_twice_is_kept_once(drop, inbox):
    dropped(drop, "0004.json", good_bundle())
    dropped(drop, "0005.json", good_bundle())

    first, second = passes(drop, inbox)

    assert (first.accepted, first.duplicate) == (True, False)
    assert (second.accepted, second.duplicate, second.message_id) == (True, True, "MSG-0001")
    assert names(drop / "imported") == ["0004.json", "0005.json"]
    assert inbox.count() == 1


def test_a_resend_stamped_anew_is_a_duplicate(drop, inbox):
    dropped(drop, "0008.json", good_bundle())
    dropped(drop, "0009.json", good_bundle(timestamp="2026-03-02T09:30:00+08:00"))

    first, second = passes(drop, inbox)

    assert (first.accepted, first.duplicate) == (True, False)
    assert (second.accepted, second.duplicate) == (True, True)
    assert inbox.count() == 1


def test_the_same_id_with_other_content_is_refused_as_a_duplicate(drop, inbox):
    dropped(drop, "0006.json", good_bundle())
    dearer = json.loads(good_bundle())
    dearer["entry"][2]["resource"]["priceOverride"]["value"] = 50
    dropped(drop, "0007.json", json.dumps(dearer, ensure_ascii=False))

    first, second = passes(drop, inbox)

    assert first.accepted
    assert (second.accepted, second.refusal, second.message_id) == (
        False,
        HisRefusal.DUPLICATE,
        "MSG-0001",
    )
    reason = (drop / "refused" / "0007.json.reason.txt").read_text(encoding="utf-8")
    assert reason.startswith("duplicate\n")
    assert inbox.count() == 1


def test_a_file_still_being_written_waits_for_the_next_pass(drop, inbox):
    dropped(drop, "0008.json", good_bundle(), age=0.5)
    dropped(drop, "0009.json", "", age=-30.0)  # by the desk's clock, changed in the future

    assert passes(drop, inbox) == []
    assert names(drop) == ["0008.json", "0009.json"]

    later = passes(drop, inbox, at=NOW + timedelta(seconds=2))
    assert [(o.file, o.accepted) for o in later] == [("0008.json", True)]
    assert names(drop) == ["0009.json", "imported"]


def test_files_are_taken_in_name_order_and_others_are_left(drop, inbox):
    dropped(drop, "b.json", good_bundle(identifier={"value": "MSG-B"}))
    dropped(drop, "a.json", good_bundle(identifier={"value": "MSG-A"}))
    dropped(drop, "notes.txt", "not a bundle")

    assert [o.message_id for o in passes(drop, inbox)] == ["MSG-A", "MSG-B"]
    assert names(drop) == ["imported", "notes.txt"]


def test_a_name_used_again_never_overwrites_an_earlier_file(drop, inbox):
    for message_id in ("MSG-1", "MSG-2"):
        import_file(
            dropped(drop, "charges.json", good_bundle(identifier={"value": message_id})), inbox
        )
    for _ in range(2):
        import_file(dropped(drop, "broken.json", "{"), inbox)

    assert names(drop / "imported") == ["charges.2.json", "charges.json"]
    assert names(drop / "refused") == [
        "broken.2.json",
        "broken.2.json.reason.txt",
        "broken.json",
        "broken.json.reason.txt",
    ]
    assert inbox.count() == 2
