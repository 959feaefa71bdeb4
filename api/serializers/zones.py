from rest_framework import serializers

from geo.models import Zone

from .geometry import GeoJSONTextField


class ZoneSerializer(serializers.ModelSerializer):
    area = GeoJSONTextField(source="area_geojson")

    class Meta:
        model = Zone
        fields = ["id", "slug", "name", "area", "updated_at"]
