from rest_framework.routers import DefaultRouter

from .owner_urls import urlpatterns as owner_urlpatterns
from .views.organizations import OrganizationViewSet
from .views.pilots import PilotViewSet
from .views.sites import SiteViewSet
from .views.vocabularies import SDGViewSet, SectorViewSet, TRLLevelViewSet
from .views.zones import ZoneViewSet

app_name = "api"

router = DefaultRouter()
router.register("zones", ZoneViewSet, basename="zone")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("sites", SiteViewSet, basename="site")
router.register("pilots", PilotViewSet, basename="pilot")
router.register("sectors", SectorViewSet, basename="sector")
router.register("sdgs", SDGViewSet, basename="sdg")
router.register("trl-levels", TRLLevelViewSet, basename="trl-level")

# Accounts, workflow actions, members and history first (issue 5).
urlpatterns = [*owner_urlpatterns, *router.urls]
