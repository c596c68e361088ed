"""FHIR R4 export of a patient's whole record as one Bundle (ADR 0016)."""
