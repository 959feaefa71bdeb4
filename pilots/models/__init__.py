from . import history  # noqa: F401  (registers the historical models)
from .accounts import AccountProfile
from .bookings import Booking, BookingTransition
from .invitations import Invitation
from .memberships import OrganizationMembership
from .notifications import Delivery, Notification, OutboxEvent
from .opportunities import Opportunity
from .opportunity_review import OpportunityTransition
from .organizations import Organization
from .pilots import PilotProject
from .resources import BookableResource, CalendarFeed, ResourceClosure
from .sites import Site
from .subscriptions import Subscription
from .vocabularies import SDG, Sector, TRLLevel
from .workflow import PilotTransition

__all__ = [
    "SDG",
    "AccountProfile",
    "BookableResource",
    "Booking",
    "BookingTransition",
    "CalendarFeed",
    "Delivery",
    "Invitation",
    "Notification",
    "Opportunity",
    "OpportunityTransition",
    "Organization",
    "OrganizationMembership",
    "OutboxEvent",
    "PilotProject",
    "PilotTransition",
    "ResourceClosure",
    "Sector",
    "Site",
    "Subscription",
    "TRLLevel",
]
