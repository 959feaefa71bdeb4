"""OpenAPI post-processing: request examples from the district's own data, and
answers of the main reads (sites, pilots).

Every JSON request body gets an example that the API accepts as it stands
(tests/api/test_openapi_examples.py posts them): the places are Gløshaugen and
the other zones of data/trondheim_district.geojson, the organisations, sectors,
SDGs and TRL levels those of data/trondheim_sites.json. Swagger UI's "Try it
out" starts from these bodies. Examples are keyed by the request component, so
every operation that takes the same body shows the same example. Date-times are
written as the API writes them (pilots/timestamps.py: UTC, `Z`, six decimals);
requests may use any RFC 3339 offset.
"""

from typing import Any

from .schema_geometry import GLOSHAUGEN_RING

ZEB_LABORATORY = {"type": "Point", "coordinates": [10.4025, 63.414]}
SLUPPEN_POINT = {"type": "Point", "coordinates": [10.3955, 63.3995]}
GLOSHAUGEN_BLOCK = {"type": "Polygon", "coordinates": [GLOSHAUGEN_RING]}

SITE = {
    "slug": "zeb-facade-test-rig",
    "kind": "test_arena",
    "name": "ZEB facade test rig",
    "name_no": "ZEB fasadetestrigg",
    "description": "Outdoor rig beside the ZEB Laboratory for testing building-"
    "integrated solar panels and timber facades in Trondheim's climate.",
    "description_no": "Utendørs rigg ved ZEB-laboratoriet for testing av "
    "bygningsintegrerte solceller og trefasader i Trondheims klima.",
    "host": "ntnu",
    "partners": ["sintef"],
    "sectors": ["construction", "energy"],
    "sdgs": [7, 11, 13],
    "trl_min": 4,
    "trl_max": 7,
    "status": "operational",
    "access": "on_application",
    "facilities": "Two south-facing test walls, weather station, data logging.",
    "contact_email": "zeb-rig@techport.example",
    "website": "https://www.ntnu.edu/zeb",
    "location": ZEB_LABORATORY,
    "footprint": GLOSHAUGEN_BLOCK,
    "coordinates_approximate": True,
}
PILOT = {
    "slug": "solar-facade-monitoring-gloshaugen",
    "title": "Solar facade monitoring at Gløshaugen",
    "title_no": "Overvåking av solcellefasader på Gløshaugen",
    "summary": "A year of measurements on building-integrated solar panels.",
    "summary_no": "Et år med målinger på bygningsintegrerte solceller.",
    "description": "We measure yield, snow cover and facade temperature on the "
    "ZEB facade rig and compare three panel types.",
    "lead_organization": "sintef",
    "partners": ["ntnu"],
    "sites": ["zeb-laboratory"],
    "sectors": ["energy", "construction"],
    "sdgs": [7, 11],
    "trl": 6,
    "planned_start": "2027-03-01",
    "planned_end": "2028-02-29",
    "location": ZEB_LABORATORY,
    "area": GLOSHAUGEN_BLOCK,
}
OPPORTUNITY = {
    "slug": "zero-emission-construction-site-sluppen",
    "title": "Zero-emission construction site at Sluppen",
    "title_no": "Utslippsfri byggeplass på Sluppen",
    "summary": "Pilot electric machinery and site power on a real building site.",
    "summary_no": "Pilot elektriske anleggsmaskiner og byggestrøm på en ekte "
    "byggeplass.",
    "publisher": "trondheim-kommune",
    "sites": ["sluppen-zero-emission-district"],
    "sectors": ["construction", "energy"],
    "sdgs": [9, 11, 13],
    "trl_min": 6,
    "trl_max": 8,
    "call_type": "open_call",
    "deadline_type": "fixed",
    "deadline": "2027-06-30T10:00:00.000000Z",  # noon in Oslo
    "contact_name": "Innovation office",
    "contact_email": "pilots@techport.example",
}
ORGANIZATION = {
    "slug": "gloshaugen-robotics",
    "name": "Gløshaugen Robotics AS",
    "kind": "company",
    "org_number": "923456783",
    "website": "https://robotics.techport.example",
    "description": "Start-up building inspection drones for timber buildings.",
}
SUBSCRIPTION = {
    "name": "Energy calls near Gløshaugen",
    "sectors": ["energy", "construction"],
    "sdgs": [7],
    "zones": ["gloshaugen", "sluppen"],
    "point": ZEB_LABORATORY,
    "radius_m": 2000,
    "trl_min": 4,
    "trl_max": 8,
    "keywords": "solar",
    # Webhooks: "channel": "webhook" and an https "webhook_url" that resolves
    # to a public address (docs/guides.md shows one end to end).
    "channel": "email",
    "frequency": "instant",
}
EXAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "SiteRequest": ("A test rig at Gløshaugen", SITE),
    "PatchedSiteRequest": (
        "Open the site to all, up to TRL 8",
        {"access": "open", "trl_max": 8},
    ),
    "PilotRequest": ("A pilot at the ZEB Laboratory", PILOT),
    "PatchedPilotRequest": (
        "Move the pilot to Sluppen",
        {"location": SLUPPEN_POINT, "planned_start": "2027-04-01"},
    ),
    "OpportunityRequest": ("A call for pilots at Sluppen", OPPORTUNITY),
    "PatchedOpportunityRequest": (
        "Extend the deadline",
        {"deadline": "2027-08-31T10:00:00.000000Z"},
    ),
    "OrganizationRequest": ("A start-up at Gløshaugen", ORGANIZATION),
    "PatchedOrganizationRequest": (
        "A new website",
        {"website": "https://gloshaugen-robotics.techport.example"},
    ),
    "SubscriptionRequest": ("Energy calls near Gløshaugen by email", SUBSCRIPTION),
    "PatchedSubscriptionRequest": (
        "Daily digests instead",
        {"frequency": "daily"},
    ),
    "MembershipRequest": (
        "Add a colleague",
        {"email": "kari.nordmann@techport.example", "role": "member"},
    ),
    "PatchedMembershipRequest": ("Make them an admin", {"role": "admin"}),
    "OrganizationInvitationRequest": (
        "Invite a colleague",
        {"email": "kari.nordmann@techport.example", "role": "member"},
    ),
    "PatchedMembershipRoleRequest": ("Make them an admin", {"role": "admin"}),
    "InvitationRequestRequest": (
        "Invite a collaborator",
        {"email": "ola.nordmann@techport.example"},
    ),
    "InvitationAcceptRequest": (
        "From the emailed link",
        {"token": "eyJpbnZpdGF0aW9uIjo0Mn0:1xZ9aB:Qm9va2luZy1leGFtcGxl"},
    ),
    "PatchedMeUpdateRequest": (
        "A display name, in Norwegian",
        {"display_name": "Kari N., SINTEF", "language": "nb"},
    ),
    "AccountDeleteRequest": (
        "Confirm with your password",
        {"password": "correct horse"},
    ),
    "ResourceRequest": (
        "Shared cleanroom benches",
        {
            "site": "ntnu-nanolab",
            "name": "Wet benches",
            "description": "Four wet benches in the cleanroom.",
            "capacity": 4,
            "min_minutes": 60,
            "max_minutes": 480,
            "lead_minutes": 1440,
            "approval_required": False,
            "opening_hours": [
                {"weekday": day, "opens": "07:00", "closes": "19:00"}
                for day in range(5)
            ],
        },
    ),
    "PatchedResourceRequest": ("Ask the host first", {"approval_required": True}),
    "ClosureRequest": (
        "Weekly calibration on Monday mornings",
        {
            "starts_at": "2027-01-04T07:00:00.000000Z",  # 08:00 in Oslo
            "ends_at": "2027-01-04T09:00:00.000000Z",
            "rrule": "FREQ=WEEKLY;BYDAY=MO",
            "reason": "Calibration",
        },
    ),
    "BookingRequestRequest": (
        "Two hours in the climate chamber",
        {
            "resource": 1,
            "organization": "sintef",
            "start": "2027-03-01T08:00:00.000000Z",  # 09:00 in Oslo
            "end": "2027-03-01T10:00:00.000000Z",
            "purpose": "Cold-start test of a battery pack",
        },
    ),
    "CollaboratorRequest": (
        "Invite a collaborator",
        {"email": "ola.nordmann@techport.example"},
    ),
    "TransitionRequestRequest": (
        "Why",
        {"reason": "Site access for the winter season is confirmed."},
    ),
    "MarkReadRequest": ("These notifications", {"ids": [1, 2]}),
    "LoginRequest": (
        "Sign in",
        {"email": "kari.nordmann@techport.example", "password": "correct horse"},
    ),
    "SignUpRequest": (
        "An account in Norwegian",
        {
            "email": "kari.nordmann@techport.example",
            "password": "a long pass phrase",
            "language": "nb",
        },
    ),
    "EmailRequest": ("Your address", {"email": "kari.nordmann@techport.example"}),
    "UidTokenRequest": (
        "From the emailed link",
        {"uid": "MTI", "token": "cdx1k2-5f0a8e3b9c1d7e2f4a6b"},
    ),
    "PasswordResetConfirmRequest": (
        "From the emailed link",
        {
            "uid": "MTI",
            "token": "cdx1k2-5f0a8e3b9c1d7e2f4a6b",
            "new_password": "another long pass phrase",
        },
    ),
}

# Answers of the main reads: the ZEB Laboratory as the registry serves it.
SITE_READ = {
    "id": 27,
    "slug": "zeb-laboratory",
    "kind": "test_arena",
    "name": "ZEB Laboratory",
    "name_no": "ZEB-laboratoriet (nullutslippslaboratoriet)",
    "description": "Four-storey timber office and education building, a living "
    "laboratory for zero-emission buildings.",
    "description_no": "",
    "host": "ntnu",
    "partners": ["sintef"],
    "sectors": ["construction", "energy"],
    "sdgs": [7, 9, 11, 13],
    "trl_min": 4,
    "trl_max": 8,
    "status": "operational",
    "access": "on_application",
    "facilities": "",
    "pricing_note": "",
    "contact_email": "",
    "website": "https://www.ntnu.edu/zeb",
    "location": ZEB_LABORATORY,
    "footprint": None,
    "zone": "gloshaugen",
    "coordinates_approximate": True,
    "source_urls": ["https://www.ntnu.edu/zeb"],
    "created_at": "2026-11-20T08:14:03.512000Z",
    "updated_at": "2026-11-28T13:02:41.087000Z",
}
PILOT_READ = {
    **{key: value for key, value in PILOT.items() if key != "description"},
    "id": 3,
    "owner": "kari.nordmann",
    "status": "published",
    "zone": "gloshaugen",
    "is_example": False,
    "moderation_reason": "",
    "submitted_at": "2026-11-25T09:00:00.000000Z",
    "published_at": "2026-11-26T07:30:00.000000Z",
    "created_at": "2026-11-24T15:45:00.000000Z",
    "updated_at": "2026-11-26T07:30:00.000000Z",
}
RESPONSE_EXAMPLES: dict[str, tuple[str, Any]] = {
    "sites_list": (
        "Test arenas within 1 km of Gløshaugen (near, radius)",
        {
            "next": None,
            "previous": None,
            "results": [{**SITE_READ, "distance_m": 502.3}],
        },
    ),
    "sites_retrieve": ("The ZEB Laboratory", SITE_READ),
    "pilots_list": (
        "Published pilots",
        {"next": None, "previous": None, "results": [PILOT_READ]},
    ),
    "pilots_retrieve": ("A published pilot", PILOT_READ),
}


def _add_response_example(operation: dict[str, Any]) -> None:
    example = RESPONSE_EXAMPLES.get(operation.get("operationId", ""))
    body = operation.get("responses", {}).get("200", {}).get("content", {})
    if example and "application/json" in body:
        summary, value = example
        body["application/json"]["examples"] = {
            operation["operationId"]: {"summary": summary, "value": value}
        }


def add_request_examples(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    for item in result.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            _add_response_example(operation)
            if "requestBody" not in operation:
                continue
            for media_type, body in operation["requestBody"]["content"].items():
                name = body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
                if name in EXAMPLES and media_type == "application/json":
                    summary, value = EXAMPLES[name]
                    body["examples"] = {name: {"summary": summary, "value": value}}
    return result
