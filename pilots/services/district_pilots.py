"""Example pilot projects for the demo (is_example=True, owned by the demo user).

They are invented, like the calls in pilot_opportunities.json: the API and the map
show them as demo content. Each is tied to a real site from trondheim_sites.json.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from ..models import Organization, PilotProject, Site
from .upserts import related_ids, set_related, upsert_many

DEMO_USERNAME = "demo"


@dataclass(frozen=True)
class ExamplePilot:
    slug: str
    title: str
    title_no: str
    summary: str
    summary_no: str
    site: str
    lead: str
    partners: tuple[str, ...]
    sectors: tuple[str, ...]
    sdgs: tuple[int, ...]
    trl: int
    planned_start: date
    planned_end: date


EXAMPLES = (
    ExamplePilot(
        slug="example-demand-response-zeb",
        title="Demand response in a zero-emission office",
        title_no="Laststyring i et nullutslippskontor",
        summary="Example: a start-up tests an algorithm that shifts heating and "
        "charging loads in the ZEB Laboratory's research mode.",
        summary_no="Eksempel: et oppstartsselskap tester en algoritme som flytter "
        "varme- og ladelast i ZEB-laboratoriets forskningsmodus.",
        site="zeb-laboratory",
        lead="sintef",
        partners=("ntnu",),
        sectors=("construction", "energy"),
        sdgs=(7, 11, 13),
        trl=6,
        planned_start=date(2026, 3, 1),
        planned_end=date(2026, 11, 30),
    ),
    ExamplePilot(
        slug="example-autonomous-shuttle-oya",
        title="Autonomous shuttle feeder at Øya",
        title_no="Selvkjørende tilbringerbuss på Øya",
        summary="Example: an on-demand autonomous minibus links the hospital "
        "campus with the city bus network.",
        summary_no="Eksempel: en selvkjørende minibuss på bestilling knytter "
        "sykehusområdet til bybussnettet.",
        site="atb-autonomous-bus-oya",
        lead="atb",
        partners=("trondheim-kommune", "ntnu"),
        sectors=("mobility",),
        sdgs=(9, 11),
        trl=7,
        planned_start=date(2026, 5, 1),
        planned_end=date(2027, 4, 30),
    ),
    ExamplePilot(
        slug="example-ultrasound-ai-triage",
        title="AI-assisted ultrasound triage",
        title_no="KI-støttet ultralydtriage",
        summary="Example: a decision-support tool flags urgent cardiac ultrasound "
        "scans for review in a clinical test setting.",
        summary_no="Eksempel: et beslutningsstøtteverktøy markerer hastende "
        "hjerteultralyd for gjennomgang i en klinisk testsituasjon.",
        site="cius-ultrasound",
        lead="ntnu",
        partners=("st-olavs-hospital",),
        sectors=("health", "ict-ai"),
        sdgs=(3, 9),
        trl=5,
        planned_start=date(2026, 1, 15),
        planned_end=date(2026, 12, 15),
    ),
    ExamplePilot(
        slug="example-autonomous-ferry-canal",
        title="Autonomous passenger ferry across the canal",
        title_no="Passasjerferje uten fører over Kanalen",
        summary="Example: a small electric autonomous ferry carries passengers "
        "across the canal (Kanalen) on a summer timetable.",
        summary_no="Eksempel: en liten elektrisk, selvgående ferje frakter "
        "passasjerer over Kanalen ved Ravnkloa etter sommerrutetabell.",
        site="milliampere-kanalen",
        lead="ntnu",
        partners=("trondheim-havn", "zeabuz"),
        sectors=("mobility", "ocean"),
        sdgs=(9, 11, 14),
        trl=7,
        planned_start=date(2026, 6, 1),
        planned_end=date(2026, 9, 1),
    ),
)


def demo_user() -> AbstractBaseUser:
    """The owner of the example pilots; it cannot log in (unusable password)."""
    user, created = get_user_model()._default_manager.get_or_create(
        username=DEMO_USERNAME, defaults={"email": ""}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _values(
    example: ExamplePilot, site: Site, lead: Organization, owner: Any
) -> dict[str, Any]:
    return {
        "title": example.title,
        "title_no": example.title_no,
        "summary": example.summary,
        "summary_no": example.summary_no,
        "owner": owner,
        "lead_organization": lead,
        "sectors": list(example.sectors),
        "sdgs": list(example.sdgs),
        "trl": example.trl,
        "planned_start": example.planned_start,
        "planned_end": example.planned_end,
        "status": PilotProject.Status.PUBLISHED,
        "location": site.location,
        "is_example": True,
    }


@transaction.atomic
def example_pilots_load() -> int:
    """Upsert the example pilots (needs the sites loaded); returns rows changed."""
    owner = demo_user()
    sites = Site.objects.in_bulk([e.site for e in EXAMPLES], field_name="slug")
    organisations = Organization.objects.in_bulk(
        {e.lead for e in EXAMPLES} | {p for e in EXAMPLES for p in e.partners},
        field_name="slug",
    )
    rows = {
        e.slug: _values(e, sites[e.site], organisations[e.lead], owner)
        for e in EXAMPLES
    }
    pilots, changed = upsert_many(PilotProject, key="slug", rows=rows)
    ids = [pilot.pk for pilot in pilots.values()]
    current_partners = related_ids(PilotProject.partners, ids)
    current_sites = related_ids(PilotProject.sites, ids)
    for example in EXAMPLES:
        pilot = pilots[example.slug]
        partners = [organisations[slug] for slug in example.partners]
        if set_related(
            pilot.partners, partners, current=current_partners[pilot.pk]
        ) | set_related(
            pilot.sites, [sites[example.site]], current=current_sites[pilot.pk]
        ):
            changed.add(example.slug)
    return len(changed)
