"""Writes of subscriptions: criteria, channel, pause/resume, secrets, unsubscribe."""

from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from geo.models import Zone

from ..models import Notification, Organization, Subscription
from ..notifications.content import subscription_id_from_token
from ..notifications.webhook_safety import UnsafeWebhookURL, check_webhook_url
from ..notifications.webhooks import new_webhook_secret


def _check(subscription: Subscription) -> None:
    errors: dict[str, str] = {}
    if (subscription.point is None) != (subscription.radius_m is None):
        errors["radius_m"] = "A point needs a radius in metres, and a radius a point."
    if subscription.point is not None and subscription.area is not None:
        errors["area"] = "Give an area or a point with a radius, not both."
    if (
        subscription.trl_min is not None
        and subscription.trl_max is not None
        and subscription.trl_min > subscription.trl_max
    ):
        errors["trl_max"] = "trl_max must be at least trl_min."
    known_zones = set(
        Zone.objects.filter(pk__in=subscription.zone_ids).values_list("pk", flat=True)
    )
    if set(subscription.zone_ids) - known_zones:
        errors["zones"] = "Unknown zone."
    known_orgs = set(
        Organization.objects.filter(pk__in=subscription.organization_ids).values_list(
            "pk", flat=True
        )
    )
    if set(subscription.organization_ids) - known_orgs:
        errors["organizations"] = "Unknown organisation."
    if subscription.channel == Subscription.Channel.WEBHOOK:
        if not subscription.webhook_url:
            errors["webhook_url"] = "A webhook subscription needs a URL."
        else:
            try:
                check_webhook_url(subscription.webhook_url)
            except UnsafeWebhookURL as error:
                errors["webhook_url"] = error.message
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def subscription_create(*, actor: Any, **fields: Any) -> Subscription:
    """A new subscription of `actor`; a webhook one gets a fresh secret."""
    subscription = Subscription(user=actor, **fields)
    if subscription.channel == Subscription.Channel.WEBHOOK:
        subscription.webhook_secret = new_webhook_secret()
    _check(subscription)
    subscription.save()
    return subscription


@transaction.atomic
def subscription_update(
    *, subscription: Subscription, actor: Any, **fields: Any
) -> Subscription:
    url_changed = (
        "webhook_url" in fields and fields["webhook_url"] != subscription.webhook_url
    )
    for name, value in fields.items():
        setattr(subscription, name, value)
    if subscription.channel == Subscription.Channel.WEBHOOK:
        if not subscription.webhook_secret:
            subscription.webhook_secret = new_webhook_secret()
        if url_changed:
            subscription.webhook_disabled_at = None
    _check(subscription)
    subscription.save()
    return subscription


@transaction.atomic
def subscription_delete(*, subscription: Subscription, actor: Any) -> None:
    subscription.delete()


@transaction.atomic
def subscription_pause(*, subscription: Subscription, actor: Any) -> Subscription:
    subscription.is_active = False
    subscription.save(update_fields=["is_active", "updated_at"])
    return subscription


@transaction.atomic
def subscription_resume(*, subscription: Subscription, actor: Any) -> Subscription:
    """Active again; a webhook endpoint disabled by a 410 is re-enabled."""
    subscription.is_active = True
    subscription.unsubscribed_at = None
    subscription.webhook_disabled_at = None
    subscription.save(
        update_fields=[
            "is_active",
            "unsubscribed_at",
            "webhook_disabled_at",
            "updated_at",
        ]
    )
    return subscription


@transaction.atomic
def subscription_rotate_secret(
    *, subscription: Subscription, actor: Any
) -> Subscription:
    if subscription.channel != Subscription.Channel.WEBHOOK:
        raise ValidationError({"channel": "Only webhook subscriptions have a secret."})
    subscription.webhook_secret = new_webhook_secret()
    subscription.save(update_fields=["webhook_secret", "updated_at"])
    return subscription


@transaction.atomic
def subscription_unsubscribe_by_token(*, token: str) -> Subscription:
    """One-click unsubscribe from an email link; raises signing.BadSignature."""
    subscription_id = subscription_id_from_token(token)
    subscription = (
        Subscription.objects.select_for_update().filter(pk=subscription_id).first()
    )
    if subscription is None:
        raise signing.BadSignature("no such subscription")
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.is_active = False
        subscription.save(update_fields=["unsubscribed_at", "is_active", "updated_at"])
    return subscription


@transaction.atomic
def notifications_mark_read(*, actor: Any, ids: list[int] | None = None) -> int:
    """Mark the actor's notifications read (all unread when `ids` is None)."""
    queryset = Notification.objects.filter(user_id=actor.pk, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())


@transaction.atomic
def subscription_resubscribe_by_token(*, token: str) -> Subscription:
    """Undo of the one-click unsubscribe (same link); raises signing.BadSignature."""
    subscription_id = subscription_id_from_token(token)
    subscription = (
        Subscription.objects.select_for_update().filter(pk=subscription_id).first()
    )
    if subscription is None:
        raise signing.BadSignature("no such subscription")
    if subscription.unsubscribed_at is not None:
        subscription.unsubscribed_at = None
        subscription.is_active = True
        subscription.save(update_fields=["unsubscribed_at", "is_active", "updated_at"])
    return subscription
