"""What everyone may see is one queryset per process, cloned for each caller."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from pilots.selectors.catalogue import visible_pilots, visible_sites
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_each_caller_gets_its_own_clone_and_sees_new_rows() -> None:
    first = visible_sites(user=AnonymousUser())
    shown: Any = SiteFactory(slug="shown")
    SiteFactory(slug="hidden", unpublished_at=timezone.now())
    second = visible_sites()

    assert first is not second
    assert [site.slug for site in first] == ["shown"]
    assert [site.slug for site in second.filter(pk=shown.pk)] == ["shown"]
    assert [site.slug for site in visible_sites()] == ["shown"]  # not a cached list


def test_pilots_too() -> None:
    assert visible_pilots() is not visible_pilots()
    assert str(visible_pilots().query) == str(visible_pilots(user=None).query)
