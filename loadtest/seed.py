"""Seed a load-test database: organisations, sites and pilots around the district.

Run with DJANGO_SETTINGS_MODULE=config.settings and DATABASE_URL set (loadtest/run.py
does this for its own database). Prints the credentials of the writing user.
"""

import json
import random
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.gis.geos import Point  # noqa: E402

from pilots.models import Organization, PilotProject, Site  # noqa: E402
from tests.reliability.identities import credentials_for  # noqa: E402

SITES = 3000
PILOTS = 1000
ORGANIZATIONS = 200
WORDS = [
    "battery",
    "drone",
    "ocean",
    "hydrogen",
    "robot",
    "energy",
    "mobility",
    "autonomous",
    "maritime",
]


def main() -> None:
    rng = random.Random(8)  # noqa: S311 (test data)
    if not Organization.objects.filter(slug="load-org-0").exists():
        Organization.objects.bulk_create(
            Organization(name=f"Load organisation {n}", slug=f"load-org-{n}")
            for n in range(ORGANIZATIONS)
        )
        hosts = list(Organization.objects.filter(slug__startswith="load-org-"))
        Site.objects.bulk_create(
            Site(
                name=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} site {n}",
                slug=f"load-site-{n}",
                kind=rng.choice(Site.Kind.values),
                status=rng.choice(Site.Status.values),
                description=" ".join(rng.choices(WORDS, k=12)),
                host=rng.choice(hosts),
                location=Point(
                    rng.uniform(10.35, 10.45), rng.uniform(63.40, 63.44), srid=4326
                ),
            )
            for n in range(SITES)
        )
        owner, _ = get_user_model().objects.get_or_create(username="load-owner")
        PilotProject.objects.bulk_create(
            PilotProject(
                title=f"{rng.choice(WORDS).title()} pilot {n}",
                slug=f"load-pilot-{n}",
                summary=" ".join(rng.choices(WORDS, k=12)),
                owner=owner,
                status=PilotProject.Status.PUBLISHED,
                location=Point(
                    rng.uniform(10.35, 10.45), rng.uniform(63.40, 63.44), srid=4326
                ),
            )
            for n in range(PILOTS)
        )
    writer, _ = get_user_model().objects.get_or_create(
        username="load-writer", defaults={"is_staff": True, "is_superuser": True}
    )
    credentials = credentials_for(writer)
    print(
        json.dumps(
            {
                "headers": credentials.headers,
                "cookies": credentials.cookies,
                "organization": "load-org-0",
            }
        )
    )


main()
