"""Personal data stays out of logs, and out of the journal once the insurer has settled a claim.

Logs are copied into support tickets and read by people who must not learn who visited the
clinic. Two nets keep personal data out of them:

1. Safe by construction. A log call never passes a name, and names a member, a policy or an
   insurer claim only by `pseudonym()`: a keyed hash that lets a reader follow one member
   through a log without learning who it is. A test walks every log call in `kiosk` and `ui`.
2. The redactor, for text nobody meant to log: exception messages, a library's debug lines
   (urllib3 prints request paths), a value that slipped through. Every log record is redacted
   when it is created. It recognises, anywhere in the text: e-card tokens and credentials;
   mainland ID-card numbers (also spaced 6-8-4); Chinese mobile numbers, masked or not, with
   +86/0086/86 or (+86) before them and spaces, dots or dashes between the 3-4-4 groups; the
   insurer's member ids (M + digits), policy and claim references shaped like GP2026000101,
   GY2026-000001(/2026-12-31) or CLM-2026-004417, and the claim or pre-auth id in an insurer
   API path; e-mail addresses; and every Han character (log messages are English, so Han text
   is a name or came from a family's data). After a label that says what follows — `name=`,
   `child_name:`, `"guardian_name": "…"`, `member_id=`, `phone=`, `passport=`, `diagnosis=`
   and the like — the value is redacted whatever its format; a labelled name runs to the next
   delimiter or `field=`, so "child_name=Olivia Martin status=ok" keeps "status=ok".

   What no pattern can do: recognise a Latin-script name in free text ("lookup for Olivia
   Martin failed"), since it looks like any other words. Such values are redacted only when the
   kiosk `remember`s them (the lookup facts staff typed for the current visit) or when they
   follow a label. The first net is what keeps them out.

A filter on the root logger alone would miss records propagated from other loggers (logger
filters only see their own records), so the redaction hooks the log record factory and sees every
record, of every library, before any handler does. An exception nobody caught (in a Qt slot, say,
or a worker thread) would go straight to stderr, and from there to the system journal,
unredacted: the process's and the threads' exception hooks therefore hand it to logging instead.

Retention: the journal keeps a claim's signature and the member it names only as long as the
clinic may need them; `purge_settled_claims` removes them once the insurer accepted the claim more
than the configured number of days ago. Amounts, hashes and the audit trail stay.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType

from kiosk.journal import Journal
from kiosk.journal.store import PurgeReport

_QR_ALNUM = r"0-9A-Z $%*+\-./:"

_NAME_LABELS = (
    "name|child_name|guardian_name|patient_name|member_name|full_name|first_name|last_name|"
    "given_name|family_name|surname|patient|guardian|diagnosis|address|name_masked|"
    "姓名|诊断|地址"
)
"""Labels of free text (names, diagnoses): the value may contain spaces."""
_VALUE_LABELS = (
    "member_id|member|policy_number|policy_ref|policy|insurer_claim_id|claim_ref|preauth_id|"
    "guardian_phone|guardian_phone_masked|phone|mobile|tel|email|passport|id_number|id_card|"
    "birth_date|dob|token|电话|手机|手机号|保单号|身份证"
)
"""Labels of one-word values (ids, numbers)."""


def _labelled(labels: str, unquoted: str) -> re.Pattern[str]:
    """`label` then `:` `=` or `：`, then a quoted value or an unquoted one; a value already
    replaced by a placeholder is left alone."""
    return re.compile(
        rf"(?i)(?P<label>[\"']?\b(?:{labels})[\"']?\s*[:=：]\s*)"
        rf"(?:(?P<quote>[\"'])(?!\[)[^\"'\n]+|(?!\[){unquoted})"
    )


def _keep_label(match: re.Match[str]) -> str:
    return match["label"] + (match["quote"] or "") + "[personal]"


_PATTERNS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # Credentials first: a device key may contain anything below.
    (re.compile(r"(?i)\b(bearer)\s+[^\s'\",;]+"), r"\1 [secret]"),
    (
        re.compile(
            r"(?i)([\"']?(?:api[_-]?key|device[_-]?key|password|pin|authorization)[\"']?"
            r"\s*[:=]\s*[\"']?)[^\s'\",;&}]+"
        ),
        r"\1[secret]",
    ),
    # An e-card token carries the member id and policy reference in clear.
    (re.compile(rf"EC1[{_QR_ALNUM}]{{8,}}"), "[e-card]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # Mainland ID-card numbers (18 characters, maybe spaced 6-8-4) and mobile numbers.
    (
        re.compile(r"(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])"),
        "[id-number]",
    ),
    (
        re.compile(
            r"(?<![\w+*])(?:(?:\+|00)?86[ -]?|\(\+?86\)[ -]?)?"
            r"1[3-9]\d[ .-]?(?:\d{4}|\*{4})[ .-]?\d{4}(?![\w*])"
        ),
        "[phone]",
    ),
    # The insurer's member ids, policy and claim references, and ids in its API paths.
    (re.compile(r"(?<![0-9A-Za-z])M\d{8,}(?![0-9A-Za-z])"), "[member-id]"),
    (
        re.compile(r"(?<![\w-])[A-Z]{1,4}-?(?:19|20)\d{2}-?\d{4,}(?:/[0-9A-Z./-]+)?(?![\w-])"),
        "[reference]",
    ),
    (re.compile(r"(/v1/(?:claims|preauths)/)(?!calendar\b)[^/\s?#\"']+"), r"\1[reference]"),
    # Values named by their field, whatever their format (JSON, query strings, reprs).
    (
        _labelled(
            _NAME_LABELS,
            r"[^\s\"',;&}\])|][^\"\n,;&}\[\])|，；]*?"
            r"(?=\s+[\w.-]+\s*[:=]|\s*[,;&}\[\])|\n，；]|\s*$)",
        ),
        _keep_label,
    ),
    (_labelled(_VALUE_LABELS, r"[^\s\"',;&}\])|]+"), _keep_label),
    # Log messages are written in English: Han text in a record is a name or came from a
    # family's data (a masked name keeps its first character), so none of it is kept.
    (re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+\**"), "[han]"),
)

_PSEUDONYM_KEY = secrets.token_bytes(32)


def pseudonym(value: str) -> str:
    """A stand-in for a member id, policy or claim reference in a log line ("#3fa9c2d1e0b4").

    The same value gives the same pseudonym for the life of this process, so a support reader
    can follow one member through a ticket. It is keyed with a secret of this process: member
    ids are few enough (10^8 in the demo format) that a plain hash could be reversed by trying
    them all.
    """
    digest = hmac.new(_PSEUDONYM_KEY, value.encode("utf-8"), hashlib.sha256).hexdigest()
    return "#" + digest[:12]


class PersonalDataRedactor:
    """Replaces personal data in text; also knows values the kiosk saw during a visit (names in
    Latin script, say) that no pattern can recognise.

    Remembered values are themselves personal data held in memory: at most `known_max` of them
    are kept (the oldest go first), and `forget` drops a visit's values when it ends.
    """

    def __init__(self, *, known_max: int = 64) -> None:
        self._known: dict[str, None] = {}
        self._known_max = known_max
        self._known_pattern: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def remember(self, values: Iterable[str]) -> None:
        """Redact these exact values from now on (at least three characters, case-insensitive)."""
        with self._lock:
            for value in (v.strip() for v in values):
                if len(value) >= 3:
                    self._known.pop(value, None)
                    self._known[value] = None
            while len(self._known) > self._known_max:
                del self._known[next(iter(self._known))]
            self._compile()

    def forget(self, values: Iterable[str]) -> None:
        """Stop redacting (and holding) these values: the visit they belonged to is over."""
        with self._lock:
            for value in values:
                self._known.pop(value.strip(), None)
            self._compile()

    def _compile(self) -> None:
        ordered = sorted(self._known, key=len, reverse=True)
        self._known_pattern = (
            re.compile("|".join(re.escape(v) for v in ordered), re.IGNORECASE) if ordered else None
        )

    def redact(self, text: str) -> str:
        known = self._known_pattern
        if known is not None:
            text = known.sub("[personal]", text)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text

    def redact_record(self, record: logging.LogRecord) -> None:
        """Freeze the record's message, exception and stack text in their redacted form."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)


class PersonalDataFilter(logging.Filter):
    """The redaction as a logging filter, for a handler that must be safe on its own."""

    def __init__(self, redactor: PersonalDataRedactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        self.redactor.redact_record(record)
        return True


REDACTOR = PersonalDataRedactor()
"""The process-wide redactor that `install_log_redaction` applies to every record."""

_installed_lock = threading.Lock()
_previous_factory: Callable[..., logging.LogRecord] | None = None
_previous_excepthook: Callable[..., object] | None = None
_previous_thread_excepthook: Callable[[threading.ExceptHookArgs], object] | None = None
_UNCAUGHT = logging.getLogger("kiosk.uncaught")


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook: an uncaught exception is logged (so redacted), not printed raw; Ctrl+C
    keeps Python's own short report."""
    if issubclass(kind, KeyboardInterrupt) and _previous_excepthook is not None:
        _previous_excepthook(kind, error, trace)
        return
    _UNCAUGHT.critical("Uncaught exception", exc_info=(kind, error, trace))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: as `_log_uncaught`, naming the thread; SystemExit stays silent as
    Python's own hook keeps it."""
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "unknown"
    _UNCAUGHT.critical(
        "Uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


def install_log_redaction() -> PersonalDataRedactor:
    """Redact every log record of this process from now on (idempotent); returns the redactor so
    callers can `remember` visit values. The root logger also gets the filter, which keeps it on
    records logged there when a library replaces the record factory after us."""
    global _previous_factory
    with _installed_lock:
        if _previous_factory is None:
            previous = logging.getLogRecordFactory()

            def redacting_factory(*args: object, **kwargs: object) -> logging.LogRecord:
                record = previous(*args, **kwargs)
                REDACTOR.redact_record(record)
                return record

            logging.setLogRecordFactory(redacting_factory)
            _previous_factory = previous
            logging.getLogger().addFilter(_ROOT_FILTER)
            _install_exception_hooks()
    return REDACTOR


def _install_exception_hooks() -> None:
    global _previous_excepthook, _previous_thread_excepthook
    _previous_excepthook = sys.excepthook
    _previous_thread_excepthook = threading.excepthook
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread


def _uninstall_exception_hooks() -> None:
    """Put back the hooks found at install, unless someone replaced ours since."""
    global _previous_excepthook, _previous_thread_excepthook
    if sys.excepthook is _log_uncaught and _previous_excepthook is not None:
        sys.excepthook = _previous_excepthook
    if threading.excepthook is _log_uncaught_in_thread and _previous_thread_excepthook is not None:
        threading.excepthook = _previous_thread_excepthook
    _previous_excepthook = None
    _previous_thread_excepthook = None


def uninstall_log_redaction() -> None:
    """Restore the record factory and exception hooks that were there before (for tests of the
    redaction itself)."""
    global _previous_factory
    with _installed_lock:
        if _previous_factory is not None:
            logging.setLogRecordFactory(_previous_factory)
            _previous_factory = None
            logging.getLogger().removeFilter(_ROOT_FILTER)
            _uninstall_exception_hooks()


_ROOT_FILTER = PersonalDataFilter(REDACTOR)


def purge_settled_claims(
    journal: Journal, retention_days: int, *, now: datetime | None = None, actor: str = "retention"
) -> PurgeReport:
    """Remove signatures and member data of claims the insurer accepted before the retention
    window; claims still open, rejected or waiting keep everything a person may need."""
    if retention_days < 0:
        raise ValueError(f"retention_days must not be negative: {retention_days}")
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    with journal.transaction(actor=actor) as tx:
        return tx.purge_settled_claims(accepted_before=moment - timedelta(days=retention_days))
