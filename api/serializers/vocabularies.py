from typing import Any

from rest_framework import serializers

from pilots.models import SDG, Sector, TRLLevel

from .slugs import StringSlugField


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["slug", "name_en", "name_no"]


class SDGSerializer(serializers.ModelSerializer):
    class Meta:
        model = SDG
        fields = [
            "number",
            "code",
            "name_en",
            "name_no",
            "statement_en",
            "statement_no",
            "color",
        ]


class TRLLevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = TRLLevel
        fields = ["level", "name_en", "name_no", "description_en", "description_no"]


class SectorListField(serializers.ListField):
    """Sector slugs from the controlled vocabulary."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=StringSlugField(max_length=32), **kwargs)

    def to_internal_value(self, data: Any) -> list[str]:
        slugs = list(dict.fromkeys(super().to_internal_value(data)))
        known = set(
            Sector.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        )
        unknown = [slug for slug in slugs if slug not in known]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown sector: {', '.join(unknown)} (see /api/v1/sectors/)."
            )
        return slugs


class SDGListField(serializers.ListField):
    """UN SDG numbers, 1-17."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            child=serializers.IntegerField(min_value=1, max_value=17), **kwargs
        )

    def to_internal_value(self, data: Any) -> list[int]:
        return sorted(set(super().to_internal_value(data)))
