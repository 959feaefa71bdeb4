import unicodedata

from django.utils.translation import gettext as _
from rest_framework import serializers

from pilots.models import AccountProfile

from .timestamps import TimestampField


class SignUpSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )
    language = serializers.ChoiceField(
        choices=AccountProfile.Language.choices,
        required=False,
        help_text="Language of the emails; default: the request's Accept-Language.",
    )


class EmailSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class UidTokenSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)


class PasswordResetConfirmSerializer(UidTokenSerializer):
    new_password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )


class LoginSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )


class NewTokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text="Send as `Authorization: Token <token>`; shown only once."
    )
    token_key = serializers.CharField(help_text="Public id of the token.")
    expiry = TimestampField(allow_null=True)


class TokenSerializer(serializers.Serializer):
    token_key = serializers.CharField()
    created = TimestampField()
    expiry = TimestampField(allow_null=True)
    current = serializers.BooleanField(
        help_text="The token this request was made with."
    )


class MembershipSummarySerializer(serializers.Serializer):
    organization = serializers.CharField(source="organization.slug")
    role = serializers.CharField()


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField(help_text="Shown only to you (and to staff).")
    display_name = serializers.CharField(help_text="How others see you.")
    language = serializers.CharField()
    is_moderator = serializers.BooleanField()
    organizations = MembershipSummarySerializer(many=True)


class MeUpdateSerializer(serializers.Serializer):
    display_name = serializers.CharField(
        max_length=80,
        allow_blank=True,
        help_text='Shown instead of your address; empty: "Registry member #<id>".',
    )
    language = serializers.ChoiceField(choices=AccountProfile.Language.choices)

    def validate_display_name(self, value: str) -> str:
        if "@" in value:
            raise serializers.ValidationError(
                _("A display name cannot be an email address.")
            )
        if any(unicodedata.category(char).startswith("C") for char in value):
            raise serializers.ValidationError(
                _("A display name cannot contain control characters.")
            )
        return value


class AccountDeleteSerializer(serializers.Serializer):
    password = serializers.CharField(
        write_only=True, max_length=128, style={"input_type": "password"}
    )


class MessageSerializer(serializers.Serializer):
    detail = serializers.CharField()
