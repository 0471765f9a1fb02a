"""The clinic's HIS: the charges it sends in (HL7 v2 DFT^P03 over MLLP, FHIR R4 bundles), matched
to the scanned member and the catalogue, and the shares sent back once the claim is accepted."""
