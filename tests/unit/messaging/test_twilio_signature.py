"""Our signing and checking agree with twilio's own RequestValidator, both ways."""

import pytest
from twilio.request_validator import RequestValidator

from careplan.messaging.signature import is_valid_signature, public_request_url, sign

TOKEN = "test-auth-token"
URL = "https://careplan.example.org/webhooks/twilio/sms"
PARAMS = {"MessageSid": "SM" + "a" * 32, "Body": "Feeling better, thanks", "From": "+447700900101"}


def test_what_we_sign_twilio_accepts():
    assert RequestValidator(TOKEN).validate(URL, PARAMS, sign(TOKEN, URL, PARAMS))


def test_what_twilio_signs_we_accept():
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS)

    assert is_valid_signature(TOKEN, URL, PARAMS, signature)


@pytest.mark.parametrize(
    ("token", "url", "params"),
    [
        ("another-token", URL, PARAMS),
        (TOKEN, URL.replace("careplan.example.org", "attacker.example"), PARAMS),
        (TOKEN, URL, {**PARAMS, "Body": "Tampered"}),
        (TOKEN, URL, {**PARAMS, "Extra": "added"}),
    ],
    ids=["wrong-token", "other-url", "tampered-body", "added-param"],
)
def test_a_signature_for_anything_else_is_rejected(token, url, params):
    signature = sign(TOKEN, URL, PARAMS)

    assert not is_valid_signature(token, url, params, signature)


@pytest.mark.parametrize("signature", [None, ""])
def test_a_missing_signature_is_rejected(signature):
    assert not is_valid_signature(TOKEN, URL, PARAMS, signature)


def test_no_auth_token_accepts_nothing():
    signature = RequestValidator("").compute_signature(URL, PARAMS)

    assert not is_valid_signature("", URL, PARAMS, signature)


def test_the_public_url_replaces_the_address_the_request_came_in_on():
    assert public_request_url("https://careplan.example.org/", "/webhooks/twilio/sms") == URL
    assert (
        public_request_url("https://careplan.example.org", "/webhooks/twilio/sms", "a=1")
        == URL + "?a=1"
    )
