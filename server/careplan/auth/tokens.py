"""Pure helpers for one-time codes and session tokens: made random, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_DIGITS = 6


def new_sign_in_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_sign_in_code(secret_key: str, phone: str, code: str) -> str:
    """Keyed, and bound to the phone: a leaked table does not yield usable codes."""
    message = f"{phone}:{code}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


def codes_match(stored_hash: str, candidate_hash: str) -> bool:
    return hmac.compare_digest(stored_hash, candidate_hash)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def hash_session_token(token: str) -> str:
    """Plain SHA-256 is enough: the token has 256 bits of entropy."""
    return hashlib.sha256(token.encode()).hexdigest()


def rate_limit_key(secret_key: str, value: str) -> str:
    """Rate-limit buckets name phones and addresses only through a keyed hash."""
    return hmac.new(secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]
