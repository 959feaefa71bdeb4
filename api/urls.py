from rest_framework.routers import DefaultRouter

from .views.zones import ZoneViewSet

app_name = "api"

router = DefaultRouter()
router.register("zones", ZoneViewSet, basename="zone")

urlpatterns = router.urls
