"""Everything a running kiosk's screens share: the visit, the catalogue, the journal, the outbox.

The worker threads are not here: slow work goes through `ui.tasks.Task`, which the application's
one installed runner executes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.arrivals import CheckInsToRetry
from kiosk.catalogue import Catalogue
from kiosk.clinic_db.reading import ClinicReader
from kiosk.his.link import HisLink
from kiosk.journal import ClaimSubmitter, Journal
from kiosk.signing_keys import SigningKeyCache
from kiosk.statement import ClinicProfile, InsurerProfile
from kiosk.visit import Visit
from ui.i18n import Translations
from ui.scan_input import ScanInput
from ui.widgets.outbox_status import OutboxWatcher


@dataclass
class KioskSession:
    """Long-lived services of one kiosk process; screens receive it instead of globals."""

    clinic_name: str
    translations: Translations
    catalogue: Catalogue
    documents_dir: Path
    journal: Journal
    submitter: ClaimSubmitter
    outbox: OutboxWatcher
    keys: SigningKeyCache
    scans: ScanInput
    visit: Visit = field(default_factory=Visit)
    check_ins: CheckInsToRetry = field(default_factory=CheckInsToRetry)
    """Today's arrivals the insurer has not confirmed yet, tried again by the arrivals board."""
    clinic_profile: ClinicProfile | None = None
    """The clinic's names, address and phone (settings); by default from `clinic_name`."""
    insurer: InsurerProfile = field(default_factory=InsurerProfile)
    phone_guarantees: bool = True
    """The clinic lets reception take a phone guarantee when the insurer cannot be reached."""
    clinic_reader: ClinicReader | None = None
    """The clinic database the manager's Clinic tab reads (a manager's or group finance's
    login), when the settings name one."""
    his: HisLink | None = None
    """The clinic's HIS link (settings' `his`): charges offered on the bill, shares sent back."""

    @property
    def clinic(self) -> ClinicProfile:
        return self.clinic_profile or ClinicProfile.from_display(self.clinic_name)

    @property
    def language(self) -> str:
        return self.translations.language
