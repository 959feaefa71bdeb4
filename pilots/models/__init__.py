from .organizations import Organization
from .pilots import PilotProject
from .sites import Site
from .vocabularies import SDG, Sector, TRLLevel

__all__ = ["SDG", "Organization", "PilotProject", "Sector", "Site", "TRLLevel"]
