"""Pure checks for the identifiers a patient record is keyed on: NHS number and phone."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "GB"
# Ofcom reserves 07700 900000-900999 for drama; libphonenumber calls them invalid, but they are
# exactly what demo data and tests must use, because they can never reach a real person.
_OFCOM_DRAMA_PREFIX = "+447700900"


class IdentifierError(ValueError):
    """The value is not a valid identifier; the message says why in plain words."""


def normalise_nhs_number(raw: str) -> str:
    """Ten digits passing the Modulus 11 check; spaces and dashes are tolerated.

    Weights 10..2 over the first nine digits; check digit = 11 - (sum mod 11), where 11
    means 0 and 10 means the number is invalid.
    """
    digits = raw.replace(" ", "").replace("-", "")
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        raise IdentifierError("an NHS number has 10 digits")
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        raise IdentifierError("this is not a valid NHS number (the check digit does not match)")
    return digits


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """E.164, parsed as a UK number unless it starts with + (an international number)."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise IdentifierError("this does not look like a phone number") from None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    drama = e164.startswith(_OFCOM_DRAMA_PREFIX) and len(e164) == len(_OFCOM_DRAMA_PREFIX) + 3
    if not (drama or phonenumbers.is_valid_number(number)):
        raise IdentifierError("this is not a valid phone number")
    return e164
