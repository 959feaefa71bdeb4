"""factory_boy factories for the catalogue; every test module may reuse them.

`XFactory.create(...)` is typed as the model for mypy; `XFactory(...)` works too.
"""

import functools

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.gis.geos import Point

from pilots.models import Organization, PilotProject, Site

TEST_PASSWORD = "a-long-test-password"


def _password_hash() -> str:
    """Hashed once per run and hasher: every user's password is TEST_PASSWORD.
    (A hash cached under a test's fast MD5 hasher would not verify in a later
    test that runs with the default hashers.)"""
    return _hash_with(settings.PASSWORD_HASHERS[0])


@functools.cache
def _hash_with(hasher: str) -> str:
    return make_password(TEST_PASSWORD)


# Gløshaugen main building, lon/lat.
GLOSHAUGEN = (10.4025, 63.4190)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.LazyFunction(lambda: _password_hash())


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organization.Kind.COMPANY


class SiteFactory(factory.django.DjangoModelFactory[Site]):
    class Meta:
        model = Site
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Site {n}")
    slug = factory.Sequence(lambda n: f"site-{n}")
    kind = Site.Kind.TEST_ARENA
    host = factory.SubFactory(OrganizationFactory)
    location = factory.LazyFunction(lambda: Point(*GLOSHAUGEN, srid=4326))

    @factory.post_generation
    def partners(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.partners.set(extracted)


class PilotProjectFactory(factory.django.DjangoModelFactory[PilotProject]):
    class Meta:
        model = PilotProject
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Pilot {n}")
    slug = factory.Sequence(lambda n: f"pilot-{n}")
    owner = factory.SubFactory(UserFactory)
    status = PilotProject.Status.PUBLISHED
    location = factory.LazyFunction(lambda: Point(*GLOSHAUGEN, srid=4326))

    @factory.post_generation
    def partners(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def sites(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.sites.set(extracted)
