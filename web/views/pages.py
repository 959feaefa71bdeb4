"""What every page view shares: rendering and the page for people's 404."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, f"web/{template}", context, status=status)


def not_found(request: HttpRequest, message: str = "") -> HttpResponse:
    """An HTML 404 (API paths answer problem details; these are for people)."""
    text = message or _("This page does not exist, or it is not public.")
    return page(request, "not_found.html", {"message": text}, status=404)
