from . import history  # noqa: F401  (registers the historical models)
from .accounts import AccountProfile
from .invitations import Invitation
from .memberships import OrganizationMembership
from .notifications import Delivery, Notification, OutboxEvent
from .opportunities import Opportunity
from .organizations import Organization
from .pilots import PilotProject
from .sites import Site
from .subscriptions import Subscription
from .vocabularies import SDG, Sector, TRLLevel
from .workflow import PilotTransition

__all__ = [
    "SDG",
    "AccountProfile",
    "Delivery",
    "Invitation",
    "Notification",
    "Opportunity",
    "Organization",
    "OrganizationMembership",
    "OutboxEvent",
    "PilotProject",
    "PilotTransition",
    "Sector",
    "Site",
    "Subscription",
    "TRLLevel",
]
