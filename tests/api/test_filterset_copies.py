"""FilterSets copy their filters shallowly and build their Form class once;
each instance still filters with its own data."""

import pytest
from django.http import QueryDict

from api.filters.catalogue import SiteFilterSet
from pilots.models import Site
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_each_filterset_filters_with_its_own_data():
    SiteFactory(slug="arena", kind=Site.Kind.TEST_ARENA)
    SiteFactory(slug="lab", kind=Site.Kind.SHARED_LAB)
    arenas = SiteFilterSet(data=QueryDict("kind=test_arena"))
    labs = SiteFilterSet(data=QueryDict("kind=shared_lab"))

    assert [site.slug for site in labs.qs] == ["lab"]
    assert [site.slug for site in arenas.qs] == ["arena"]
    assert arenas.filters["kind"].parent is arenas
    assert labs.filters["kind"].parent is labs
    bbox = SiteFilterSet(data=QueryDict("bbox=10,63,11,64")).filters["bbox"]
    assert bbox.filter.f is bbox


def test_declared_filters_stay_untouched_and_the_form_class_is_shared():
    first = SiteFilterSet(data=QueryDict("kind=nonsense"))
    second = SiteFilterSet(data=QueryDict(""))

    assert not first.is_valid()
    assert second.is_valid()
    assert type(first.form) is type(second.form)
    assert not hasattr(SiteFilterSet.base_filters["bbox"], "parent")


def test_forms_share_their_fields_but_not_their_field_lists():
    """No per-request deep copy of the fields; each form's dict is its own."""
    first = SiteFilterSet(data=QueryDict("near=10.4,63.42&radius=500&kind=shared_lab"))
    second = SiteFilterSet(data=QueryDict("near=10.5,63.43&kind=shared_lab"))
    first.form.fields.pop("kind")

    assert first.is_valid(), first.errors
    assert not second.is_valid()
    assert first.form.fields["near"] is second.form.fields["near"]
    assert "kind" in second.form.fields
    assert first.form.cleaned_data["near"] != second.form.cleaned_data["near"]


def test_a_bound_filterset_parses_only_the_parameters_named():
    """Absent parameters are empty and change nothing, so they are not parsed;
    near and radius come together, so the missing one is named in the 400."""
    named = SiteFilterSet(data=QueryDict("kind=shared_lab&near=10.4,63.42"))
    unbound = SiteFilterSet()

    assert set(named.filters) == {"kind", "near", "radius"}
    assert set(named.form.fields) == {"kind", "near", "radius"}
    assert not named.is_valid()
    assert set(named.errors) == {"radius"}
    assert set(unbound.filters) == set(SiteFilterSet.base_filters)
