"""The Norwegian text of a row when the page speaks Bokmål and it has one."""

from typing import Any

from django.utils.translation import get_language

from pilots.selectors.catalogue import sector_list


def norwegian() -> bool:
    return (get_language() or "").startswith("nb")


def localized(row: Any, field: str) -> str:
    """`row.<field>_no` on a Bokmål page when filled, else `row.<field>`."""
    if norwegian():
        return getattr(row, f"{field}_no", "") or getattr(row, field)
    return getattr(row, field)


def sector_name(sector: Any) -> str:
    return sector.name_no if norwegian() and sector.name_no else sector.name_en


def sector_names(slugs: list[str]) -> list[str]:
    """The names of these sectors in the page's language, in the given order."""
    sectors = {s.slug: s for s in sector_list().filter(slug__in=slugs)}
    return [sector_name(sectors[slug]) for slug in slugs if slug in sectors]
