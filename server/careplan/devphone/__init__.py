"""The dev phone: a Twilio-compatible fake for development and tests, plus a page to play the
patient's phone (read the texts Careplan sends, answer them with correctly signed webhooks)."""

from careplan.devphone.router import create_dev_phone_router
from careplan.devphone.server import create_dev_phone_app, serve_dev_phone

__all__ = ["create_dev_phone_app", "create_dev_phone_router", "serve_dev_phone"]
