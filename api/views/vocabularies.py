"""The controlled vocabularies: sectors, UN SDGs, TRL levels (read-only)."""

from rest_framework import viewsets

from pilots.selectors.catalogue import sdg_list, sector_list, trl_level_list

from ..filters.query_parameters import KnownQueryParameters
from ..serializers.vocabularies import (
    SDGSerializer,
    SectorSerializer,
    TRLLevelSerializer,
)


class SectorViewSet(viewsets.ReadOnlyModelViewSet):
    """Sectors used by sites, pilots and opportunities (English and Norwegian)."""

    queryset = sector_list()
    serializer_class = SectorSerializer
    lookup_field = "slug"
    filter_backends = [KnownQueryParameters]


class SDGViewSet(viewsets.ReadOnlyModelViewSet):
    """The 17 UN Sustainable Development Goals."""

    queryset = sdg_list()
    serializer_class = SDGSerializer
    lookup_field = "number"
    filter_backends = [KnownQueryParameters]


class TRLLevelViewSet(viewsets.ReadOnlyModelViewSet):
    """Technology Readiness Levels 1-9."""

    queryset = trl_level_list()
    serializer_class = TRLLevelSerializer
    lookup_field = "level"
    filter_backends = [KnownQueryParameters]
