"""A slug from a name that no row of a model has yet ("new" names a page).
Norwegian letters become their usual ASCII spelling (slugify drops them)."""

from django.db.models import Model
from django.utils.text import slugify

NORWEGIAN = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}
)


def free_slug(model: type[Model], text: str, fallback: str) -> str:
    base = (slugify(text.translate(NORWEGIAN)) or fallback)[:90]
    slug, number = base, 1
    while slug == "new" or model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
