"""Turning one feature of a vector file into the fields of a Site.

Each problem raises RowProblem with a message naming the field, so the importer
can report the row and go on with the next one.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.gis.gdal import CoordTransform, GDALException
from django.contrib.gis.gdal.feature import Feature
from django.contrib.gis.geos import GEOSGeometry, Point
from django.utils.text import slugify

from geo.validation import GeometryError, parse_geometry

from ..models import Organization, Sector, Site
from .district_organizations import clean_name, host_and_partners
from .district_vocabularies import sector_slug
from .upserts import upsert

# Site fields a file may provide; each is read from the column of the same name
# unless --map says otherwise.
TEXT_FIELDS = (
    "name", "name_no", "description", "description_no", "facilities",
    "pricing_note", "website", "contact_email",
)  # fmt: skip
OTHER_FIELDS = (
    "slug", "kind", "status", "access", "host", "partners", "sectors", "sdgs",
    "trl_min", "trl_max", "coordinates_approximate",
)  # fmt: skip
SITE_FIELDS = TEXT_FIELDS + OTHER_FIELDS

KIND_SYNONYMS = {
    "test_arena": Site.Kind.TEST_ARENA,
    "testbed": Site.Kind.TEST_ARENA,
    "pilot_arena": Site.Kind.TEST_ARENA,
    "arena": Site.Kind.TEST_ARENA,
    "shared_lab": Site.Kind.SHARED_LAB,
    "lab": Site.Kind.SHARED_LAB,
    "laboratory": Site.Kind.SHARED_LAB,
}
STATUS_SYNONYMS = {
    **{status.value: status for status in Site.Status},
    "proposed": Site.Status.PLANNED,
    "completed": Site.Status.RETIRED,
}
TRUE_WORDS = {"1", "true", "yes", "y", "ja", "t"}
FALSE_WORDS = {"0", "false", "no", "n", "nei", "f", ""}
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")
# How GDAL writes list fields (GeoJSON arrays) as text: "(3:a,b,c)".
_GDAL_LIST = re.compile(r"^\((\d+):(.*)\)$", re.DOTALL)


class RowProblem(ValueError):
    pass


@dataclass
class RowOptions:
    field_map: Mapping[str, str]  # site field -> column in the file
    transform: CoordTransform
    default_kind: str = ""
    default_host: Organization | None = None
    create_organizations: bool = False
    known_sectors: frozenset[str] = field(default_factory=frozenset)
    organisations: dict[str, Organization] = field(default_factory=dict)


@dataclass
class SiteRow:
    slug: str
    values: dict[str, Any]
    partners: list[Organization] | None  # None: the file has no partners column


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [_text(item) for item in value if _text(item)]
    text = _text(value)
    gdal_list = _GDAL_LIST.match(text)
    if gdal_list:
        text = gdal_list.group(2)
    if text.startswith("["):
        try:
            return [_text(item) for item in json.loads(text) if _text(item)]
        except (ValueError, TypeError):
            pass
    return [item for item in _LIST_SEPARATORS.split(text) if item]


def _integer(name: str, value: Any) -> int | None:
    text = _text(value)
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        raise RowProblem(f"{name}: {text!r} is not a whole number") from None


def _boolean(name: str, value: Any) -> bool:
    text = _text(value).casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise RowProblem(f"{name}: {text!r} is not yes/no")


def _choice(name: str, value: Any, choices: Mapping[str, str]) -> str:
    key = _text(value).casefold().replace(" ", "_").replace("-", "_")
    if key not in choices:
        raise RowProblem(f"{name}: {_text(value)!r} is not one of {sorted(choices)}")
    return choices[key]


def organization_for(name: str, options: RowOptions) -> Organization:
    """organization_find, remembering organisations that already existed (one
    created in a row that later fails is rolled back, so it is not cached)."""
    key = clean_name(name).casefold()
    if key not in options.organisations:
        found, created = organization_find(name, create=options.create_organizations)
        if created:
            return found
        options.organisations[key] = found
    return options.organisations[key]


def organization_find(name: str, *, create: bool) -> tuple[Organization, bool]:
    """An organisation by slug or name (any case), or by the normalised name
    ("NTNU and SINTEF" -> NTNU, "Equinor (Statoil)" -> Equinor); created only
    when asked. True when it was created."""
    text = clean_name(name)
    found = (
        Organization.objects.filter(slug__iexact=text).first()
        or Organization.objects.filter(name__iexact=text).first()
    )
    if found is not None:
        return found, False
    known, _ = host_and_partners(text)
    by_known_slug = Organization.objects.filter(slug=known.slug).first()
    if by_known_slug is not None:
        return by_known_slug, False
    if not create:
        raise RowProblem(
            f"host/partners: unknown organisation {text!r}; load it first or "
            "pass --create-organizations"
        )
    return upsert(
        Organization,
        lookup={"slug": known.slug},
        values={"name": known.name, "kind": known.kind, "org_number": known.org_number},
    )


def _geometry(feature: Feature, transform: CoordTransform) -> dict[str, Any]:
    """location (and footprint for areas) in EPSG:4326, checked like API input."""
    try:
        source = feature.geom
    except GDALException:  # Django raises this for a NULL geometry
        source = None
    if source is None or source.empty:
        raise RowProblem("geometry: the feature has none")
    try:
        source.set_3d(False)
        source.transform(transform)
        geojson = json.loads(source.json)
    except GDALException as error:
        raise RowProblem(f"geometry: cannot reproject ({error})") from None
    try:
        shape = parse_geometry(geojson, allowed_types=("Point", "MultiPolygon"))
    except GeometryError as error:
        where = f" at {error.path}" if error.path else ""
        raise RowProblem(f"geometry: {error.message}{where}") from None
    if isinstance(shape, Point):
        return {"location": shape}
    location: GEOSGeometry = shape.point_on_surface
    location.srid = 4326
    return {"location": location, "footprint": shape}


def site_row(feature: Feature, options: RowOptions) -> SiteRow:
    raw = {site: feature.get(column) for site, column in options.field_map.items()}
    values: dict[str, Any] = {
        name: _text(raw[name]) for name in TEXT_FIELDS if name in raw
    }
    if not values.get("name"):
        raise RowProblem("name: missing")
    slug = slugify(_text(raw.get("slug")) or values["name"])[:100]
    if not slug:
        raise RowProblem("slug: cannot be derived from the name")
    kind = _text(raw.get("kind")) or options.default_kind
    if not kind:
        raise RowProblem("kind: missing (map a column or pass --default-kind)")
    values["kind"] = _choice("kind", kind, KIND_SYNONYMS)
    if _text(raw.get("status")):
        values["status"] = _choice("status", raw["status"], STATUS_SYNONYMS)
    if _text(raw.get("access")):
        access = {a.value: a.value for a in Site.Access}
        values["access"] = _choice("access", raw["access"], access)
    values["host"], co_hosts = _host(raw, options)
    for name in ("trl_min", "trl_max"):
        if name in raw:
            values[name] = _integer(name, raw[name])
    if "coordinates_approximate" in raw:
        values["coordinates_approximate"] = _boolean(
            "coordinates_approximate", raw["coordinates_approximate"]
        )
    if "sectors" in raw:
        values["sectors"] = _sectors(raw["sectors"], options.known_sectors)
    if "sdgs" in raw:
        sdgs = [_integer("sdgs", item) for item in _as_list(raw["sdgs"])]
        values["sdgs"] = sorted({number for number in sdgs if number is not None})
        outside = [number for number in values["sdgs"] if not 1 <= number <= 17]
        if outside:
            raise RowProblem(f"sdgs: {outside} are not UN goals (1-17)")
    values.update(_geometry(feature, options.transform))
    partners = None
    if "partners" in raw:
        names = _as_list(raw["partners"])
        found = [organization_for(n, options) for n in names]
        unique = {org.pk: org for org in [*co_hosts, *found]}
        partners = [org for pk, org in unique.items() if pk != values["host"].pk]
    return SiteRow(slug=slug, values=values, partners=partners)


def _host(
    raw: Mapping[str, Any], options: RowOptions
) -> tuple[Organization, list[Organization]]:
    """The host, and co-hosts named with it ("NTNU and SINTEF Ocean")."""
    name = _text(raw.get("host"))
    if name:
        host = organization_for(name, options)
        if host.name.casefold() == clean_name(name).casefold():
            return host, []
        _, co_hosts = host_and_partners(name)
        return host, [organization_for(k.name, options) for k in co_hosts]
    if options.default_host is not None:
        return options.default_host, []
    raise RowProblem("host: missing (map a column or pass --default-host)")


def _sectors(value: Any, known: frozenset[str]) -> list[str]:
    slugs = sorted({sector_slug(name) for name in _as_list(value)})
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise RowProblem(f"sectors: unknown {unknown}; known are {sorted(known)}")
    return slugs


def known_sectors() -> frozenset[str]:
    return frozenset(Sector.objects.values_list("slug", flat=True))
