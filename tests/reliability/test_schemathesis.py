"""Schemathesis over every operation of the OpenAPI document, in process.

Each operation is called as an anonymous client, as the owner of the seeded data
and as a second user, with every built-in check on (server errors, status codes,
content types, response schemas and headers, negative-data rejection, positive-data
acceptance, ignored auth, unsupported methods, use after free ...).

Every list holds rows (tests/reliability/conftest.py `seeded_catalogue`), so the
response-schema check reads real bodies: a field the schema calls required but
the API leaves out (`distance_m` without `near`) fails here.

`make test` runs the examples, fuzzing and stateful phases with a modest number of
examples for each of two fixed seeds (FUZZ_SEEDS). The coverage phase (boundary
and invalid values of every parameter and body field, methods an operation does
not have) sends about a hundred requests per operation and identity, too slow
for `make test` on two cores: `make fuzz` runs it for every identity
(FUZZ_COVERAGE=all), with more examples (FUZZ_EXAMPLES) and the seeds in
FUZZ_SEEDS (comma-separated).
"""

import functools
import os
import re
from typing import Any

import hypothesis
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import strategies as st

from .conftest import FIGURES
from .hostile import hostile_query
from .identities import IDENTITIES, OWNER, Credentials
from .openapi import document

STACK_MARKERS = ("Traceback (most recent", 'File "/', "site-packages/", "psycopg.")
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
# Each seed is a separate run of every operation; FUZZ_SEED picks a single one.
SEEDS = [
    int(seed)
    for seed in os.environ.get(
        "FUZZ_SEEDS", os.environ.get("FUZZ_SEED", "20261129,20261204")
    ).split(",")
]
STATEFUL_STEPS = int(os.environ.get("FUZZ_STATEFUL_STEPS", "6"))
# Identities whose run includes the coverage phase: none, one of them, or "all".
COVERAGE = os.environ.get("FUZZ_COVERAGE", "none")


def _identity_encoding(app: Any) -> Any:
    """The in-process WSGI transport does not decode content codings (HTTP
    clients do), so the fuzzer's requests ask for none: bodies stay plain."""

    def without_compression(environ: dict[str, Any], start_response: Any) -> Any:
        environ.pop("HTTP_ACCEPT_ENCODING", None)
        return app(environ, start_response)

    return without_compression


def load_schema(*, coverage: bool, seed: int) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": seed,
            "suppress-health-check": ["all"],
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
                # NUL bytes cannot be stored in PostgreSQL text; the API answers
                # 400 for them, which a separate OWASP test checks.
                "allow-x00": False,
            },
            "phases": {
                "coverage": {"enabled": coverage},
                "stateful": {"max-steps": STATEFUL_STEPS},
            },
            "operations": [
                {
                    # A schema-valid write can still name an organisation or site
                    # that does not exist, repeat a slug, or carry a geometry that
                    # is well-formed JSON but not a valid shape: JSON Schema cannot
                    # say so, and the API answers 400 problem details for them.
                    # A generated If-Match names no real version: 412.
                    "include-method": ["POST", "PUT", "PATCH"],
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": [
                                "2xx",
                                "400",
                                "401",
                                "403",
                                "404",
                                "412",
                            ]
                        }
                    },
                },
                {
                    # x and y must be below 2^z, which JSON Schema cannot tie to z,
                    # and the layers take the catalogue filters (below); the tile
                    # endpoints document 400 for both.
                    "include-path-regex": "^/tiles/",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "304", "400"]
                        }
                    },
                },
                {
                    # Reads: the catalogue filters carry rules across values and
                    # parameters that JSON Schema cannot state (bbox is
                    # minLon,minLat,maxLon,maxLat in range, `intersects` is a
                    # GeoJSON geometry, `near` and `radius` come together) and a
                    # `cursor` is opaque: 400 problem details for them. An
                    # If-None-Match that holds the ETag answers 304. (After the
                    # tile rule: the first rule that names a status list wins.)
                    "include-method": ["GET"],
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": [
                                "2xx",
                                "304",
                                "400",
                                "401",
                                "403",
                                "404",
                            ]
                        }
                    },
                },
            ],
        }
    )
    # The document is built once per process (openapi.document) and shared.
    loaded = schemathesis.openapi.from_dict(document(), config=config)
    loaded.app = _identity_encoding(get_wsgi_application())
    loaded.location = "/api/schema/?format=json"
    return loaded


# Loaded when the module is collected: the document is built from the URL conf and
# views without touching the database, so new operations are picked up by themselves.
@functools.cache
def load_schema_once(coverage: bool, seed: int) -> schemathesis.BaseSchema:
    loaded = load_schema(coverage=coverage, seed=seed)
    loaded.hook("flatmap_query")(with_hostile_values)
    return loaded


# The operations whose positive-data check admits 400 (the operations above).
HOSTILE_QUERY_TARGETS = re.compile(
    r"^GET (/api/v1/(sites|pilots|opportunities)/$|/tiles/)"
)


def with_hostile_values(
    context: schemathesis.HookContext, query: dict[str, Any] | None
) -> Any:
    """Some generated list queries get one hostile value (tests/reliability/
    hostile.py: percent signs, numbers beyond any column, wrong-typed cursors),
    the shapes that once answered 500 (issue 13). The lists already answer 400
    problem details to values JSON Schema cannot rule out (above)."""
    operation = context.operation
    query = query or {}
    if operation is None or not HOSTILE_QUERY_TARGETS.match(
        f"{operation.method.upper()} {operation.path}"
    ):
        return st.just(query)
    names = [
        parameter.name
        for parameter in operation.query
        if parameter.name in {"sdg", "bbox", "near", "radius", "trl", "cursor"}
    ]
    if not names:
        return st.just(query)
    return st.just(query) | hostile_query(query, names).map(_counted)


def _counted(query: dict[str, Any]) -> dict[str, Any]:
    FIGURES["schemathesis hostile queries"] += 1
    return query


def schema_for(identity: str, seed: int) -> schemathesis.BaseSchema:
    return load_schema_once(COVERAGE in ("all", identity), seed)


schema = load_schema_once(False, SEEDS[0])  # the stateful phase: links, not coverage


@schemathesis.check
def no_stack_data(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any
) -> bool | None:
    """OWASP API8: no traceback, file path or driver text in any answer.

    A marker the request itself carried is an echo of the client's own value
    (a 400 quotes it), not a leak: Hypothesis draws strings from the project's
    constants, these markers included."""
    text = response.text if response.content else ""
    sent = repr((case.path_parameters, case.query, case.body, case.headers))
    leaked = [
        marker for marker in STACK_MARKERS if marker in text and marker not in sent
    ]
    if leaked:
        raise AssertionError(f"stack data in the body: {leaked}")
    return None


def explicit_headers(credentials: Credentials) -> dict[str, str]:
    """Credentials as call-level headers: schemathesis then knows them as the
    run's real auth, and its ignored-auth check sends probes without them (and
    with invalid ones). Headers set on the case itself would count as generated
    values, so any 2xx with a valid token would be reported as "ignored auth"."""
    headers = dict(credentials.headers)
    if credentials.cookies:
        headers["Cookie"] = "; ".join(
            f"{name}={value}" for name, value in credentials.cookies.items()
        )
    return headers


def call_as(
    identity: str, case: schemathesis.Case, identities: dict[str, Credentials]
) -> None:
    FIGURES[f"schemathesis cases ({identity})"] += 1
    case.call_and_validate(headers=explicit_headers(identities[identity]) or None)


def operation_test(identity: str, seed: int) -> Any:
    """Every operation as `identity`, with the cases of `seed`."""

    @schema_for(identity, seed).parametrize()
    @hypothesis.settings(deadline=None, database=None)
    def test(
        case: schemathesis.Case,
        identities: dict[str, Credentials],
        seeded_catalogue: None,
        in_process_wsgi: None,
    ) -> None:
        call_as(identity, case, identities)

    test.__name__ = f"test_every_operation_as_{identity}_seed_{seed}"
    return test


# test_every_operation_as_{anonymous,owner,other}_seed_<seed>, for each seed.
for _seed in SEEDS:
    for _identity in IDENTITIES:
        _test = operation_test(_identity, _seed)
        globals()[_test.__name__] = _test


def test_stateful_links_as_owner(
    identities: dict[str, Credentials], seeded_catalogue: None, in_process_wsgi: None
) -> None:
    """The stateful phase: sequences along the schema's (and inferred) links."""
    headers = explicit_headers(identities[OWNER])

    class OwnerWorkflow(schema.as_state_machine()):  # type: ignore[misc]
        def before_call(self, case: schemathesis.Case) -> None:
            FIGURES["schemathesis stateful steps (owner)"] += 1

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": headers}

        def validate_response(
            self,
            response: schemathesis.Response,
            case: schemathesis.Case,
            additional_checks: Any = None,
            **kwargs: Any,
        ) -> None:
            case.validate_response(
                response,
                additional_checks=additional_checks,
                headers=headers,
                transport_kwargs=kwargs or None,
                recorder=self.recorder,
            )

    OwnerWorkflow.run(
        settings=hypothesis.settings(
            max_examples=max(2, MAX_EXAMPLES // 2),
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
