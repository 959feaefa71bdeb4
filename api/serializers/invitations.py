from rest_framework import serializers


class InvitationRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class OrganizationInvitationSerializer(InvitationRequestSerializer):
    role = serializers.ChoiceField(choices=["admin", "member"], default="member")


class InvitationAcceptSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200)


class InvitationAcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    organization = serializers.CharField(
        allow_null=True, help_text="Slug of the organisation joined."
    )
    pilot = serializers.CharField(
        allow_null=True, help_text="Slug of the pilot you now edit."
    )
