from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from pilots.services.import_rows import SITE_FIELDS
from pilots.services.imports import ImportFileError, ImportReport, sites_import


def _mapping(text: str) -> tuple[str, str]:
    field, _, column = text.partition("=")
    if not field or not column:
        raise ValueError(text)
    return field.strip(), column.strip()


class Command(BaseCommand):
    help = (
        "Import sites from a vector file GDAL reads (GeoJSON, GeoPackage, Shapefile, "
        "...). Geometries are reprojected from the file's coordinate system to "
        "EPSG:4326 (points become the location; polygons the footprint, with a "
        "point on their surface as the location) and checked like API input. Sites "
        "are matched by slug (or the slugified name): new ones are created, existing "
        "ones updated where something differs; zones follow by spatial join. "
        "By default each row is its own transaction: a bad row is reported with its "
        "number and reason and leaves nothing behind, the good rows are kept, and the "
        "command exits with an error. With --all-or-nothing every row is still "
        "checked and reported, but nothing is kept if any row failed. --dry-run "
        "does the whole import and then rolls it back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the file to read")
        parser.add_argument("--layer", help="layer name (default: the first layer)")
        parser.add_argument(
            "--map",
            dest="mappings",
            action="append",
            type=_mapping,
            default=[],
            metavar="FIELD=COLUMN",
            help="read a site field from another column, e.g. --map name=navn; "
            f"fields: {', '.join(SITE_FIELDS)}. Unmapped fields use a column of the "
            "same name if there is one (Shapefile names cut to 10 characters count).",
        )
        parser.add_argument(
            "--srid",
            type=int,
            help="EPSG code of the coordinates when the file has no (or a wrong) "
            "coordinate system",
        )
        parser.add_argument("--encoding", default="utf-8", help="text encoding")
        parser.add_argument(
            "--default-kind", default="", help="kind for rows without one"
        )
        parser.add_argument(
            "--default-host",
            default="",
            metavar="SLUG",
            help="host organisation (slug) for rows without one",
        )
        parser.add_argument(
            "--create-organizations",
            action="store_true",
            help="create host/partner organisations that do not exist yet "
            "(otherwise such rows fail)",
        )
        parser.add_argument(
            "--all-or-nothing",
            action="store_true",
            help="keep nothing if any row fails (default: keep the good rows)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check everything, keep nothing"
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with tqdm(
            desc="importing sites",
            unit="row",
            disable=options["no_progress"],
            file=cast(TextIO, self.stderr._out),
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            try:
                report = sites_import(
                    path=options["file"],
                    field_overrides=dict(options["mappings"]),
                    layer=options["layer"],
                    encoding=options["encoding"],
                    source_srid=options["srid"],
                    default_kind=options["default_kind"],
                    default_host=options["default_host"],
                    create_organizations=options["create_organizations"],
                    all_or_nothing=options["all_or_nothing"],
                    dry_run=options["dry_run"],
                    progress=progress,
                )
            except ImportFileError as error:
                raise CommandError(str(error)) from None
        self._report(report, dry_run=options["dry_run"])

    def _report(self, report: ImportReport, *, dry_run: bool) -> None:
        for error in report.errors:
            self.stderr.write(str(error))
        columns = ", ".join(f"{f}<-{c}" for f, c in report.field_map.items())
        self.stdout.write(f"columns: {columns}; source EPSG:{report.source_srid}")
        verb = "kept" if report.kept else "rolled back"
        if dry_run:
            verb = "dry run, rolled back"
        self.stdout.write(
            f"{report.rows} rows: {report.created} created, {report.updated} "
            f"updated, {report.unchanged} unchanged, {len(report.errors)} failed "
            f"({verb})"
        )
        if report.errors:
            raise CommandError(f"{len(report.errors)} of {report.rows} rows failed")
