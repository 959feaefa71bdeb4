from django.urls import path
from rest_framework.routers import DefaultRouter

from .owner_urls import urlpatterns as owner_urlpatterns
from .views.bookings import BookingViewSet, CalendarFeedView, MyCalendarFeedView
from .views.notifications import NotificationViewSet
from .views.opportunities import OpportunityViewSet
from .views.organizations import OrganizationViewSet
from .views.pilots import PilotViewSet
from .views.resources import ResourceViewSet
from .views.sites import SiteViewSet
from .views.subscriptions import SubscriptionViewSet
from .views.unsubscribe import unsubscribe_view
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
# Opportunities and notifications (issue 6).
router.register("opportunities", OpportunityViewSet, basename="opportunity")
router.register("subscriptions", SubscriptionViewSet, basename="subscription")
router.register("notifications", NotificationViewSet, basename="notification")
# Booking shared labs and test arenas (issue 18).
router.register("resources", ResourceViewSet, basename="resource")
router.register("bookings", BookingViewSet, basename="booking")

# Accounts, workflow actions, members and history first (issue 5).
urlpatterns = [*owner_urlpatterns, *router.urls]
urlpatterns += [
    path("unsubscribe/<str:token>/", unsubscribe_view, name="unsubscribe"),
    path(
        "auth/me/calendar-feed/",
        MyCalendarFeedView.as_view(),
        name="my-calendar-feed",
    ),
    path("calendars/<str:token>.ics", CalendarFeedView.as_view(), name="calendar-feed"),
]
