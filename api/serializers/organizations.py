from rest_framework import serializers

from pilots.models import Organization

from .slugs import StringSlugRelatedField, StringSlugsModelSerializer


class OrganizationSerializer(StringSlugsModelSerializer):
    verified = serializers.BooleanField(
        source="is_verified",
        read_only=True,
        help_text="A moderator verified it: its admins publish opportunities "
        "without review.",
    )

    class Meta:
        model = Organization
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "org_number",
            "website",
            "description",
            "verified",
            "verified_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "verified_at", "created_at", "updated_at"]


class OrganizationSlugField(StringSlugRelatedField):
    """An organisation by its slug, in and out."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("queryset", Organization.objects.all())
        super().__init__(slug_field="slug", **kwargs)  # type: ignore[arg-type]
