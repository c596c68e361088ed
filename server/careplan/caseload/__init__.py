"""A clinician's caseload and the practice's continuity figures."""
