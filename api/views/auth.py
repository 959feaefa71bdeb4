"""Accounts over HTTP: sign-up, email verification, sign-in with API tokens,
token listing and revocation, password reset. Logic in pilots.services.accounts.

Sign-in, sign-up and reset are throttled per client address, and failed
sign-ins per account too (api.throttling); none of them tells whether an
address has an account.
"""

from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework import status
from rest_framework.exceptions import (
    AuthenticationFailed,
    NotFound,
    Throttled,
    ValidationError,
)
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.models import AccountProfile, OrganizationMembership
from pilots.models.accounts import public_name
from pilots.selectors.permissions import is_moderator
from pilots.services.accounts import (
    TooManyTokens,
    account_password_reset_confirm,
    account_password_reset_request,
    account_profile_update,
    account_sign_up,
    account_verification_resend,
    account_verify_email,
    api_token_create,
    api_token_revoke,
)

from ..content_language import message_response
from ..errors import problem
from ..serializers.accounts import (
    EmailSerializer,
    LoginSerializer,
    MeSerializer,
    MessageSerializer,
    MeUpdateSerializer,
    NewTokenSerializer,
    PasswordResetConfirmSerializer,
    SignUpSerializer,
    TokenSerializer,
    UidTokenSerializer,
)
from ..throttling import (
    AccountSignInThrottle,
    AuthRateThrottle,
    account_locked_message,
)


def _validation_error(error: DjangoValidationError, field: str) -> ValidationError:
    return ValidationError({field: list(error.messages)})


class _AnonymousAuthView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [AuthRateThrottle]

    def get_authenticate_header(self, request: Request) -> str:
        # A failed sign-in is a 401 with a challenge (DRF makes it 403 without).
        return "Token"


@extend_schema(
    tags=["auth"],
    request=SignUpSerializer,
    responses={202: MessageSerializer},
)
class SignUpView(_AnonymousAuthView):
    """Create an account; a verification link is emailed. The answer is the same
    whether or not the address already has an account."""

    throttle_scope = "auth-signup"

    def post(self, request: Request) -> Response:
        data = SignUpSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        language = data.validated_data.get("language") or translation.get_language()
        try:
            account_sign_up(
                email=data.validated_data["email"],
                password=data.validated_data["password"],
                language=(language or "en")[:2],
            )
        except DjangoValidationError as error:
            raise _validation_error(error, "password") from None
        return message_response(
            _("Check your inbox for a link to confirm the address."),
            status=status.HTTP_202_ACCEPTED,
        )


@extend_schema(
    tags=["auth"], request=UidTokenSerializer, responses={200: MessageSerializer}
)
class VerifyEmailView(_AnonymousAuthView):
    """Confirm the address with the uid and token from the email."""

    throttle_scope = "auth-signup"

    def post(self, request: Request) -> Response:
        data = UidTokenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            account_verify_email(**data.validated_data)
        except DjangoValidationError as error:
            raise _validation_error(error, "token") from None
        return message_response(_("Email address confirmed; you can sign in."))


@extend_schema(
    tags=["auth"], request=EmailSerializer, responses={202: MessageSerializer}
)
class VerificationResendView(_AnonymousAuthView):
    """Email a fresh verification link to an account never verified; the same
    answer for any address (throttled per client and per account)."""

    throttle_scope = "auth-verify-resend"

    def post(self, request: Request) -> Response:
        data = EmailSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account_verification_resend(email=data.validated_data["email"])
        return message_response(
            _(
                "If the address has an account waiting for confirmation, "
                "a new link is on its way."
            ),
            status=status.HTTP_202_ACCEPTED,
        )


@extend_schema(
    tags=["auth"],
    request=LoginSerializer,
    responses={
        201: NewTokenSerializer,
        401: OpenApiResponse(
            description="Wrong email or password, or the address is not confirmed."
        ),
        409: OpenApiResponse(description="This account has too many tokens."),
    },
)
class LoginView(_AnonymousAuthView):
    """Exchange email and password for an API token (expiring, stored hashed)."""

    throttle_scope = "auth-login"

    def post(self, request: Request) -> Response:
        data = LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = AccountSignInThrottle(data.validated_data["email"])
        if account.locked():
            raise Throttled(wait=account.wait(), detail=account_locked_message())
        user = authenticate(
            request._request,
            username=data.validated_data["email"].strip().lower(),
            password=data.validated_data["password"],
        )
        if user is None:
            # The same answer for an unknown address, a wrong password and an
            # unverified account (Django hashes a password in every case).
            raise AuthenticationFailed(
                _("Wrong email or password, or the address is not confirmed yet.")
            )
        # Like a session sign-in: spends the reset links made before it.
        update_last_login(type(user), user)
        try:
            instance, token = api_token_create(user=user)
        except TooManyTokens as error:
            return Response(
                problem(409, str(error)),
                status=status.HTTP_409_CONFLICT,
                content_type="application/problem+json",
            )
        body = {
            "token": token,
            "token_key": instance.token_key,
            "expiry": instance.expiry,
        }
        return Response(NewTokenSerializer(body).data, status=status.HTTP_201_CREATED)


def _current_token_key(request: Request) -> str | None:
    auth = request.auth
    return getattr(auth, "token_key", None) if isinstance(auth, AuthToken) else None


@extend_schema(tags=["auth"], request=None, responses={204: None})
class LogoutView(APIView):
    """Revoke the token this request was made with."""

    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request: Request) -> Response:
        key = _current_token_key(request)
        if key is not None:
            api_token_revoke(user=request.user, token_key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["auth"], responses={200: TokenSerializer(many=True)})
class TokenListView(APIView):
    """The signed-in user's live API tokens (never the secret part)."""

    permission_classes = [IsAuthenticated]

    def get(self, request: Request) -> Response:
        current = _current_token_key(request)
        tokens = AuthToken.objects.filter(user=request.user).order_by("-created")
        rows = [
            {
                "token_key": token.token_key,
                "created": token.created,
                "expiry": token.expiry,
                "current": token.token_key == current,
            }
            for token in tokens
        ]
        return Response(TokenSerializer(rows, many=True).data)


@extend_schema(tags=["auth"], responses={204: None, 404: OpenApiResponse()})
class TokenDetailView(APIView):
    """Revoke one of the signed-in user's tokens by its token_key."""

    permission_classes = [IsAuthenticated]

    def delete(self, request: Request, token_key: str) -> Response:
        if not api_token_revoke(user=request.user, token_key=token_key):
            raise NotFound(_("No such token."))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    tags=["auth"], request=EmailSerializer, responses={202: MessageSerializer}
)
class PasswordResetView(_AnonymousAuthView):
    """Email a reset link; the same answer for any address."""

    throttle_scope = "auth-password-reset"

    def post(self, request: Request) -> Response:
        data = EmailSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account_password_reset_request(email=data.validated_data["email"])
        return message_response(
            _("If the address has an account, a reset link is on its way."),
            status=status.HTTP_202_ACCEPTED,
        )


@extend_schema(
    tags=["auth"],
    request=PasswordResetConfirmSerializer,
    responses={200: MessageSerializer},
)
class PasswordResetConfirmView(_AnonymousAuthView):
    """Set a new password with the uid and token from the email; every API
    token of the account is revoked."""

    throttle_scope = "auth-password-reset"

    def post(self, request: Request) -> Response:
        data = PasswordResetConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            account_password_reset_confirm(
                uid=data.validated_data["uid"],
                token=data.validated_data["token"],
                password=data.validated_data["new_password"],
            )
        except DjangoValidationError as error:
            field = "token" if "link" in " ".join(error.messages) else "new_password"
            raise _validation_error(error, field) from None
        return message_response(_("Password changed; sign in again."))


class MeView(APIView):
    """The signed-in account: email, display name, language, moderator flag,
    organisations. Only this person sees their address here. Download and
    deletion: api.views.account_data."""

    permission_classes = [IsAuthenticated]

    def _body(self, user: Any) -> dict:
        language = (
            AccountProfile.objects.filter(user=user)
            .values_list("language", flat=True)
            .first()
        )
        memberships = OrganizationMembership.objects.filter(user=user).select_related(
            "organization"
        )
        return {
            "id": user.pk,
            "email": user.email,
            "display_name": public_name(user),
            "language": language or "en",
            "is_moderator": is_moderator(user),
            "organizations": list(memberships),
        }

    @extend_schema(tags=["auth"], responses={200: MeSerializer})
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(self._body(request.user)).data)

    @extend_schema(
        tags=["auth"], request=MeUpdateSerializer, responses={200: MeSerializer}
    )
    def patch(self, request: Request) -> Response:
        """Set the display name others see (empty: "Registry member #<id>")
        and the language of the emails."""
        data = MeUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user: Any = request.user
        account_profile_update(user=user, **data.validated_data)
        user.refresh_from_db()
        return Response(MeSerializer(self._body(user)).data)
