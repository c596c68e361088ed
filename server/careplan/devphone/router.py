"""The dev phone as one Litestar router under /dev-phone, mountable in any app.

It keeps its own texts, so each router is a separate phone. The app must leave /dev-phone
out of its CSRF and session checks: Twilio's clients authenticate with basic auth instead.
"""

from __future__ import annotations

from litestar import Router
from litestar.di import Provide

from careplan.devphone.errors import TwilioApiError, twilio_error_response
from careplan.devphone.inbound import phone_replies
from careplan.devphone.messages_api import create_message, fetch_message, list_messages
from careplan.devphone.page import conversations, dev_phone_page
from careplan.devphone.state import DevPhone
from careplan.settings import Settings

DEV_PHONE_PATH = "/dev-phone"


def create_dev_phone_router(settings: Settings) -> Router:
    phone = DevPhone(settings=settings)

    def provide_dev_phone() -> DevPhone:
        return phone

    return Router(
        path=DEV_PHONE_PATH,
        route_handlers=[
            create_message,
            list_messages,
            fetch_message,
            phone_replies,
            dev_phone_page,
            conversations,
        ],
        dependencies={
            "dev_phone": Provide(provide_dev_phone, use_cache=True, sync_to_thread=False)
        },
        exception_handlers={TwilioApiError: twilio_error_response},
        include_in_schema=False,
    )
