"""import_sites against real files (GeoPackage, Shapefile, GeoJSON) made by ogr2ogr."""

import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.contrib.gis.geos import Point
from django.core.management import CommandError, call_command

from pilots.models import Organization, Sector, Site
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

# From data/crs.json: one Gløshaugen point in both systems.
GLOSHAUGEN_LONLAT = (10.40306, 63.41861)
GLOSHAUGEN_UTM = (570044.8, 7032997.9)
TYHOLT_LONLAT = (10.4318, 63.4222)  # outside the five zones
SLUPPEN_LONLAT = (10.3990, 63.3980)


def utm(lon: float, lat: float) -> tuple[float, float]:
    projected = Point(lon, lat, srid=4326).transform(25832, clone=True)
    assert isinstance(projected, Point)
    return projected.x, projected.y


def square(center: tuple[float, float], half: float, *, bowtie: bool = False) -> dict:
    x, y = center
    ring = [[x - half, y - half], [x + half, y - half], [x + half, y + half],
            [x - half, y + half]]  # fmt: skip
    if bowtie:
        ring[1], ring[2] = ring[2], ring[1]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def point(xy: tuple[float, float]) -> dict:
    return {"type": "Point", "coordinates": list(xy)}


def feature(geometry: dict | None, **properties: Any) -> dict:
    base = {"kind": "lab", "host": "NTNU", "sectors": "energy", "sdgs": "7,9"}
    return {"type": "Feature", "properties": base | properties, "geometry": geometry}


def utm_features(*, with_polygons: bool = True) -> list[dict]:
    rows = [
        feature(point(GLOSHAUGEN_UTM), name="Cold lab", description="Freezers",
                host="NTNU and SINTEF", partners="SINTEF; Equinor (Statoil)"),
        feature(point(utm(*TYHOLT_LONLAT)), name="Tyholt tank", kind="testbed",
                status="proposed", host="sintef"),
        feature(point(GLOSHAUGEN_UTM), name="Space lab", kind="spaceport"),
        feature(point(GLOSHAUGEN_UTM), name="Orphan lab", host="Nowhere Inc"),
        feature(point(GLOSHAUGEN_UTM), name="Goal lab", sdgs="7,18"),
        feature(point(GLOSHAUGEN_UTM), name=""),
        feature(None, name="Lost lab"),
    ]  # fmt: skip
    if with_polygons:
        rows += [
            feature(square(utm(*SLUPPEN_LONLAT), 40), name="Sluppen yard"),
            feature(square(utm(*SLUPPEN_LONLAT), 40, bowtie=True), name="Bow lab"),
        ]
    return rows


def write_geojson(path: Path, features: list[dict], srid: int | None) -> Path:
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if srid is not None:
        name = f"urn:ogc:def:crs:EPSG::{srid}"
        collection["crs"] = {"type": "name", "properties": {"name": name}}
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def convert(source: Path, target: Path, driver: str, *options: str) -> Path:
    subprocess.run(
        ["ogr2ogr", "-f", driver, str(target), str(source), *options],
        check=True,
        capture_output=True,
    )
    return target


@pytest.fixture
def catalogue(zones: int) -> None:
    for slug in ("energy", "ocean"):
        Sector.objects.create(slug=slug, name_en=slug.title(), name_no=slug)
    OrganizationFactory.create(slug="ntnu", name="NTNU", kind="university")
    OrganizationFactory.create(slug="sintef", name="SINTEF", kind="research_institute")
    OrganizationFactory.create(slug="equinor", name="Equinor", kind="company")


@pytest.fixture
def gpkg(tmp_path: Path) -> Path:
    source = write_geojson(tmp_path / "in.geojson", utm_features(), 25832)
    return convert(source, tmp_path / "sites.gpkg", "GPKG", "-nln", "sites")


@pytest.fixture
def shapefile(tmp_path: Path) -> Path:
    rows = utm_features(with_polygons=False)
    for row in rows:  # a Shapefile user's own column name
        row["properties"]["navn"] = row["properties"].pop("name")
    source = write_geojson(tmp_path / "in.geojson", rows, 25832)
    return convert(source, tmp_path / "sites.shp", "ESRI Shapefile",
                   "-lco", "ENCODING=UTF-8")  # fmt: skip


def run(*args: Any, **options: Any) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    failure = None
    try:
        call_command("import_sites", *map(str, args), "--no-progress",
                     stdout=out, stderr=err, **options)  # fmt: skip
    except CommandError as error:
        failure = error
    return out.getvalue(), err.getvalue(), failure


def test_geopackage_in_utm_keeps_good_rows_and_reports_bad_ones(
    catalogue: None, gpkg: Path
) -> None:
    out, err, failure = run(gpkg)

    assert set(Site.objects.values_list("name", flat=True)) == {
        "Cold lab", "Tyholt tank", "Sluppen yard"}  # fmt: skip
    assert "9 rows: 3 created, 0 updated, 0 unchanged, 6 failed (kept)" in out
    assert failure is not None
    assert "6 of 9 rows failed" in str(failure)
    assert "row 3 (feature id 3): kind: 'spaceport' is not one of" in err
    assert (
        "row 4 (feature id 4): host/partners: unknown organisation 'Nowhere Inc'" in err
    )
    assert "row 5 (feature id 5): sdgs: [18] are not UN goals (1-17)" in err
    assert "row 6 (feature id 6): name: missing" in err
    assert "row 7 (feature id 7): geometry: the feature has none" in err
    assert "row 9 (feature id 9): geometry: Invalid geometry: Self-intersection" in err
    assert not Organization.objects.filter(name="Nowhere Inc").exists()


def test_coordinates_are_reprojected_and_zones_joined(
    catalogue: None, gpkg: Path
) -> None:
    run(gpkg)

    cold = Site.objects.get(slug="cold-lab")
    assert cold.location.x == pytest.approx(GLOSHAUGEN_LONLAT[0], abs=1e-5)
    assert cold.location.y == pytest.approx(GLOSHAUGEN_LONLAT[1], abs=1e-5)
    assert cold.zone is not None
    assert cold.zone.slug == "gloshaugen"
    assert Site.objects.get(slug="tyholt-tank").zone is None
    yard = Site.objects.get(slug="sluppen-yard")
    assert yard.footprint is not None
    assert yard.footprint.contains(yard.location)
    assert yard.zone is not None
    assert yard.zone.slug == "sluppen"


def test_values_are_mapped_to_the_catalogue(catalogue: None, gpkg: Path) -> None:
    run(gpkg)

    cold = Site.objects.get(slug="cold-lab")
    tank = Site.objects.get(slug="tyholt-tank")
    assert (cold.kind, cold.host.slug, cold.description) == (
        "shared_lab",
        "ntnu",
        "Freezers",
    )
    assert set(cold.partners.values_list("slug", flat=True)) == {"sintef", "equinor"}
    assert (cold.sectors, cold.sdgs) == (["energy"], [7, 9])
    assert (tank.kind, tank.status, tank.host.slug) == (
        "test_arena",
        "planned",
        "sintef",
    )


def test_shapefile_with_mapped_and_cut_column_names(
    catalogue: None, shapefile: Path
) -> None:
    out, _err, _failure = run(shapefile, "--map", "name=navn")

    assert "description<-descriptio" in out
    assert "7 rows: 2 created" in out
    assert Site.objects.get(slug="cold-lab").description == "Freezers"
    assert Site.objects.get(slug="cold-lab").location.y == pytest.approx(
        63.41861, abs=1e-5
    )


def test_geojson_in_wgs84(catalogue: None, tmp_path: Path) -> None:
    path = write_geojson(
        tmp_path / "sites.geojson",
        [feature(point(GLOSHAUGEN_LONLAT), name="Plain lab"),
         feature(point((10.4, 95.0)), name="Polar lab")],
        None,
    )  # fmt: skip

    _out, err, _failure = run(path)

    assert Site.objects.get().location.coords == pytest.approx(GLOSHAUGEN_LONLAT)
    assert "row 2 (feature id 1): geometry:" in err


def test_all_or_nothing_keeps_nothing_when_a_row_fails(
    catalogue: None, gpkg: Path
) -> None:
    out, err, failure = run(gpkg, "--all-or-nothing")

    assert Site.objects.count() == 0
    assert "3 created" in out
    assert "(rolled back)" in out
    assert err.count("\nrow ") + err.startswith("row ") == 6
    assert failure is not None


def test_all_or_nothing_keeps_everything_when_all_rows_pass(
    catalogue: None, tmp_path: Path
) -> None:
    rows = [feature(point(GLOSHAUGEN_UTM), name=f"Lab {n}") for n in range(3)]
    path = write_geojson(tmp_path / "ok.geojson", rows, 25832)

    _out, _err, failure = run(path, "--all-or-nothing")

    assert failure is None
    assert Site.objects.count() == 3


def test_dry_run_checks_everything_and_keeps_nothing(
    catalogue: None, gpkg: Path
) -> None:
    out, _err, _failure = run(gpkg, "--dry-run", "--create-organizations")

    assert "4 created" in out
    assert "dry run, rolled back" in out
    assert Site.objects.count() == 0
    assert not Organization.objects.filter(name="Nowhere Inc").exists()


def test_create_organizations_adds_unknown_hosts(catalogue: None, gpkg: Path) -> None:
    run(gpkg, "--create-organizations")

    orphan = Site.objects.get(slug="orphan-lab")
    assert (orphan.host.name, orphan.host.kind) == ("Nowhere Inc", "other")


def test_second_import_changes_nothing_and_an_edit_updates_one_row(
    catalogue: None, tmp_path: Path
) -> None:
    rows = [feature(point(GLOSHAUGEN_UTM), name=f"Lab {n}") for n in range(3)]
    path = write_geojson(tmp_path / "ok.geojson", rows, 25832)
    run(path)
    stamps = dict(Site.objects.values_list("slug", "updated_at"))

    again, _, _ = run(path)
    rows[1]["properties"]["description"] = "New text"
    write_geojson(path, rows, 25832)
    edited, _, _ = run(path)

    assert "0 created, 0 updated, 3 unchanged" in again
    assert "0 created, 1 updated, 2 unchanged" in edited
    after = dict(Site.objects.values_list("slug", "updated_at"))
    assert [slug for slug in stamps if after[slug] != stamps[slug]] == ["lab-1"]


def test_file_without_crs_needs_srid(catalogue: None, tmp_path: Path) -> None:
    source = write_geojson(
        tmp_path / "in.geojson",
        [feature(point(GLOSHAUGEN_UTM), name="Cold lab")],
        25832,
    )
    path = convert(source, tmp_path / "nocrs.shp", "ESRI Shapefile")
    path.with_suffix(".prj").unlink()  # fmt: skip

    _, _, refused = run(path)
    _out, _, failure = run(path, "--srid", "25832")

    assert refused is not None
    assert "pass --srid" in str(refused)
    assert failure is None
    zone = Site.objects.get().zone
    assert zone is not None
    assert zone.slug == "gloshaugen"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "name=nope"], "no column ['nope']"),
        (["--map", "colour=name"], "unknown site fields ['colour']"),
        (["--layer", "other"], "no layer 'other'"),
        (["--default-host", "nobody"], "no organisation with slug 'nobody'"),
    ],
)
def test_bad_options_fail_before_any_row(
    catalogue: None, gpkg: Path, args: list[str], message: str
) -> None:
    _, _, failure = run(gpkg, *args)

    assert failure is not None
    assert message in str(failure)
    assert Site.objects.count() == 0


def test_unreadable_file_is_a_clear_error(catalogue: None, tmp_path: Path) -> None:
    path = tmp_path / "notes.gpkg"
    path.write_text("not a geopackage")

    _, _, failure = run(path)

    assert failure is not None
    assert "GDAL cannot read it" in str(failure)
