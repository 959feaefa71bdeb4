from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from pilots.services.district import district_load
from pilots.services.district_resources import example_resources_load
from pilots.services.opportunity_examples import example_opportunities_load


class Command(BaseCommand):
    help = (
        "Load Trondheim Tech Port's reference and demo data from the shared data "
        "folder: the five zones, sectors, the 17 SDGs, TRL levels, the organisations "
        "and 29 sites of trondheim_sites.json (zones by spatial join) and a few "
        "example pilots owned by the user 'demo'. Safe to run again: rows are "
        "matched by slug (or number) and only what differs is written; the whole "
        "load is one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=settings.DISTRICT_DATA_DIR,
            help="folder with trondheim_district.geojson, trondheim_sites.json, "
            "sdgs.json and trl.json (default: settings.DISTRICT_DATA_DIR)",
        )

    def handle(self, *args: Any, data_dir: Path, **options: Any) -> None:
        summary = district_load(data_dir=data_dir)
        summary["example_opportunities"] = example_opportunities_load(
            path=data_dir / "pilot_opportunities.json"
        )
        summary["example_resources"] = example_resources_load(
            path=data_dir / "bookable_resources.json"
        )
        changes = ", ".join(f"{name} {count}" for name, count in summary.items())
        self.stdout.write(f"district data loaded (rows created or changed: {changes})")
