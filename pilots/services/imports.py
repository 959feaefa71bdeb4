"""Importing sites from any vector file GDAL reads (GeoJSON, GeoPackage, Shapefile).

Geometries are reprojected from the file's coordinate system to EPSG:4326 and
checked like API input (geo.validation). Rows are matched by slug: new slugs are
created, existing sites updated where something differs.

Two modes:
- per row (default): each row is its own transaction; a bad row is reported and
  leaves nothing behind, the good rows are kept.
- all or nothing: every row is checked and reported, and if any failed, none is
  kept.
A dry run does the whole import, then rolls it back.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.gis.gdal import (
    CoordTransform,
    DataSource,
    GDALException,
    SpatialReference,
)
from django.contrib.gis.gdal.layer import Layer
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction

from geo.selectors import zone_containing

from ..models import Organization, Site
from .import_rows import (
    SITE_FIELDS,
    RowOptions,
    SiteRow,
    known_sectors,
    site_row,
)
from .upserts import differs, set_related

WGS84 = 4326
SHAPEFILE_NAME_LENGTH = 10


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (unreadable, no CRS, bad mapping)."""


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based position in the layer
    feature_id: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row} (feature id {self.feature_id}): {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    kept: bool = True  # False after a dry run or a failed all-or-nothing import
    field_map: dict[str, str] = field(default_factory=dict)
    source_srid: int | None = None


def open_layer(
    path: Path, *, layer: str | None = None, encoding: str = "utf-8"
) -> Layer:
    try:
        source = DataSource(str(path), encoding=encoding)
    except GDALException as error:
        raise ImportFileError(f"{path}: GDAL cannot read it ({error})") from None
    names = [source[index].name for index in range(source.layer_count)]
    if layer is None:
        if not names:
            raise ImportFileError(f"{path}: the file has no layers")
        return source[0]
    if layer not in names:
        raise ImportFileError(f"{path}: no layer {layer!r}; layers: {names}")
    return source[layer]


def field_map_for(layer: Layer, overrides: Mapping[str, str]) -> dict[str, str]:
    """Site field -> column. Unmapped fields use a column of the same name (any
    case, or cut to 10 characters as Shapefiles do); absent ones are not set."""
    unknown = sorted(set(overrides) - set(SITE_FIELDS))
    if unknown:
        raise ImportFileError(f"--map: unknown site fields {unknown}")
    columns = {column.casefold(): column for column in layer.fields}
    missing = sorted(c for c in overrides.values() if c.casefold() not in columns)
    if missing:
        raise ImportFileError(f"--map: no column {missing}; columns: {layer.fields}")
    mapping = {site: columns[c.casefold()] for site, c in overrides.items()}
    for site in SITE_FIELDS:  # exact names first, then Shapefile's cut names
        if site not in mapping and site.casefold() in columns:
            mapping[site] = columns[site.casefold()]
    for site in SITE_FIELDS:
        cut = site[:SHAPEFILE_NAME_LENGTH].casefold()
        taken = cut in columns and columns[cut] in mapping.values()
        if site not in mapping and cut in columns and not taken:
            mapping[site] = columns[cut]
    if "name" not in mapping:
        raise ImportFileError(f"no 'name' column (columns: {layer.fields}); use --map")
    return mapping


def _transform_from(
    layer: Layer, source_srid: int | None
) -> tuple[CoordTransform, int | None]:
    if source_srid is not None:
        source = SpatialReference(source_srid)
    elif layer.srs is not None:
        source = layer.srs
    else:
        raise ImportFileError("the file has no coordinate system; pass --srid")
    return CoordTransform(source, SpatialReference(WGS84)), source.srid


def _save(row: SiteRow) -> str:
    """Create or update one site; returns 'created', 'updated' or 'unchanged'."""
    site = Site.objects.filter(slug=row.slug).first()
    outcome = "created" if site is None else "unchanged"
    site = site or Site(slug=row.slug)
    values = {**row.values, "zone": zone_containing(row.values["location"])}
    changed = [name for name, value in values.items() if differs(site, name, value)]
    for name in changed:
        setattr(site, name, values[name])
    if outcome == "created" or changed:
        # The slug was just looked up and the host read from the database.
        site.full_clean(exclude=["host", "zone"], validate_unique=False)
        site.save()
        outcome = "updated" if outcome == "unchanged" else outcome
    current: set[Any] | None = set() if outcome == "created" else None
    if row.partners is not None and set_related(
        site.partners, row.partners, current=current
    ):
        outcome = "updated" if outcome == "unchanged" else outcome
    return outcome


def _describe(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(
            f"{'row' if name == NON_FIELD_ERRORS else name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error).strip().splitlines()[0]


def sites_import(
    *,
    path: Path,
    field_overrides: Mapping[str, str] | None = None,
    layer: str | None = None,
    encoding: str = "utf-8",
    source_srid: int | None = None,
    default_kind: str = "",
    default_host: str = "",
    create_organizations: bool = False,
    all_or_nothing: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], Any] | None = None,
) -> ImportReport:
    """Import the sites of one layer; see the module's docstring for the modes.

    `progress(done, total)` is called after each row.
    """
    source_layer = open_layer(path, layer=layer, encoding=encoding)
    report = ImportReport(field_map=field_map_for(source_layer, field_overrides or {}))
    transform, report.source_srid = _transform_from(source_layer, source_srid)
    with transaction.atomic():
        options = RowOptions(
            field_map=report.field_map,
            transform=transform,
            default_kind=default_kind,
            default_host=_default_host(default_host),
            create_organizations=create_organizations,
            known_sectors=known_sectors(),
        )
        total = source_layer.num_feat
        for number, feature in enumerate(source_layer, start=1):
            report.rows += 1
            try:
                with transaction.atomic():
                    outcome = _save(site_row(feature, options))
                setattr(report, outcome, getattr(report, outcome) + 1)
            except (ValueError, ValidationError, DatabaseError, GDALException) as error:
                report.errors.append(RowError(number, feature.fid, _describe(error)))
            if progress is not None:
                progress(number, total)
        if dry_run or (all_or_nothing and report.errors):
            report.kept = False
            transaction.set_rollback(True)
    return report


def _default_host(name: str) -> Organization | None:
    if not name:
        return None
    found = Organization.objects.filter(slug=name).first()
    if found is None:
        raise ImportFileError(f"--default-host: no organisation with slug {name!r}")
    return found
