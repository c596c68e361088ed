"""The CSRF token rule and the cookie reader on the hot path."""

from careplan.auth.cookies import cookie_value
from careplan.auth.csrf import csrf_token_valid, new_csrf_token

SECRET = "unit-test-secret-key-0123456789abcdef"


def test_a_token_we_made_and_echoed_is_valid():
    token = new_csrf_token(SECRET)
    assert csrf_token_valid(SECRET, token, token)


def test_header_must_echo_the_cookie():
    assert not csrf_token_valid(SECRET, new_csrf_token(SECRET), new_csrf_token(SECRET))
    assert not csrf_token_valid(SECRET, new_csrf_token(SECRET), None)
    assert not csrf_token_valid(SECRET, None, None)


def test_a_planted_cookie_without_our_signature_is_refused():
    planted = "attacker-nonce.0000"
    assert not csrf_token_valid(SECRET, planted, planted)
    assert not csrf_token_valid(
        "another-secret-key-0123456789abcdef", *[new_csrf_token(SECRET)] * 2
    )
    assert not csrf_token_valid(SECRET, ".sig", ".sig")


def test_cookie_value_finds_one_cookie_among_several_headers():
    scope = {
        "headers": [
            (b"accept", b"*/*"),
            (b"cookie", b"theme=dark; careplan_session=abc-123_x"),
            (b"cookie", b"csrftoken=n.s"),
        ]
    }
    assert cookie_value(scope, "careplan_session") == "abc-123_x"
    assert cookie_value(scope, "csrftoken") == "n.s"
    assert cookie_value(scope, "careplan") is None
    assert cookie_value({"headers": []}, "csrftoken") is None
