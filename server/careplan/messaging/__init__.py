"""Messaging: SMS to and from patients, webhook verification, and (later) threads and push."""
