"""GET /api/v1/<resource>/{slug}/history/: who changed what, when, from what to
what. Owners (pilots), organisation admins (organisations, their sites and
opportunities) and moderators may read it; others get 403, or 404 when they may
not see the item."""

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.models import Organization, PilotProject, Site
from pilots.selectors.history import history_records, history_versions, record_before
from pilots.selectors.opportunities import opportunity_list
from pilots.selectors.permissions import (
    can_see_opportunity_history,
    can_see_organization_history,
    can_see_pilot_history,
    organization_visibility_q,
    pilot_visibility_q,
    site_visibility_q,
)

from ..pagination import KeysetCursorPagination
from ..serializers.timestamps import TimestampField
from .paging import paginated


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    at = TimestampField()
    type = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    user = serializers.CharField(allow_null=True)
    changes = FieldChangeSerializer(many=True)


class _HistoryView(APIView):
    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination  # newest first, by keyset
    queryset_for: Callable[[Any], QuerySet]
    may_read: Callable[[Any, Any], bool]

    @extend_schema(
        tags=["history"], responses={200: HistoryVersionSerializer(many=True)}
    )
    def get(self, request: Request, slug: str) -> Response:
        instance: Model = get_object_or_404(
            type(self).queryset_for(request.user), slug=slug
        )
        if not type(self).may_read(request.user, instance):
            raise PermissionDenied(
                _("Only owners, organisation admins and moderators see the history.")
            )

        def serialize(records: Sequence[Any]) -> Any:
            older = record_before(instance, records[-1]) if records else None
            versions = history_versions(records, older)
            return HistoryVersionSerializer(versions, many=True).data

        return paginated(request, self, history_records(instance), serialize)


class PilotHistoryView(_HistoryView):
    queryset_for = staticmethod(
        lambda user: PilotProject.objects.filter(pilot_visibility_q(user))
    )
    may_read = staticmethod(can_see_pilot_history)


class SiteHistoryView(_HistoryView):
    queryset_for = staticmethod(
        lambda user: Site.objects.filter(site_visibility_q(user))
    )
    may_read = staticmethod(
        lambda user, site: can_see_organization_history(user, site.host_id)
    )


class OrganizationHistoryView(_HistoryView):
    queryset_for = staticmethod(
        lambda user: Organization.objects.filter(organization_visibility_q(user))
    )
    may_read = staticmethod(
        lambda user, organization: can_see_organization_history(user, organization.pk)
    )


class OpportunityHistoryView(_HistoryView):
    queryset_for = staticmethod(lambda user: opportunity_list(user=user))
    may_read = staticmethod(can_see_opportunity_history)
