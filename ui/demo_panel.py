"""The demo's stand-in for the family's phone: pick a demo member and hold their card up.

A small window beside the kiosk. Each button puts that member's live e-card (refreshed every 60 s,
as the member app does) in front of the simulated desk camera; when a visit ends the phone is taken
away again, as a family would. Below, the demo staff accounts and their PINs, for trying the
staff screens ("Staff" in the kiosk's header).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.staff import Role
from kiosk.visit import Step
from ui.i18n import FollowsLanguage
from ui.launch import Kiosk

REFRESH_MS = 60_000


class DemoMemberLike(Protocol):
    @property
    def state(self) -> str: ...
    @property
    def shows(self) -> str: ...
    @property
    def child_name(self) -> str: ...


Member = TypeVar("Member", bound=DemoMemberLike)
"""The demo's member type: the panel hands `token_for` the members it was given."""


class DemoStaffLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> Role: ...
    @property
    def pin(self) -> str: ...


class PhoneCamera(Protocol):
    def show(self, text: str | None) -> None: ...


class DemoPanel(FollowsLanguage, QWidget, Generic[Member]):
    """One button per demo member, and one to take the phone away."""

    def __init__(
        self,
        kiosk: Kiosk,
        camera: PhoneCamera,
        members: Sequence[Member],
        token_for: Callable[[Member], str],
        staff: Sequence[DemoStaffLike] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("demoPanel")
        self.camera = camera
        self.staff = list(staff)
        self.staff_heading = QLabel(objectName="panelTitle", wordWrap=True)
        self.staff_hint = QLabel(objectName="hint", wordWrap=True)
        self.staff_pins = QLabel(objectName="demoPins", wordWrap=True)
        self.staff_pins.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.token_for = token_for
        self.current: Member | None = None
        self.heading = QLabel(objectName="screenTitle", wordWrap=True)
        self.hint = QLabel(objectName="hint", wordWrap=True)
        self.away = QPushButton(objectName="secondary")
        self.away.clicked.connect(lambda: self.hold(None))
        self.buttons: list[tuple[QPushButton, Member]] = []
        column = QVBoxLayout()
        for member in members:
            button = QPushButton(objectName="demoMember")
            button.setToolTip(member.shows)
            button.clicked.connect(lambda _=False, m=member: self.hold(m))
            column.addWidget(button)
            self.buttons.append((button, member))
        inner = QWidget()
        inner.setLayout(column)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.away)
        if self.staff:
            layout.addSpacing(8)
            layout.addWidget(self.staff_heading)
            layout.addWidget(self.staff_hint)
            layout.addWidget(self.staff_pins)
        self.refresh = QTimer(self)
        self.refresh.setInterval(REFRESH_MS)
        self.refresh.timeout.connect(self._refresh)
        kiosk.session.visit.observe(self._visit_step)
        self.resize(480, 760)
        self.retranslate()

    def hold(self, member: Member | None) -> None:
        """Hold `member`'s phone up to the camera (None: take it away)."""
        self.current = member
        self.camera.show(self.token_for(member) if member is not None else None)
        if member is None:
            self.refresh.stop()
        else:
            self.refresh.start()

    def _refresh(self) -> None:
        if self.current is not None:
            self.camera.show(self.token_for(self.current))

    def _visit_step(self, old: Step, new: Step) -> None:
        if new is Step.SCAN and old is not Step.CHECKING:
            self.hold(None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Demo: the family's phone"))
        self.heading.setText(self.tr("Demo: the family's phone"))
        self.hint.setText(
            self.tr(
                "Choose whose e-card the phone shows; the simulated camera sees it at once. "
                "Hover a button to see what that member demonstrates."
            )
        )
        self.away.setText(self.tr("Take the phone away"))
        self.staff_heading.setText(self.tr("Demo staff"))
        self.staff_hint.setText(
            self.tr("Tap Staff at the top of the kiosk, choose the name and enter the PIN.")
        )
        pins = {
            Role.MANAGER: self.tr("Demo manager PIN: %1"),
            Role.RECEPTION: self.tr("Demo reception PIN: %1"),
        }
        self.staff_pins.setText(
            "\n".join(pins[person.role].replace("%1", person.pin) for person in self.staff)
        )
        for button, member in self.buttons:
            button.setText(f"{member.child_name} · {member.state}")
