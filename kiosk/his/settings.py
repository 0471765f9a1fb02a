"""How this clinic's HIS is connected to the desk: the `his` block of settings.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kiosk.catalogue import code_problem

Port = Annotated[int, Field(ge=1, le=65535)]


class HisSettings(BaseModel):
    """Where charges come in, where the shares go back, and how HIS codes read in the catalogue.

    Every part is optional: a clinic may only drop FHIR files, only send HL7 v2, or take charges
    in without wanting the shares back.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    listen_host: str | None = Field(
        default=None,
        description="Address the kiosk's MLLP listener binds for HL7 v2 DFT^P03 charges "
        "(127.0.0.1, or the desk's address on the clinic LAN); unset: no listener",
    )
    listen_port: Port = Field(default=2575, description="The MLLP listener's port")
    drop_folder: Path | None = Field(
        default=None, description="Folder the HIS drops FHIR R4 ChargeItem or Invoice bundles in"
    )
    codes: dict[str, str] = Field(
        default={},
        description="HIS item code → clinic catalogue code; a code missing here is looked up "
        "as a catalogue code itself, and a charge neither finds is shown to reception as unmapped",
    )
    settle_host: str | None = Field(
        default=None, description="The HIS's MLLP address the shares of HL7 v2 charges go back to"
    )
    settle_port: Port | None = None
    settle_folder: Path | None = Field(
        default=None,
        description="Folder the FHIR ClaimResponse of FHIR charges is written to for the HIS",
    )

    @field_validator("codes")
    @classmethod
    def _codes_are_codes(cls, value: dict[str, str]) -> dict[str, str]:
        for his_code, catalogue_code in value.items():
            problem = code_problem(his_code.strip()) or code_problem(catalogue_code.strip())
            if problem is not None:
                raise ValueError(f"his.codes: {problem}")
        return {k.strip(): v.strip() for k, v in value.items()}

    @model_validator(mode="after")
    def _settle_address_whole(self) -> HisSettings:
        if (self.settle_host is None) != (self.settle_port is None):
            raise ValueError("his.settle_host and his.settle_port go together")
        return self
