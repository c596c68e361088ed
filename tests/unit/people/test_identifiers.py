"""NHS number (Modulus 11) and phone (E.164, UK default) rules."""

from __future__ import annotations

import pytest

from careplan.people.identifiers import IdentifierError, normalise_nhs_number, normalise_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9434765919", "9434765919"),
        ("943 476 5919", "9434765919"),
        ("943-476-5919", "9434765919"),
        ("9990000018", "9990000018"),
        ("4010232137", "4010232137"),  # remainder 0 -> check digit 11 -> 0
    ],
)
def test_valid_nhs_numbers(raw, expected):
    assert normalise_nhs_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("9434765918", "check digit"),  # wrong check digit
        ("943476591", "10 digits"),
        ("94347659190", "10 digits"),
        ("94347659l9", "10 digits"),
        ("", "10 digits"),
        ("١٢٣٤٥٦٧٨٩٠", "10 digits"),  # non-ASCII digits are not NHS numbers
    ],
)
def test_invalid_nhs_numbers(raw, reason):
    with pytest.raises(IdentifierError, match=reason):
        normalise_nhs_number(raw)


def test_check_digit_of_ten_is_never_valid():
    # 000000010x: sum = 1*2 = 2 -> 11 - 2 = 9; find a base whose check digit would be 10.
    base = next(
        f"{n:09d}"
        for n in range(1000)
        if 11 - sum(int(d) * w for d, w in zip(f"{n:09d}", range(10, 1, -1), strict=True)) % 11
        == 10
    )
    for last in "0123456789":
        with pytest.raises(IdentifierError):
            normalise_nhs_number(base + last)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07911 123456", "+447911123456"),
        ("+44 7911 123456", "+447911123456"),
        ("(020) 7946 0000", "+442079460000"),
        ("07700 900101", "+447700900101"),  # Ofcom drama range: allowed for demo and tests
        ("+1 415 555 2671", "+14155552671"),
    ],
)
def test_phones_become_e164(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "hello", "12345", "+44 20", "07700 9001011", "+999 123"])
def test_invalid_phones(raw):
    with pytest.raises(IdentifierError):
        normalise_phone(raw)
