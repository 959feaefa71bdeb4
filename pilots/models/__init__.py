from .memberships import OrganizationMembership
from .organizations import Organization
from .pilots import PilotProject
from .sites import Site
from .vocabularies import SDG, Sector, TRLLevel

__all__ = [
    "SDG",
    "Organization",
    "OrganizationMembership",
    "PilotProject",
    "Sector",
    "Site",
    "TRLLevel",
]
