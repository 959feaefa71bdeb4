"""Routes of issue 5 (accounts, the pilot workflow, members, history), placed
before the router in api/urls.py."""

from django.urls import path

from .views import account_data, auth, history, invitations, memberships, pilot_workflow
from .views.pilot_workflow import TRANSITION_ACTIONS, PilotTransitionView

urlpatterns = [
    path("auth/sign-up/", auth.SignUpView.as_view(), name="auth-sign-up"),
    path("auth/verify-email/", auth.VerifyEmailView.as_view(), name="auth-verify"),
    path(
        "auth/verify-email/resend/",
        auth.VerificationResendView.as_view(),
        name="auth-verify-resend",
    ),
    path("auth/login/", auth.LoginView.as_view(), name="auth-login"),
    path("auth/logout/", auth.LogoutView.as_view(), name="auth-logout"),
    path("auth/tokens/", auth.TokenListView.as_view(), name="auth-tokens"),
    path(
        "auth/tokens/<str:token_key>/",
        auth.TokenDetailView.as_view(),
        name="auth-token-detail",
    ),
    path(
        "auth/password-reset/",
        auth.PasswordResetView.as_view(),
        name="auth-password-reset",
    ),
    path(
        "auth/password-reset/confirm/",
        auth.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("auth/me/", auth.MeView.as_view(), name="auth-me"),
    path("auth/me/data/", account_data.AccountDataView.as_view(), name="auth-me-data"),
    path(
        "auth/me/delete/",
        account_data.AccountDeleteView.as_view(),
        name="auth-me-delete",
    ),
    path(
        "invitations/accept/",
        invitations.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    *[
        path(
            f"pilots/<slug:slug>/{action}/",
            PilotTransitionView.as_view(action=action),
            name=f"pilot-{action}",
        )
        for action in TRANSITION_ACTIONS
    ],
    path(
        "pilots/<slug:slug>/transitions/",
        pilot_workflow.PilotTransitionListView.as_view(),
        name="pilot-transitions",
    ),
    path(
        "pilots/<slug:slug>/collaborators/",
        pilot_workflow.PilotCollaboratorListView.as_view(),
        name="pilot-collaborators",
    ),
    path(
        "pilots/<slug:slug>/collaborators/<int:user_id>/",
        pilot_workflow.PilotCollaboratorDetailView.as_view(),
        name="pilot-collaborator-detail",
    ),
    path(
        "pilots/<slug:slug>/history/",
        history.PilotHistoryView.as_view(),
        name="pilot-history",
    ),
    path(
        "sites/<slug:slug>/history/",
        history.SiteHistoryView.as_view(),
        name="site-history",
    ),
    path(
        "organizations/<slug:slug>/history/",
        history.OrganizationHistoryView.as_view(),
        name="organization-history",
    ),
    path(
        "opportunities/<slug:slug>/history/",
        history.OpportunityHistoryView.as_view(),
        name="opportunity-history",
    ),
    path(
        "organizations/<slug:slug>/members/",
        memberships.OrganizationMemberListView.as_view(),
        name="organization-members",
    ),
    path(
        "organizations/<slug:slug>/members/<int:user_id>/",
        memberships.OrganizationMemberDetailView.as_view(),
        name="organization-member-detail",
    ),
]
