from .memberships import OrganizationMembership
from .notifications import Delivery, Notification, OutboxEvent
from .opportunities import Opportunity
from .organizations import Organization
from .pilots import PilotProject
from .sites import Site
from .subscriptions import Subscription
from .vocabularies import SDG, Sector, TRLLevel

__all__ = [
    "SDG",
    "Delivery",
    "Notification",
    "Opportunity",
    "Organization",
    "OrganizationMembership",
    "OutboxEvent",
    "PilotProject",
    "Sector",
    "Site",
    "Subscription",
    "TRLLevel",
]
