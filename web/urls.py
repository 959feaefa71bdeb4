"""Pages for people: where the links in emails and map popups lead."""

from django.urls import path

from .views.accounts import reset_password_view, verify_email_view
from .views.catalogue import opportunity_view, pilot_view, site_view
from .views.unsubscribe import resubscribe_view, unsubscribe_view

app_name = "web"

urlpatterns = [
    path("verify-email/", verify_email_view, name="verify-email"),
    path("reset-password/", reset_password_view, name="reset-password"),
    path("unsubscribe/<str:token>/", unsubscribe_view, name="unsubscribe"),
    path("unsubscribe/<str:token>/undo/", resubscribe_view, name="resubscribe"),
    path("sites/<slug:slug>/", site_view, name="site"),
    path("pilots/<slug:slug>/", pilot_view, name="pilot"),
    path("opportunities/<slug:slug>/", opportunity_view, name="opportunity"),
]
