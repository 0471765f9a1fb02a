"""First start: a manager registers this kiosk with the insurer before any family is served.

Asked when the kiosk has no insurer address or device key yet, and when the insurer refuses the
stored key (revoked, or rotated at the insurer without updating the kiosk). The key is checked
with the insurer on a worker thread (`kiosk.registration.register_device`), so the window stays
responsive while the insurer answers; only a key the insurer accepts reaches the OS keyring.
Every refusal is told in the kiosk's language, by the kind of error rather than its English text.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.credentials import journal_audit_key
from kiosk.insurer.client import InsecureURLError
from kiosk.insurer.errors import DeviceKeyMissing, InsurerUnreachable
from kiosk.journal import Journal
from kiosk.registration import (
    Registration,
    RegistrationError,
    RegistrationState,
    register_device,
)
from kiosk.settings import Settings, SettingsError
from ui.i18n import FollowsLanguage
from ui.tasks import Task
from ui.tone import set_tone
from ui.widgets.button_row import button_row


class RegistrationScreen(FollowsLanguage, QWidget):
    """Emits `registered(Settings)` once the insurer accepted the key and it is stored;
    `cancelled` when the manager leaves without registering."""

    registered = Signal(object)
    cancelled = Signal()
    refused = Signal(str)
    """Which kind of refusal was shown (for tests): empty-url, insecure-url, not-a-url,
    empty-key, no-ca-bundle, key-refused, unreachable, not-confirmed, no-keyring, settings."""

    def __init__(
        self,
        settings: Settings,
        *,
        status: Registration | None = None,
        settings_file: Path | None = None,
        journal_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registrationScreen")
        self._reason = status.state if status is not None else None
        self._settings_file = settings_file
        self._journal_path = journal_path
        self._working = False

        self.title = QLabel(objectName="screenTitle")
        self.reason = QLabel(objectName="hint", wordWrap=True)
        self.url = QLineEdit(settings.insurer_url or "")
        self.url.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.key = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.key.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.ca_bundle = QLineEdit(str(settings.ca_bundle) if settings.ca_bundle else "")
        self.url_label = QLabel(objectName="fieldName")
        self.key_label = QLabel(objectName="fieldName")
        self.ca_label = QLabel(objectName="fieldName")
        self.status = QLabel(objectName="status", wordWrap=True)
        self.status.setMinimumHeight(56)
        self.register_button = QPushButton(objectName="primary")
        self.register_button.clicked.connect(self.submit)
        self.key.returnPressed.connect(self.submit)
        self.cancel_button = QPushButton(objectName="secondary")
        self.cancel_button.clicked.connect(self.cancelled)

        form = QFormLayout()
        form.setVerticalSpacing(16)
        form.setHorizontalSpacing(20)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.url_label, self.url)
        form.addRow(self.key_label, self.key)
        form.addRow(self.ca_label, self.ca_bundle)
        buttons = button_row([self.cancel_button], [self.register_button])
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setMaximumWidth(900)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(16)
        inner.addWidget(self.title)
        inner.addWidget(self.reason)
        inner.addLayout(form)
        inner.addWidget(self.status)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Register this kiosk with the insurer"))
        reasons = {
            RegistrationState.KEY_REFUSED: self.tr(
                "The insurer no longer accepts this kiosk's device key: it was revoked or "
                "replaced by a newer key. A manager must enter the current key from the "
                "insurer's provider portal."
            ),
            RegistrationState.NOT_REGISTERED: self.tr(
                "This kiosk is not registered yet. A manager enters the insurer's API address "
                "and the device key from the insurer's provider portal."
            ),
        }
        refused = self._reason is RegistrationState.KEY_REFUSED
        self.reason.setText(
            reasons[RegistrationState.KEY_REFUSED if refused else RegistrationState.NOT_REGISTERED]
        )
        self.url_label.setText(self.tr("Insurer API address"))
        self.key_label.setText(self.tr("Device key"))
        self.ca_label.setText(self.tr("Pinned CA file (optional)"))
        self.url.setPlaceholderText("https://api.insurer.example")
        self.key.setPlaceholderText(self.tr("From the insurer's provider portal"))
        self.ca_bundle.setPlaceholderText(self.tr("Path to a PEM file, if the insurer gave one"))
        self.register_button.setText(self.tr("Register"))
        self.cancel_button.setText(self.tr("Quit"))

    # --- registering

    def submit(self) -> None:
        """Check what can be checked here, then ask the insurer on a worker thread."""
        if self._working:
            return
        url = self.url.text().strip()
        key = self.key.text().strip()
        ca_text = self.ca_bundle.text().strip()
        ca_bundle = Path(ca_text).expanduser() if ca_text else None
        if not url:
            self._refuse("empty-url", self.tr("Enter the insurer's API address."))
            return
        if not key:
            self._refuse("empty-key", self.tr("Enter the device key."))
            return
        if ca_bundle is not None and not ca_bundle.is_file():
            self._refuse(
                "no-ca-bundle",
                self.tr("There is no CA file at %1. Check the path, or leave it empty.").replace(
                    "%1", str(ca_bundle)
                ),
            )
            return
        self._set_working(True)
        self._say(self.tr("Asking the insurer to confirm the key…"), tone="")
        settings_file, journal_path = self._settings_file, self._journal_path
        Task(lambda: _register(url, key, ca_bundle, settings_file, journal_path)).success(
            self._accepted
        ).failure(self._not_accepted).run()

    def _not_accepted(self, error: BaseException) -> None:
        self._set_working(False)
        kind, message = self._explain(error)
        self._refuse(kind, message)

    def _accepted(self, settings: Settings) -> None:
        self._set_working(False)
        self.key.clear()
        self._say(
            self.tr(
                "Registered: the insurer at %1 accepts this kiosk. The key is kept in the "
                "computer's keyring."
            ).replace("%1", settings.insurer_url or ""),
            tone="",
        )
        self.registered.emit(settings)

    def _explain(self, error: BaseException) -> tuple[str, str]:
        """The kind of refusal and its sentence in the kiosk's language."""
        cause = error.__cause__ if isinstance(error, RegistrationError) else error
        if isinstance(error, RegistrationError) and error.key_refused:
            return "key-refused", self.tr(
                "The insurer does not accept this device key: it is mistyped, or it was revoked "
                "or replaced by a newer key. Enter the current key from the insurer's provider "
                "portal. Nothing was stored."
            )
        if isinstance(cause, InsecureURLError):
            if urlsplit(self.url.text().strip()).scheme == "http":
                return "insecure-url", self.tr(
                    "Plain http:// is only allowed to this computer. Use the insurer's https:// "
                    "address. Nothing was stored."
                )
            return "not-a-url", self.tr(
                "This is not an insurer address: it starts with https:// followed by the "
                "insurer's host name."
            )
        if isinstance(cause, InsurerUnreachable):
            return "unreachable", self.tr(
                "The insurer could not be reached: check the address, the network and the CA "
                "file, then try again. Nothing was stored."
            )
        if isinstance(cause, DeviceKeyMissing):
            return "no-keyring", self.tr(
                "This computer has no keyring service, so the device key cannot be kept safely. "
                "Ask the clinic's IT person to set one up (kiosk doctor explains how)."
            )
        if isinstance(cause, SettingsError):
            return "settings", self.tr(
                "The kiosk's settings file cannot be used. Ask the clinic's IT person to run "
                "kiosk doctor."
            )
        return "not-confirmed", self.tr(
            "The insurer did not confirm the key. Try again in a moment. Nothing was stored."
        )

    def _set_working(self, working: bool) -> None:
        self._working = working
        for widget in (self.url, self.key, self.ca_bundle, self.register_button):
            widget.setEnabled(not working)

    def _refuse(self, kind: str, message: str) -> None:
        self._say(message)
        self.refused.emit(kind)

    def _say(self, text: str, tone: str = "error") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)


class RegistrationWindow(QMainWindow):
    """The screen in a window of its own, before the kiosk's window exists; closing it is
    leaving without registering."""

    def __init__(self, screen: RegistrationScreen) -> None:
        super().__init__()
        self.registration = screen
        self.setCentralWidget(screen)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.registration.cancelled.emit()
        super().closeEvent(event)


def _register(
    url: str,
    key: str,
    ca_bundle: Path | None,
    settings_file: Path | None,
    journal_path: Path | None,
) -> Settings:
    """On the worker: register, with the audit entry when the kiosk's journal is known."""
    if journal_path is None:
        return register_device(url, key, ca_bundle=ca_bundle, settings_file=settings_file)
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    with Journal.open(journal_path, audit_key=journal_audit_key(journal_path)) as journal:
        return register_device(
            url, key, ca_bundle=ca_bundle, settings_file=settings_file, journal=journal
        )
