"""The desk's link to the clinic's HIS while the kiosk runs: the MLLP listener, the FHIR drop
folder and the shares going back, on threads of their own so neither the screens nor the outbox
ever wait for the HIS."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from kiosk.his.charges import Settlement
from kiosk.his.inbox import BilledCharge, HisInbox
from kiosk.his.settings import HisSettings
from kiosk.his.settlement import SettleOutcome, settle_due
from kiosk.journal import Journal

log = logging.getLogger(__name__)

PASS_INTERVAL = timedelta(seconds=10)
"""How often the drop folder is read and due settlements are sent without being woken."""
SEND_TIMEOUT = 5.0
"""Seconds the HIS gets to ACK the shares before the pass moves on (and tries again later)."""


class HisLink:
    """Owns the listener and the background pass; `start()` once, `stop()` at exit."""

    def __init__(
        self,
        settings: HisSettings,
        inbox: HisInbox,
        journal: Journal,
        *,
        retention: timedelta | None = None,
        interval: timedelta = PASS_INTERVAL,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        from kiosk.his.mllp import MllpListener

        self.settings = settings
        self.inbox = inbox
        self._journal = journal
        self._retention = retention
        self._interval = interval
        self._clock = clock or (lambda: datetime.now(UTC))
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._pass_lock = threading.Lock()
        self.listener: MllpListener | None = None
        if settings.listen_host is not None:
            self.listener = MllpListener(
                inbox,
                host=settings.listen_host,
                port=settings.listen_port,
            )

    def start(self) -> None:
        """Listen (when configured) and start the background pass. A port another program holds
        is logged, and the rest runs on (reception keys the charges by hand)."""
        if self.listener is not None:
            try:
                self.listener.start()
            except OSError as exc:
                log.error("the HIS listener could not start: %s", exc.strerror or exc)
                self.listener = None
        self._thread = threading.Thread(target=self._run, name="his-link", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = SEND_TIMEOUT + 2.0) -> None:
        """Stop listening and let a pass in flight end (a send waits at most `SEND_TIMEOUT`);
        a listener that does not stop is logged, so the kiosk still closes the rest."""
        self._stopping.set()
        self._wake.set()
        if self.listener is not None:
            try:
                self.listener.stop(timeout)
            except TimeoutError:
                log.error("the HIS listener did not stop within %.0f s", timeout)
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Run a pass soon (a claim was accepted, a bill was billed)."""
        self._wake.set()

    def record_billed(self, bill_id: int, charges: list[BilledCharge]) -> None:
        """These HIS orders are on a signed (or fully paid) bill: settle them once accepted."""
        if charges:
            self.inbox.record_billed(bill_id, charges)
            self.wake()

    def pass_now(self) -> list[SettleOutcome]:
        """One pass: the drop folder read, due settlements sent, old messages forgotten."""
        from kiosk.his.drop_folder import import_folder

        with self._pass_lock:
            folder = self.settings.drop_folder
            if folder is not None and folder.is_dir():
                try:
                    import_folder(folder, self.inbox)
                except Exception:  # the shares still go back; the files wait for the next pass
                    log.exception("the HIS drop folder could not be read")
            now = self._clock()
            settled = settle_due(
                self.inbox,
                self._journal,
                self.settings,
                send_hl7=send_hl7,
                now=now,
                stopping=self._stopping.is_set,
            )
            if self._retention is not None:
                self.inbox.purge(received_before=now - self._retention)
            return settled

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.pass_now()
            except Exception:
                log.exception("the HIS pass failed; tried again at the next one")
            self._wake.wait(self._interval.total_seconds())
            self._wake.clear()


def send_hl7(settlement: Settlement, host: str, port: int) -> None:
    from kiosk.his.mllp import send_settlement

    send_settlement(settlement, host=host, port=port, timeout=SEND_TIMEOUT)
