"""What the portal's navigation asks about the visitor."""

from typing import Any

from django import template

from pilots.selectors.permissions import is_moderator

register = template.Library()


@register.filter
def moderates(user: Any) -> bool:
    return is_moderator(user)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")
