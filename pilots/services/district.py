"""Loading the district's reference and demo data (idempotent: upserts by key).

`district_load` runs every step in one transaction; a second run over the same
files changes no row (each step counts the rows it created or changed).
"""

import json
from pathlib import Path

from django.db import transaction

from geo.models import Zone
from geo.validation import parse_geometry

from .district_pilots import example_pilots_load
from .district_sites import district_sites_load
from .district_vocabularies import sdgs_load, sectors_in, sectors_load, trl_levels_load
from .upserts import upsert_many
from .zones import zones_assign

DISTRICT_FILE = "trondheim_district.geojson"
SITES_FILE = "trondheim_sites.json"
OPPORTUNITIES_FILE = "pilot_opportunities.json"
SDGS_FILE = "sdgs.json"
TRL_FILE = "trl.json"


@transaction.atomic
def zones_sync(*, path: Path) -> int:
    """Upsert the zones of a GeoJSON FeatureCollection; returns rows changed."""
    rows = {
        feature["properties"]["slug"]: {
            "name": feature["properties"]["name"],
            "area": parse_geometry(
                feature["geometry"], allowed_types=("MultiPolygon",)
            ),
        }
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]
    }
    return len(upsert_many(Zone, key="slug", rows=rows)[1])


@transaction.atomic
def zones_load(*, path: Path) -> int:
    """Upsert the zones of a GeoJSON FeatureCollection; returns how many it holds."""
    zones_sync(path=path)
    return len(json.loads(path.read_text(encoding="utf-8"))["features"])


@transaction.atomic
def district_load(*, data_dir: Path) -> dict[str, int]:
    """Zones, vocabularies, organisations, sites, zone assignment, example pilots.

    Returns, per step, the number of rows created or changed (zones: how many
    there are). All or nothing: a failing step leaves the database as it was.
    """
    sectors = sectors_in(
        files={
            data_dir / SITES_FILE: "sites",
            data_dir / OPPORTUNITIES_FILE: "pilot_opportunities",
        }
    )
    summary = {"zones": zones_sync(path=data_dir / DISTRICT_FILE)}
    summary["sectors"] = sectors_load(names=sectors)
    summary["sdgs"] = sdgs_load(path=data_dir / SDGS_FILE)
    summary["trl_levels"] = trl_levels_load(path=data_dir / TRL_FILE)
    summary.update(district_sites_load(path=data_dir / SITES_FILE))
    summary["example_pilots"] = example_pilots_load()
    assigned = zones_assign()
    summary["zones_assigned"] = assigned["sites"] + assigned["pilots"]
    return summary
