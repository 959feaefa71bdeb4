from rest_framework import serializers

from pilots.models import PilotTransition

from .people import PublicNameField
from .timestamps import TimestampField


class TransitionRequestSerializer(serializers.Serializer):
    """The body of a workflow or moderation action: why it is taken."""

    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=4000,
        help_text="Why; required for request-changes, reject and unpublish.",
    )


class PilotTransitionSerializer(serializers.ModelSerializer):
    actor = PublicNameField(help_text="Who acted, by display name.")
    action_label = serializers.CharField(source="get_action_display", read_only=True)
    to_status_label = serializers.CharField(
        source="get_to_status_display", read_only=True
    )

    class Meta:
        model = PilotTransition
        fields = [
            "id",
            "action",
            "action_label",
            "from_status",
            "to_status",
            "to_status_label",
            "actor",
            "reason",
            "created_at",
        ]
        read_only_fields = fields


class CollaboratorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField()
    email = serializers.EmailField(
        allow_null=True, help_text="Only for the person themself and for staff."
    )


class MembershipSerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    display_name = serializers.CharField()
    email = serializers.EmailField(
        allow_null=True, help_text="Only for the person themself and for staff."
    )
    role = serializers.ChoiceField(choices=["admin", "member"])
    created_at = TimestampField()


class MembershipRoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=["admin", "member"])
