"""Carers and consent: delegated access the patient controls (FEATURES D, ADR 0015)."""
