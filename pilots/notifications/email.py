"""The email channel: text and HTML parts, one-click unsubscribe (RFC 8058),
in the subscriber's language (English or Norwegian Bokmål)."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import translation

from ..emails import recipient_language
from ..models import Delivery, Notification
from .content import email_bodies, email_subject, unsubscribe_url
from .webhooks import DeliveryFailed, DeliveryImpossible


def email_send(*, delivery: Delivery, notifications: list[Notification]) -> None:
    subscription = delivery.subscription
    if subscription is None:
        raise DeliveryImpossible("an opportunity's email needs a subscription")
    user = subscription.user
    address = user.email
    if not address:
        raise DeliveryImpossible("the subscriber has no email address")
    with translation.override(recipient_language(user)):
        subject = email_subject(delivery, notifications)
        text, html = email_bodies(delivery, notifications)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Delivery-Id": delivery.webhook_id,
        },
    )
    message.attach_alternative(html, "text/html")
    mail_send(message)


def mail_send(message: EmailMessage) -> None:
    """Send one delivery's message: a server that fails may work on a retry,
    a message that cannot be built never will."""
    try:
        message.send(fail_silently=False)
    except OSError as error:
        raise DeliveryFailed(f"mail: {type(error).__name__}") from None
    except ValueError as error:
        # BadHeaderError (a line break in the subject or an address) and bad
        # addresses: the message cannot be built, and never will be.
        raise DeliveryImpossible(f"mail cannot be built: {error}"[:200]) from None
