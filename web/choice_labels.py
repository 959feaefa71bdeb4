"""The catalogue's choice labels as pages show them, marked for translation
(templates translate `get_<field>_display`; makemessages finds them here)."""

from django.utils.translation import gettext_noop

CHOICE_LABELS = (
    # Site.Kind, Site.Status, Site.Access
    gettext_noop("Test arena"),
    gettext_noop("Shared lab"),
    gettext_noop("Planned"),
    gettext_noop("Under construction"),
    gettext_noop("Operational"),
    gettext_noop("Retired"),
    gettext_noop("Open"),
    gettext_noop("On application"),
    gettext_noop("Members only"),
    # Opportunity.Status (the others are the pilots' words)
    gettext_noop("Submitted for review"),
    # Opportunity.CallType, Opportunity.DeadlineType
    gettext_noop("Open call"),
    gettext_noop("Testbed access"),
    gettext_noop("Innovation partnership"),
    gettext_noop("Pre-commercial procurement"),
    gettext_noop("Market dialogue"),
    gettext_noop("Fixed deadline"),
    gettext_noop("Rolling"),
    gettext_noop("Continuous"),
)
