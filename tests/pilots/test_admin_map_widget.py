"""The admin's geometry widget: served from our static files, lon/lat GeoJSON."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.gis.geos import Point

from pilots.selectors.history import history_records
from tests.factories import GLOSHAUGEN, SiteFactory

from .admin_support import admin_client, change_form_data, staff_moderator


@pytest.fixture
def staff_client():
    return admin_client(staff_moderator())


@pytest.mark.django_db
def test_the_location_widget_loads_only_local_scripts_and_no_inline_code(
    staff_client,
):
    site = SiteFactory.create()

    response = staff_client.get(f"/admin/pilots/site/{site.pk}/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "cdn.jsdelivr.net" not in html
    assert '<script src="/static/geo/map_widget.js" type="module">' in html
    assert 'data-maplibre="/static/maplibre-gl/maplibre-gl.mjs"' in html
    assert 'data-zones="/tiles/zones.json"' in html
    # The textarea carries the point as GeoJSON in lon/lat.
    widget_value = response.context["adminform"].form["location"].value()
    assert json.loads(widget_value.json)["coordinates"] == list(GLOSHAUGEN)
    assert "<script>" not in html  # inline code would need the CSP nonce
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_widget_script_and_maplibre_are_served(staff_client):
    for path in ("/static/geo/map_widget.js", "/static/maplibre-gl/maplibre-gl.mjs"):
        response = staff_client.get(path)
        assert response.status_code == 200, path


@pytest.mark.django_db
def test_saving_a_moved_point_stores_the_lon_lat_from_the_widget(staff_client):
    site = SiteFactory.create()
    url = f"/admin/pilots/site/{site.pk}/change/"
    data = change_form_data(staff_client.get(url))
    data["location"] = json.dumps({"type": "Point", "coordinates": [10.39, 63.43]})

    response = staff_client.post(url, data)

    assert response.status_code == 302
    site.refresh_from_db()
    assert (round(site.location.x, 6), round(site.location.y, 6)) == (10.39, 63.43)
    assert site.zone is not None or site.location == Point(10.39, 63.43, srid=4326)


@pytest.mark.django_db
def test_saving_an_unchanged_location_logs_no_change(staff_client):
    site = SiteFactory.create()
    url = f"/admin/pilots/site/{site.pk}/change/"
    records_before = history_records(site).count()

    response = staff_client.post(url, change_form_data(staff_client.get(url)))

    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.location.x, site.location.y) == GLOSHAUGEN
    assert history_records(site).count() == records_before
    [entry] = LogEntry.objects.filter(object_id=str(site.pk))
    assert entry.get_change_message() == "No fields changed."
