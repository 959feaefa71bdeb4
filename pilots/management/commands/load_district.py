from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from pilots.services.district import zones_load


class Command(BaseCommand):
    help = "Load Trondheim Tech Port's demo data (zones, ...); safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=settings.SHARED_DATA_DIR,
            help="folder with trondheim_district.geojson and the other files",
        )

    def handle(self, *args: Any, data_dir: Path, **options: Any) -> None:
        zones = zones_load(path=data_dir / "trondheim_district.geojson")
        self.stdout.write(f"district data loaded: {zones} zones")
