import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max

from geo.models import Zone
from pilots.models import (
    SDG,
    BookableResource,
    Organization,
    PilotProject,
    ResourceClosure,
    Sector,
    Site,
    TRLLevel,
)
from pilots.services.district import district_load
from pilots.services.district_organizations import host_and_partners, resolve

pytestmark = pytest.mark.django_db

MODELS = (Zone, Sector, SDG, TRLLevel, Organization, Site, PilotProject)


def _records(district_data: Path) -> list[dict[str, Any]]:
    return json.loads((district_data / "trondheim_sites.json").read_text())["sites"]


def _counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in MODELS}
    counts["site partners"] = Site.partners.through.objects.count()
    counts["pilot partners"] = PilotProject.partners.through.objects.count()
    counts["pilot sites"] = PilotProject.sites.through.objects.count()
    counts["users"] = get_user_model().objects.count()
    return counts


def _last_updates() -> dict[str, Any]:
    return {
        model.__name__: model.objects.aggregate(last=Max("updated_at"))["last"]
        for model in (Zone, Organization, Site, PilotProject)
    }


@pytest.fixture
def loaded(district_data: Path) -> dict[str, int]:
    return district_load(data_dir=district_data)


def test_reference_data_is_complete(
    loaded: dict[str, int], district_data: Path
) -> None:
    sdgs = json.loads((district_data / "sdgs.json").read_text())["sdgs"]

    assert Zone.objects.count() == 5
    assert SDG.objects.count() == len(sdgs) == 17
    assert SDG.objects.get(number=7).name_no == sdgs[6]["name_no"]
    assert TRLLevel.objects.count() == 9
    assert all(len(level.name_en) <= 128 for level in TRLLevel.objects.all())


def test_sectors_are_the_ones_in_the_data_with_both_labels(
    loaded: dict[str, int], district_data: Path
) -> None:
    in_data = {name for site in _records(district_data) for name in site["sectors"]}

    assert Sector.objects.count() == len(in_data)
    ict = Sector.objects.get(slug="ict-ai")
    assert (ict.name_en, ict.name_no) == ("ICT and AI", "IKT og KI")
    assert not Sector.objects.filter(name_no="").exists()
    used = {slug for site in Site.objects.all() for slug in site.sectors}
    assert used <= set(Sector.objects.values_list("slug", flat=True))


def test_every_site_is_loaded_with_mapped_kind_and_status(
    loaded: dict[str, int], district_data: Path
) -> None:
    records = _records(district_data)
    kinds = {"testbed": "test_arena", "pilot_arena": "test_arena", "lab": "shared_lab"}
    statuses = {"proposed": "planned", "completed": "retired"}

    assert Site.objects.count() == len(records) == 29
    assert Counter(Site.objects.values_list("kind", flat=True)) == Counter(
        kinds[record["kind"]] for record in records
    )
    assert Counter(Site.objects.values_list("status", flat=True)) == Counter(
        statuses.get(record["status"], record["status"]) for record in records
    )
    zeb = Site.objects.get(slug="zeb-laboratory")
    assert zeb.name_no.startswith("ZEB-laboratoriet")
    assert zeb.coordinates_approximate is True
    assert zeb.source_urls == records[0]["sources"]
    assert (zeb.location.x, zeb.location.y) == tuple(
        records[0]["location"]["coordinates"]
    )


def test_each_site_gets_the_zone_that_contains_it(
    loaded: dict[str, int], district_data: Path
) -> None:
    expected = {record["slug"]: record["zone"] for record in _records(district_data)}

    found = {
        site.slug: site.zone.slug if site.zone else None
        for site in Site.objects.select_related("zone")
    }

    assert found == expected
    assert sum(zone is None for zone in found.values()) == 8


def test_hosts_and_partners_are_normalised(loaded: dict[str, int]) -> None:
    zeb = Site.objects.get(slug="zeb-laboratory")  # "NTNU and SINTEF"
    lysgarden = Site.objects.get(slug="lysgarden-smart-building")

    assert zeb.host.slug == "ntnu"
    assert set(zeb.partners.values_list("slug", flat=True)) == {"sintef"}
    assert lysgarden.host.name == "R. Kjeldsberg"
    assert "r-kjeldsberg" not in lysgarden.partners.values_list("slug", flat=True)
    assert Site.objects.get(slug="waterpower-lab").host.slug == "ntnu"
    # "Equinor (Statoil)" and "Equinor" are one organisation.
    assert Organization.objects.filter(name__startswith="Equinor").count() == 1


def test_organisations_are_valid_and_numbers_only_where_known(
    loaded: dict[str, int],
) -> None:
    for organisation in Organization.objects.all():
        organisation.full_clean()

    numbered = dict(
        Organization.objects.exclude(org_number="").values_list("slug", "org_number")
    )
    assert numbered == {"ntnu": "974767880", "sintef": "948007029"}
    assert Organization.objects.get(slug="st-olavs-hospital").kind == "hospital"
    assert Organization.objects.get(slug="trondheim-kommune").kind == "public_body"


def test_example_pilots_are_published_demo_content(loaded: dict[str, int]) -> None:
    pilots = PilotProject.objects.select_related("owner", "zone")

    assert pilots.count() == loaded["example_pilots"] >= 3
    assert all(p.is_example and p.status == "published" for p in pilots)
    owners = {pilot.owner for pilot in pilots}
    assert len(owners) == 1
    owner = owners.pop()
    assert owner.username == "demo"
    assert not owner.has_usable_password()
    for pilot in pilots:
        (site,) = pilot.sites.all()
        assert pilot.location == site.location
        assert pilot.zone_id == site.zone_id


def test_second_run_adds_and_changes_nothing(
    loaded: dict[str, int], district_data: Path
) -> None:
    before, updated_before = _counts(), _last_updates()

    summary = district_load(data_dir=district_data)

    assert _counts() == before
    assert _last_updates() == updated_before
    assert set(summary.values()) == {0}
    assert loaded["sites"] == 29


def test_a_changed_record_updates_only_that_row(
    loaded: dict[str, int], district_data: Path, tmp_path: Path
) -> None:
    for name in district_data.iterdir():
        shutil.copy(name, tmp_path / name.name)
    records = json.loads((tmp_path / "trondheim_sites.json").read_text())
    records["sites"][1]["name"] = "ZEB Living Lab (renamed)"
    (tmp_path / "trondheim_sites.json").write_text(json.dumps(records))
    untouched = Site.objects.get(slug="zeb-laboratory").updated_at

    summary = district_load(data_dir=tmp_path)

    assert summary["sites"] == 1
    assert Site.objects.get(slug="zeb-living-lab").name == "ZEB Living Lab (renamed)"
    assert Site.objects.get(slug="zeb-laboratory").updated_at == untouched


def test_a_broken_file_loads_nothing(district_data: Path, tmp_path: Path) -> None:
    for name in district_data.iterdir():
        shutil.copy(name, tmp_path / name.name)
    records = json.loads((tmp_path / "trondheim_sites.json").read_text())
    records["sites"][-1]["kind"] = "spaceport"
    (tmp_path / "trondheim_sites.json").write_text(json.dumps(records))

    with pytest.raises(KeyError):
        district_load(data_dir=tmp_path)

    assert set(_counts().values()) == {0}


def test_command_reports_what_it_changed(district_data: Path, capsys: Any) -> None:
    call_command("load_district", data_dir=district_data)
    first = capsys.readouterr().out
    call_command("load_district", data_dir=district_data)
    second = capsys.readouterr().out

    assert "sites 29" in first
    assert "sites 0" in second
    assert "example_resources 5" in first
    assert "example_resources 0" in second


def test_example_resources_are_real_labs_marked_as_examples(
    district_data: Path,
) -> None:
    call_command("load_district", data_dir=district_data)

    resources = BookableResource.objects.select_related("site")
    assert resources.count() == 5
    assert all(resource.is_example for resource in resources)
    shared = resources.get(name="Cleanroom workstations")
    assert shared.site.slug == "ntnu-nanolab"
    assert shared.capacity == 4
    assert shared.opening_hours[0] == {
        "weekday": 0,
        "opens": "07:00",
        "closes": "19:00",
    }
    assert ResourceClosure.objects.filter(rrule="FREQ=WEEKLY;BYDAY=MO").count() == 1


@pytest.mark.parametrize(
    ("raw", "host", "partners"),
    [
        ("NTNU and SINTEF", "ntnu", ["sintef"]),
        ("NTNU Department of Energy and Process Engineering", "ntnu", []),
        ("NTNU Department of Computer Science (IDI), with SINTEF Digital", "ntnu",
         ["sintef"]),
        ("Trondheim kommune / Miljøpakken", "trondheim-kommune", ["miljopakken"]),
        ("NTNU and SINTEF Ocean (built by Statsbygg)", "ntnu", ["sintef-ocean"]),
        ("AtB (Trøndelag fylkeskommune)", "atb", []),
    ],
)  # fmt: skip
def test_host_names_split_into_host_and_partners(
    raw: str, host: str, partners: list[str]
) -> None:
    found_host, found_partners = host_and_partners(raw)

    assert found_host.slug == host
    assert [p.slug for p in found_partners] == partners


def test_unknown_names_become_other_organisations() -> None:
    unknown = resolve("Fjord Robotics (startup)")

    assert (unknown.slug, unknown.name, unknown.kind) == (
        "fjord-robotics",
        "Fjord Robotics",
        "other",
    )
    assert resolve("TrønderEnergi/Aneo").slug == "aneo"
