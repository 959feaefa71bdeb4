"""Pages for people: where the links in emails and map popups lead, and the
registration portal (issue 16)."""

from django.urls import include, path

from . import org_urls
from .views.accounts import reset_password_view, verify_email_view
from .views.bookings import (
    booking_cancel_view,
    booking_decide_view,
    booking_new_view,
    my_bookings_view,
    resource_week_view,
    resources_view,
)
from .views.catalogue import opportunity_view, pilot_view, site_view
from .views.invitations import accept_invitation_view
from .views.my_pilots import (
    my_pilot_view,
    my_pilots_view,
    pilot_edit_view,
    pilot_new_view,
    pilot_submit_view,
)
from .views.review import (
    review_opportunity_view,
    review_pilot_view,
    review_queue_view,
)
from .views.session import (
    password_reset_request_view,
    sign_in_view,
    sign_out_view,
    sign_up_view,
)
from .views.unsubscribe import resubscribe_view, unsubscribe_view

app_name = "web"

urlpatterns = [
    path("verify-email/", verify_email_view, name="verify-email"),
    path("reset-password/", reset_password_view, name="reset-password"),
    path("unsubscribe/<str:token>/", unsubscribe_view, name="unsubscribe"),
    path("unsubscribe/<str:token>/undo/", resubscribe_view, name="resubscribe"),
    path("accept-invitation/", accept_invitation_view, name="accept-invitation"),
    path("sites/<slug:slug>/", site_view, name="site"),
    path("pilots/<slug:slug>/", pilot_view, name="pilot"),
    path("opportunities/<slug:slug>/", opportunity_view, name="opportunity"),
    path("sign-up/", sign_up_view, name="sign-up"),
    path("sign-in/", sign_in_view, name="sign-in"),
    path("sign-out/", sign_out_view, name="sign-out"),
    path("forgot-password/", password_reset_request_view, name="forgot-password"),
    path("my/pilots/", my_pilots_view, name="my-pilots"),
    path("my/pilots/new/", pilot_new_view, name="pilot-new"),
    path("my/pilots/<slug:slug>/", my_pilot_view, name="my-pilot"),
    path("my/pilots/<slug:slug>/edit/", pilot_edit_view, name="pilot-edit"),
    path("my/pilots/<slug:slug>/submit/", pilot_submit_view, name="pilot-submit"),
    path("my/organisations/", include(org_urls)),
    path("review/", review_queue_view, name="review-queue"),
    path("review/pilots/<slug:slug>/", review_pilot_view, name="review-pilot"),
    path(
        "review/opportunities/<slug:slug>/",
        review_opportunity_view,
        name="review-opportunity",
    ),
    # booking shared labs and test arenas (issue 18)
    path("resources/", resources_view, name="resources"),
    path("resources/<int:pk>/week/", resource_week_view, name="resource-week"),
    path("resources/<int:pk>/book/", booking_new_view, name="booking-new"),
    path("my/bookings/", my_bookings_view, name="my-bookings"),
    path("my/bookings/<int:pk>/cancel/", booking_cancel_view, name="booking-cancel"),
    path("my/bookings/<int:pk>/decide/", booking_decide_view, name="booking-decide"),
]
