"""Shared set-up for the notification flow tests."""

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from django.utils import timezone

from pilots.models import Organization, OrganizationMembership
from tests.factories import OrganizationFactory, UserFactory

MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def publisher_admin(*, verified: bool = True) -> tuple[Any, Organization]:
    """A user who administers a new publishing organisation (verified by a
    moderator unless told otherwise, so its admins publish directly)."""
    user = UserFactory.create()
    organization = OrganizationFactory.create(
        verified_at=timezone.now() if verified else None
    )
    OrganizationMembership.objects.create(
        user=user, organization=organization, role=OrganizationMembership.Role.ADMIN
    )
    return user, organization


def sent_emails(folder: Path) -> list[EmailMessage]:
    """Messages the filebased email backend wrote (one file per connection)."""
    messages: list[EmailMessage] = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(MAIL_SEPARATOR):
            if chunk.strip():
                messages.append(
                    email.message_from_bytes(chunk, policy=email.policy.default)
                )
    return messages


def body_parts(message: EmailMessage) -> dict[str, str]:
    parts = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            parts[part.get_content_type()] = payload.decode(
                part.get_content_charset() or "utf-8"
            )
    return parts
