"""The kiosk's client for the insurer API v1.

Every call either reads, or changes state under an idempotency key, so every call may be retried:
short retries here (a clerk is waiting), long ones in the outbox. Every answer is validated against
the contract models; anything else becomes one of the errors in `kiosk.insurer.errors`.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import ssl
from datetime import date
from typing import TypeVar
from urllib.parse import quote, urlsplit

import requests
from pydantic import BaseModel, ValidationError
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from kiosk import __version__
from kiosk.insurer.appointments import (
    Appointment,
    AppointmentDays,
    AppointmentList,
    CheckedIn,
    CheckIn,
)
from kiosk.insurer.deadline import CallDeadline, DeadlineAdapter
from kiosk.insurer.errors import (
    InsurerAnswerTooLarge,
    InsurerAuthError,
    InsurerBusy,
    InsurerCABundleUnreadable,
    InsurerError,
    InsurerInvalidResponse,
    InsurerNotFound,
    InsurerRedirected,
    InsurerRejected,
    InsurerServerError,
    InsurerTimeout,
    InsurerTooSlow,
    InsurerUnreachable,
)
from kiosk.insurer.models import (
    Adjudication,
    Bill,
    ClaimCancel,
    ClaimResult,
    ClaimSubmission,
    DailyStatement,
    Eligibility,
    EligibilityByLookup,
    EligibilityByToken,
    GuaranteeLetter,
    PreAuth,
    PreAuthCreated,
    PreAuthList,
    PreAuthRequest,
    Problem,
    SigningKeys,
    StatementStored,
    StatementUpload,
    WorkingCalendar,
)
from kiosk.insurer.remittances import RemittanceList

log = logging.getLogger(__name__)

Model = TypeVar("Model", bound=BaseModel)

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})
BUSY_STATUSES = frozenset({408, 425, 429})
"""Request timeout, too early, too many requests: the insurer is fine, just not now."""

CALL_DEADLINE_SECONDS = 10.0
"""The longest a clerk waits for one answer, retries included."""

MAX_ANSWER_BYTES = 8 * 1024 * 1024
"""The largest answer read: a busy clinic's day statement is a few hundred kilobytes."""


class InsecureURLError(ValueError):
    """An insurer URL the kiosk refuses to talk to (plain HTTP off loopback, or not a URL)."""


def check_insurer_url(url: str) -> str:
    """Refuse plain HTTP except to loopback, so member data never crosses a network unencrypted."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InsecureURLError(f"not an insurer URL: {url!r}")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureURLError(
            f"plain HTTP is only allowed to this computer (127.0.0.1/localhost), not to "
            f"{parts.hostname}; use the insurer's https:// address"
        )
    return url.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class InsurerClient:
    """Typed calls to the insurer API, one instance per device key.

    requests sessions are not guaranteed thread-safe: give each worker thread its own client.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        connect_timeout: float = 3.05,
        read_timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 0.2,
        ca_bundle: str | None = None,
        deadline: float = CALL_DEADLINE_SECONDS,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.base_url = check_insurer_url(base_url)
        self._timeout = (connect_timeout, read_timeout)
        self._deadline = deadline
        self._max_answer_bytes = max_answer_bytes
        self._ca_bundle = ca_bundle or None
        self._session = requests.Session()
        self._session.headers.update(
            {
                "Authorization": f"Bearer {api_key}",
                "Accept": "application/json",
                "User-Agent": f"direct-billing-kiosk/{__version__}",
            }
        )
        self._session.verify = ca_bundle if ca_bundle else True
        # A read failure is retried once at most: a hung insurer must not keep reception
        # waiting for several read timeouts in a row (the outbox retries claims later anyway).
        # Retry-After is not obeyed here: it could park a worker for hours; the outbox's own
        # schedule decides when a claim is tried again. Redirects are never followed: a 3xx could
        # send the member's details to another address, in clear.
        retry = Retry(
            total=retries,
            connect=retries,
            read=min(retries, 1),
            status=retries,
            other=0,
            redirect=0,
            raise_on_redirect=False,
            allowed_methods=frozenset({"GET", "POST"}),
            status_forcelist=RETRYABLE_STATUSES,
            backoff_factor=backoff,
            backoff_jitter=backoff / 2,
            respect_retry_after_header=False,
            raise_on_status=False,
        )
        adapter = DeadlineAdapter(max_retries=retry)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> InsurerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- calls ----------------------------------------------------------------------------------

    def signing_keys(self) -> SigningKeys:
        return self._call("GET", "/v1/signing-keys", SigningKeys)

    def eligibility_by_token(self, token: str) -> Eligibility:
        body = EligibilityByToken(token=token)
        return self._call("POST", "/v1/eligibility/token", Eligibility, body=body)

    def eligibility_by_lookup(self, lookup: EligibilityByLookup) -> Eligibility:
        return self._call("POST", "/v1/eligibility/lookup", Eligibility, body=lookup)

    def estimate(self, bill: Bill, replaces: str | None = None) -> Adjudication:
        """What the insurer would pay for `bill` now; with `replaces` (an accepted claim's id),
        the estimate of a corrected claim, as if that claim were cancelled and had given back
        what it used: what the family signs for a correction sent with the same `replaces`."""
        params = None if replaces is None else {"replaces": replaces}
        return self._call(
            "POST", "/v1/adjudication/estimate", Adjudication, body=bill, params=params
        )

    def submit_claim(self, submission: ClaimSubmission, idempotency_key: str) -> ClaimResult:
        """Send a signed claim (a correction when `submission.replaces` names a claim). A claim
        whose adjudication is no longer the one signed is `InsurerRejected` with code
        `adjudication-changed` (409, final: nothing recorded; estimate again and re-sign)."""
        return self._call(
            "POST", "/v1/claims", ClaimResult, body=submission, idempotency_key=idempotency_key
        )

    def claim(self, claim_id: str) -> ClaimResult:
        return self._call(
            "GET",
            f"/v1/claims/{_path_part(claim_id)}",
            ClaimResult,
            route="/v1/claims/{claim_id}",
        )

    def cancel_claim(self, claim_id: str, reason: str) -> ClaimResult:
        """Cancel an accepted claim (the visit did not happen as billed); the insurer gives its
        uses back. Cancelling a cancelled claim answers the same."""
        return self._call(
            "POST",
            f"/v1/claims/{_path_part(claim_id)}/cancel",
            ClaimResult,
            body=ClaimCancel(reason=reason),
            route="/v1/claims/{claim_id}/cancel",
        )

    def send_statement(self, claim_id: str, upload: StatementUpload) -> StatementStored:
        """The family's statement for the claim's visit record; the same version sent twice is
        stored once."""
        return self._call(
            "PUT",
            f"/v1/claims/{_path_part(claim_id)}/statement",
            StatementStored,
            body=upload,
            route="/v1/claims/{claim_id}/statement",
        )

    def preauths(self, member_id: str) -> PreAuthList:
        return self._call("GET", "/v1/preauths", PreAuthList, params={"member_id": member_id})

    def preauth(self, preauth_id: str) -> PreAuth:
        return self._call(
            "GET",
            f"/v1/preauths/{_path_part(preauth_id)}",
            PreAuth,
            route="/v1/preauths/{preauth_id}",
        )

    def preauth_letter(self, preauth_id: str) -> GuaranteeLetter:
        """The insurer's guarantee letter (担保函) of an approved pre-auth; `InsurerRejected`
        with code `preauth-not-approved` while it is not approved."""
        return self._call(
            "GET",
            f"/v1/preauths/{_path_part(preauth_id)}/letter",
            GuaranteeLetter,
            route="/v1/preauths/{preauth_id}/letter",
        )

    def request_preauth(self, request: PreAuthRequest, idempotency_key: str) -> PreAuthCreated:
        return self._call(
            "POST", "/v1/preauths", PreAuthCreated, body=request, idempotency_key=idempotency_key
        )

    def working_calendar(self) -> WorkingCalendar:
        return self._call("GET", "/v1/preauths/calendar", WorkingCalendar)

    def daily_statement(self, day: date) -> DailyStatement:
        return self._call("GET", f"/v1/statements/{day.isoformat()}", DailyStatement)

    def remittances(self, from_date: date, to_date: date) -> RemittanceList:
        """The insurer's payments to this clinic dated `from_date` to `to_date` (both included)."""
        return self._call(
            "GET",
            "/v1/remittances",
            RemittanceList,
            params={"from": from_date.isoformat(), "to": to_date.isoformat()},
        )

    def appointments(self, day: date) -> AppointmentList:
        """The calling clinic's appointments on `day` (Asia/Shanghai), by start time."""
        return self._call(
            "GET", "/v1/appointments", AppointmentList, params={"date": day.isoformat()}
        )

    def appointment_days(self, from_date: date, to_date: date) -> AppointmentDays:
        """Appointments per day and state, `from_date` to `to_date` (both included)."""
        return self._call(
            "GET",
            "/v1/appointments/days",
            AppointmentDays,
            params={"from": from_date.isoformat(), "to": to_date.isoformat()},
        )

    def check_in(self, member_id: str) -> CheckedIn:
        """The member arrived: their appointment today, checked in once (a second call changes
        nothing and says so); no appointment today is an answer, not an error."""
        return self._call(
            "POST", "/v1/appointments/check-in", CheckedIn, body=CheckIn(member_id=member_id)
        )

    def mark_no_show(self, appointment_id: str) -> Appointment:
        """The member did not come: `InsurerRejected` with code `appointment-not-booked` once
        it is checked in or cancelled, `appointment-not-due` before its start time."""
        return self._call(
            "POST",
            f"/v1/appointments/{_path_part(appointment_id)}/no-show",
            Appointment,
            route="/v1/appointments/{appointment_id}/no-show",
        )

    def appointment_eligibility(self, appointment_id: str) -> Eligibility:
        """Eligibility now of the member an appointment is for (the day-before check)."""
        return self._call(
            "GET",
            f"/v1/appointments/{_path_part(appointment_id)}/eligibility",
            Eligibility,
            route="/v1/appointments/{appointment_id}/eligibility",
        )

    # --- transport ------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[Model],
        *,
        body: BaseModel | None = None,
        params: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        route: str | None = None,
    ) -> Model:
        """`route` names the call in logs and messages where `path` carries an identifier."""
        where = route or path
        headers = {}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        data = body.model_dump_json().encode() if body is not None else None
        self._check_ca_bundle()
        with CallDeadline(self._deadline) as deadline:
            try:
                status, content = self._exchange(method, path, where, data, params, headers)
            except OSError as exc:  # requests' own errors are OSErrors too
                if deadline.expired:
                    raise self._too_slow(where) from exc
                raise self._transport_error(exc, where) from exc
            if deadline.expired:
                raise self._too_slow(where)
        log.debug("%s %s -> %s", method, where, status)
        if 200 <= status < 300:
            try:
                return model.model_validate_json(content)
            except ValidationError as exc:
                raise InsurerInvalidResponse(
                    f"the insurer's answer to {where} does not match the contract "
                    f"({exc.error_count()} problems)"
                ) from exc
        raise _error_for(status, content, where)

    def _exchange(
        self,
        method: str,
        path: str,
        where: str,
        data: bytes | None,
        params: dict[str, str] | None,
        headers: dict[str, str],
    ) -> tuple[int, bytes]:
        """One request and its whole answer, read no further than `max_answer_bytes`."""
        response = self._session.request(
            method,
            self.base_url + path,
            data=data,
            params=params,
            headers=headers,
            timeout=self._timeout,
            # Per request: requests lets REQUESTS_CA_BUNDLE replace a session's CA bundle,
            # which would undo a pinned CA.
            verify=self._session.verify,
            allow_redirects=False,
            stream=True,
        )
        with response:
            if 300 <= response.status_code < 400:
                raise _redirected(response, where)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self._max_answer_bytes:
                raise self._too_large(where)
            content = bytearray()
            for chunk in response.iter_content(64 * 1024):
                content += chunk
                if len(content) > self._max_answer_bytes:
                    raise self._too_large(where)
            return response.status_code, bytes(content)

    def _check_ca_bundle(self) -> None:
        if self._ca_bundle is not None and not os.path.isfile(self._ca_bundle):
            raise InsurerCABundleUnreadable(
                f"the pinned CA bundle {self._ca_bundle} is missing or not a file; restore it, "
                "or change the kiosk's CA bundle setting",
                self._ca_bundle,
            )

    def _too_slow(self, path: str) -> InsurerTooSlow:
        return InsurerTooSlow(
            f"the insurer is too slow: no whole answer to {path} within {self._deadline:g} s"
        )

    def _too_large(self, path: str) -> InsurerAnswerTooLarge:
        return InsurerAnswerTooLarge(
            f"the insurer's answer to {path} is too large (over {self._max_answer_bytes} bytes)"
        )

    def _transport_error(self, exc: BaseException, path: str) -> InsurerError:
        if isinstance(exc, requests.Timeout):
            return InsurerTimeout(f"the insurer did not answer in time ({path})")
        if isinstance(exc, requests.exceptions.SSLError):
            return InsurerUnreachable(
                f"the insurer's TLS certificate was refused ({_certificate_problem(exc)}); "
                "check the insurer URL, and the pinned CA bundle setting if the insurer gave "
                "you one"
            )
        if isinstance(exc, requests.ConnectionError | requests.exceptions.ChunkedEncodingError):
            if _gave_up_on_read_timeout(exc):
                return InsurerTimeout(f"the insurer did not answer in time ({path})")
            return InsurerUnreachable(f"cannot reach the insurer ({path})")
        if not isinstance(exc, requests.RequestException) and self._ca_bundle is not None:
            # requests reads the pinned bundle at each call: it can vanish or become unreadable.
            return InsurerCABundleUnreadable(
                f"the pinned CA bundle {self._ca_bundle} cannot be read ({exc}); restore it, "
                "or change the kiosk's CA bundle setting",
                self._ca_bundle,
            )
        return InsurerUnreachable(f"request to the insurer failed ({path}): {exc}")


def _gave_up_on_read_timeout(exc: requests.RequestException) -> bool:
    """urllib3 reports a final read timeout as a connection error: tell the two apart."""
    reason = exc.args[0] if exc.args else None
    return isinstance(reason, MaxRetryError) and isinstance(reason.reason, ReadTimeoutError)


def _certificate_problem(exc: BaseException) -> str:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
            return cause.verify_message
        cause = cause.__cause__ or cause.__context__
    return "not trusted"


def _redirected(response: requests.Response, path: str) -> InsurerRedirected:
    location = response.headers.get("Location", "")[:200]
    return InsurerRedirected(
        f"the insurer answered {path} with a redirect (HTTP {response.status_code}) to "
        f"{location!r}; the kiosk never follows redirects: check the insurer URL"
    )


def _path_part(value: str) -> str:
    if not value or "/" in value or value in {".", ".."}:
        raise InsurerNotFound(f"not a valid identifier: {value!r}")
    return quote(value, safe="")


def _error_for(status: int, content: bytes, path: str) -> InsurerError:
    try:
        problem: Problem | None = Problem.model_validate_json(content)
    except ValidationError:
        problem = None
    detail = ((problem.detail or problem.title) if problem else "").strip() or f"HTTP {status}"
    if status >= 500:
        return InsurerServerError(f"the insurer had an internal problem ({detail})", status)
    if status in BUSY_STATUSES:
        return InsurerBusy(f"the insurer asked to try again later ({detail})", status)
    if status in (401, 403):
        return InsurerAuthError(f"the insurer refused this device's key ({detail})")
    if status == 404 and problem is None:
        return InsurerInvalidResponse(f"the insurer's gateway could not route {path} (HTTP 404)")
    if status == 404:
        return InsurerNotFound(f"not found at the insurer ({detail})")
    if problem is None:
        return InsurerInvalidResponse(
            f"the insurer answered HTTP {status} to {path} without a reason"
        )
    return InsurerRejected(detail, problem.code, status)
