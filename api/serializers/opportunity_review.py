from rest_framework import serializers

from pilots.models import OpportunityTransition
from pilots.services.opportunity_review import TRANSITIONS


class OpportunityTransitionSerializer(serializers.ModelSerializer):
    """One review step. Who acted is given as a role, not a person's address."""

    action_label = serializers.CharField(source="get_action_display", read_only=True)
    to_status_label = serializers.CharField(
        source="get_to_status_display", read_only=True
    )
    by = serializers.SerializerMethodField(help_text="moderator or publisher")

    class Meta:
        model = OpportunityTransition
        fields = [
            "id",
            "action",
            "action_label",
            "from_status",
            "to_status",
            "to_status_label",
            "by",
            "reason",
            "created_at",
        ]
        read_only_fields = fields

    def get_by(self, record: OpportunityTransition) -> str:
        rule = TRANSITIONS.get(record.action)
        return "moderator" if rule is not None and rule.by_moderator else "publisher"
