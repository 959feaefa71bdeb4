"""Writes of opportunities: drafts, publishing (with an outbox record), closing.

Organisation admins of the publisher, and moderators, create, change and
publish an organisation's opportunities.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Opportunity, Organization, Site
from ..selectors.permissions import is_moderator, organization_admin_ids

FOOTPRINT_SQL = """
UPDATE pilots_opportunity o SET footprint = COALESCE(
    o.area::geometry,
    (SELECT ST_Multi(ST_Collect(s.location))
     FROM pilots_opportunity_sites os JOIN pilots_site s ON s.id = os.site_id
     WHERE os.opportunity_id = o.id AND s.location IS NOT NULL)
) WHERE o.id = %s
"""


def may_manage(actor: Any, organization_id: int | None) -> bool:
    if is_moderator(actor):
        return True
    return organization_id is not None and organization_id in organization_admin_ids(
        actor
    )


def _require_manager(actor: Any, organization_id: int | None) -> None:
    if not may_manage(actor, organization_id):
        raise PermissionDenied(
            _("Only the publishing organisation's admins or moderators may do this.")
        )


def publisher_may_change(opportunity: Opportunity) -> bool:
    """Whether the publisher's admins may change it in its status (see
    _require_editable)."""
    locked = {Opportunity.Status.SUBMITTED, Opportunity.Status.REJECTED}
    if opportunity.publisher.verified_at is None:
        locked |= {Opportunity.Status.PUBLISHED, Opportunity.Status.CLOSED}
    return opportunity.status not in locked


def _require_editable(actor: Any, opportunity: Opportunity) -> None:
    """What a moderator reviews is what gets published (issue 13): while it is
    under review, and once rejected, only moderators change it; once published,
    only a verified publisher changes it without a new review (reminders and
    digests would otherwise carry text nobody reviewed)."""
    if is_moderator(actor):
        return
    if not publisher_may_change(opportunity):
        raise PermissionDenied(
            _(
                "An opportunity in status “%(status)s” cannot be changed by its "
                "publisher now; a draft or one with changes requested can."
            )
            % {"status": opportunity.status}
        )


def _check(opportunity: Opportunity) -> None:
    if (
        opportunity.trl_min is not None
        and opportunity.trl_max is not None
        and opportunity.trl_min > opportunity.trl_max
    ):
        raise ValidationError({"trl_max": "trl_max must be at least trl_min."})
    if (
        opportunity.deadline_type == Opportunity.DeadlineType.FIXED
        and opportunity.deadline is None
    ):
        raise ValidationError({"deadline": "A fixed deadline needs a date."})


def _refresh_footprint(opportunity: Opportunity) -> None:
    with connection.cursor() as cursor:
        cursor.execute(FOOTPRINT_SQL, [opportunity.pk])
    opportunity.refresh_from_db(fields=["footprint"])


@transaction.atomic
def opportunity_create(
    *,
    actor: Any,
    publisher: Organization,
    sites: Iterable[Site] = (),
    **fields: Any,
) -> Opportunity:
    _require_manager(actor, publisher.pk)
    fields.pop("status", None)
    opportunity = Opportunity(
        publisher=publisher,
        created_by=actor if getattr(actor, "pk", None) else None,
        **fields,
    )
    _check(opportunity)
    opportunity.save()
    opportunity.sites.set(list(sites))
    _refresh_footprint(opportunity)
    return opportunity


@transaction.atomic
def opportunity_update(
    *,
    opportunity: Opportunity,
    actor: Any,
    sites: Iterable[Site] | None = None,
    **fields: Any,
) -> Opportunity:
    _require_manager(actor, opportunity.publisher_id)
    if "publisher" in fields:
        _require_manager(actor, fields["publisher"].pk)
    _require_editable(actor, opportunity)
    fields.pop("status", None)
    for name, value in fields.items():
        setattr(opportunity, name, value)
    _check(opportunity)
    opportunity.save()
    if sites is not None:
        opportunity.sites.set(list(sites))
    _refresh_footprint(opportunity)
    return opportunity


@transaction.atomic
def opportunity_delete(*, opportunity: Opportunity, actor: Any) -> None:
    _require_manager(actor, opportunity.publisher_id)
    opportunity.delete()


def opportunity_publish(*, opportunity: Opportunity, actor: Any) -> Opportunity:
    """Draft -> published for verified organisations' admins and moderators;
    the outbox record commits in the same transaction (issue 13: others
    submit for review, see services/opportunity_review)."""
    return _transition(opportunity, actor, "publish")


def opportunity_close(*, opportunity: Opportunity, actor: Any) -> Opportunity:
    return _transition(opportunity, actor, "close")


def _transition(opportunity: Opportunity, actor: Any, action: str) -> Opportunity:
    from .opportunity_review import opportunity_transition

    record = opportunity_transition(opportunity=opportunity, actor=actor, action=action)
    return record.opportunity


@transaction.atomic
def opportunities_close_past_deadline() -> int:
    """Close every published opportunity whose deadline has passed (beat)."""
    now = timezone.now()
    return Opportunity.objects.filter(
        status=Opportunity.Status.PUBLISHED, deadline__lte=now
    ).update(status=Opportunity.Status.CLOSED, closed_at=now, updated_at=now)
