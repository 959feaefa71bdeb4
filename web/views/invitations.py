"""The link in an invitation email: join an organisation or a pilot.

A GET shows what the invitation is for; accepting is a POST by the person
signed in with the invited address (pilots.services.invitations, as the API).
"""

from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from pilots.services.invitations import (
    InvitationError,
    invitation_accept,
    invitation_pending,
)

from ..language import with_language
from .pages import page


class InvitationLinkForm(forms.Form):
    token = forms.CharField(max_length=400, widget=forms.HiddenInput)


@require_http_methods(["GET", "POST"])
@with_language
def accept_invitation_view(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    form = InvitationLinkForm(data)
    if not form.is_valid():
        return page(request, "accept_invitation.html", {"broken": True}, status=400)
    token = form.cleaned_data["token"]
    invitation = invitation_pending(token)
    if invitation is None:
        return page(request, "accept_invitation.html", {"invalid": True}, status=400)
    here = f"{request.path}?{urlencode({'token': token})}"
    context = {
        "form": form,
        "invitation": invitation,
        "sign_in": f"{reverse('web:sign-in')}?{urlencode({'next': here})}",
    }
    if request.method == "GET" or not request.user.is_authenticated:
        return page(request, "accept_invitation.html", context)
    try:
        invitation_accept(token=token, user=request.user)
    except InvitationError as error:
        context["error"] = error.message
        return page(request, "accept_invitation.html", context, status=400)
    return page(request, "accept_invitation.html", {**context, "done": True})
