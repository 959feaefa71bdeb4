"""Writes on bookable resources, their closures and calendar feeds; only the
admins of the site's host organisation manage a resource."""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import BookableResource, CalendarFeed, ResourceClosure, Site
from ..selectors.permissions import organization_admin_ids
from .booking_rules import parse_rrule
from .bookings import BookingInvalid
from .transitions import TransitionForbidden

RESOURCE_FIELDS = (
    "name",
    "description",
    "capacity",
    "min_minutes",
    "max_minutes",
    "lead_minutes",
    "approval_required",
    "opening_hours",
)


def _require_host(actor: Any, site: Site) -> None:
    if site.host_id not in organization_admin_ids(actor):
        raise TransitionForbidden(
            _("Only the admins of the site's host organisation manage its resources.")
        )


@transaction.atomic
def resource_create(*, site: Site, actor: Any, **fields: Any) -> BookableResource:
    _require_host(actor, site)
    return BookableResource.objects.create(
        site=site, **{k: v for k, v in fields.items() if k in RESOURCE_FIELDS}
    )


@transaction.atomic
def resource_update(
    *, resource: BookableResource, actor: Any, **fields: Any
) -> BookableResource:
    resource = BookableResource.objects.select_for_update().get(pk=resource.pk)
    _require_host(actor, resource.site)
    for name, value in fields.items():
        if name in RESOURCE_FIELDS:
            setattr(resource, name, value)
    resource.save()
    # Future bookings follow the capacity: the exclusion constraint then
    # refuses a change to 1 while confirmed bookings overlap.
    resource.bookings.update(exclusive=resource.exclusive)
    return resource


@transaction.atomic
def resource_delete(*, resource: BookableResource, actor: Any) -> None:
    _require_host(actor, resource.site)
    resource.delete()


@transaction.atomic
def closure_add(
    *,
    resource: BookableResource,
    actor: Any,
    starts_at: datetime,
    ends_at: datetime,
    rrule: str = "",
    reason: str = "",
) -> ResourceClosure:
    _require_host(actor, resource.site)
    if ends_at <= starts_at:
        raise BookingInvalid("ends_at", _("A closure must end after it starts."))
    if rrule:
        try:
            parse_rrule(rrule, starts_at)
        except (ValueError, TypeError):
            raise BookingInvalid(
                "rrule", _("Not an RFC 5545 recurrence rule (RRULE).")
            ) from None
    return ResourceClosure.objects.create(
        resource=resource,
        starts_at=starts_at,
        ends_at=ends_at,
        rrule=rrule,
        reason=reason,
    )


@transaction.atomic
def closure_delete(*, closure: ResourceClosure, actor: Any) -> None:
    _require_host(actor, closure.resource.site)
    closure.delete()


@transaction.atomic
def calendar_feed_rotate(
    *, actor: Any, resource: BookableResource | None = None
) -> CalendarFeed:
    """A new secret URL for a resource's feed (its hosts) or the actor's own."""
    if resource is not None:
        _require_host(actor, resource.site)
        feed, _created = CalendarFeed.objects.get_or_create(resource=resource)
    else:
        feed, _created = CalendarFeed.objects.get_or_create(user=actor)
    if not _created:
        feed.token = CalendarFeed._meta.get_field("token").get_default()
        feed.save(update_fields=["token", "updated_at"])
    return feed
