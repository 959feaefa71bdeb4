"""Slugs in request bodies are strings, never numbers (issue 13).

DRF's CharField and SlugRelatedField accept `4242` and turn it into "4242";
the permission checks, which read the raw body, did not, so a number slipped
past them. These fields answer 400 naming the field instead.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

NOT_A_STRING = _("A slug must be a string.")
# The same words for every taken slug: whose it is and whether it is a draft
# stay private.
SLUG_TAKEN = _("This slug is taken; choose another.")


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
    """A ModelSerializer whose generated slug fields take strings only and say
    nothing about the row holding a taken slug."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.SlugField: StringSlugField,
    }

    def build_standard_field(self, field_name: str, model_field: Any) -> Any:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if isinstance(model_field, models.SlugField):
            for validator in kwargs.get("validators", []):
                if isinstance(validator, UniqueValidator):
                    validator.message = SLUG_TAKEN
        return field_class, kwargs
