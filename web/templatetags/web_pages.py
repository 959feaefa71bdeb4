"""Template helpers of the pages: the language switch and JSON-LD."""

import json
from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

# As django.utils.html.json_script: nothing in the data can end the element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One link per language to this page (query kept, `lang` replaced)."""
    request = context["request"]
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    links = []
    for code, name in settings.LANGUAGES:
        query = request.GET.copy()
        query["lang"] = code
        links.append(
            {
                "code": code,
                "name": name,
                "url": f"{request.path}?{query.urlencode()}",
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, data: dict[str, Any]) -> SafeString:
    """A schema.org block for search engines (data, never run as a script)."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    nonce = getattr(context["request"], "csp_nonce", "")
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        nonce,
        SafeString(text),
    )
