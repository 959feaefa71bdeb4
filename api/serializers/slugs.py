"""Slugs in request bodies are strings, never numbers (issue 13).

DRF's CharField and SlugRelatedField accept `4242` and turn it into "4242";
the permission checks, which read the raw body, did not, so a number slipped
past them. These fields answer 400 naming the field instead.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

NOT_A_STRING = _("A slug must be a string.")


def require_string(field: serializers.Field, data: Any) -> None:
    if not isinstance(data, str):
        field.fail("not_a_string")


class StringSlugField(serializers.SlugField):
    default_error_messages = {"not_a_string": NOT_A_STRING}

    def to_internal_value(self, data: Any) -> str:
        require_string(self, data)
        return super().to_internal_value(data)


class StringSlugRelatedField(serializers.SlugRelatedField):
    default_error_messages = {"not_a_string": NOT_A_STRING}

    def to_internal_value(self, data: Any) -> Any:
        require_string(self, data)
        return super().to_internal_value(data)


class StringSlugsModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose generated slug fields take strings only."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.SlugField: StringSlugField,
    }
