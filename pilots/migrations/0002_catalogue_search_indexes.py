"""Indexes for the catalogue's reads that the ORM cannot declare on the models.

- GIN over the weighted English/Norwegian tsvector that pilots.selectors.catalogue.search
  builds (the expression must stay identical for PostgreSQL to use the index);
- GiST over the geography cast of the locations, for ST_DWithin in metres and
  nearest-first ordering (KNN <->) without degree approximations.
"""

from django.db import migrations


def _document(table: str, fields: list[tuple[str, str, str]]) -> str:
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({field}, '')), "
        f"'{weight}')"
        for field, config, weight in fields
    ]
    return " || ".join(parts)


SITE = [
    ("name", "english", "A"),
    ("name_no", "norwegian", "A"),
    ("description", "english", "B"),
    ("description_no", "norwegian", "B"),
]
PILOT = [
    ("title", "english", "A"),
    ("title_no", "norwegian", "A"),
    ("summary", "english", "B"),
    ("summary_no", "norwegian", "B"),
    ("description", "english", "C"),
    ("description_no", "norwegian", "C"),
]
ORGANIZATION = [
    ("name", "english", "A"),
    ("name", "norwegian", "A"),
    ("description", "english", "B"),
    ("description", "norwegian", "B"),
]

FORWARD = [
    f"CREATE INDEX site_search_gin ON pilots_site USING gin (({_document('pilots_site', SITE)}))",
    f"CREATE INDEX pilot_search_gin ON pilots_pilotproject USING gin (({_document('pilots_pilotproject', PILOT)}))",
    f"CREATE INDEX organization_search_gin ON pilots_organization USING gin (({_document('pilots_organization', ORGANIZATION)}))",
    "CREATE INDEX site_location_geog_gist ON pilots_site USING gist (((location)::geography))",
    "CREATE INDEX pilot_position_geog_gist ON pilots_pilotproject USING gist "
    "(((COALESCE(location, area))::geography))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS site_search_gin",
    "DROP INDEX IF EXISTS pilot_search_gin",
    "DROP INDEX IF EXISTS organization_search_gin",
    "DROP INDEX IF EXISTS site_location_geog_gist",
    "DROP INDEX IF EXISTS pilot_position_geog_gist",
]


class Migration(migrations.Migration):
    dependencies = [("pilots", "0001_initial")]

    operations = [
        migrations.RunSQL(sql=forward, reverse_sql=backward)
        for forward, backward in zip(FORWARD, BACKWARD)
    ]
