"""Schemathesis over every operation of the OpenAPI document, in process.

Each operation is called as an anonymous client, as the owner of the seeded data
and as a second user, with every built-in check on (server errors, status codes,
content types, response schemas and headers, negative-data rejection, positive-data
acceptance, ignored auth, unsupported methods, use after free ...).

`make test` runs the examples, fuzzing and stateful phases with a modest number of
examples and a fixed seed. The coverage phase (boundary and invalid values of
every parameter and body field, methods an operation does not have) sends about
a hundred requests per operation and identity, too slow for `make test` on two
cores: `make fuzz` runs it for every identity (FUZZ_COVERAGE=all), with more
examples (FUZZ_EXAMPLES) and the seed in FUZZ_SEED.
"""

import os
from typing import Any

import hypothesis
import schemathesis
from django.core.wsgi import get_wsgi_application

from .conftest import FIGURES
from .identities import ANONYMOUS, OTHER, OWNER, Credentials
from .openapi import document

STACK_MARKERS = ("Traceback (most recent", 'File "/', "site-packages/", "psycopg.")
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
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


def load_schema(*, coverage: bool) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": SEED,
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
                    "include-method": ["POST", "PUT", "PATCH"],
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "400", "401", "403", "404"]
                        }
                    },
                },
                {
                    # The catalogue filters carry rules across values and
                    # parameters that JSON Schema cannot state: bbox is
                    # minLon,minLat,maxLon,maxLat in range, `intersects` is a
                    # GeoJSON geometry, `near` and `radius` come together. The
                    # lists answer 400 problem details for them.
                    "include-method": ["GET"],
                    "include-path-regex": "^/api/v1/(sites|pilots|opportunities)/$",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "400", "401", "403", "404"]
                        }
                    },
                },
                {
                    # x and y must be below 2^z, which JSON Schema cannot tie to z,
                    # and the layers take the catalogue filters (above); the tile
                    # endpoints document 400 for both.
                    "include-path-regex": "^/tiles/",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "304", "400"]
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
SCHEMAS = {coverage: load_schema(coverage=coverage) for coverage in (False, True)}


def schema_for(identity: str) -> schemathesis.BaseSchema:
    return SCHEMAS[COVERAGE in ("all", identity)]


schema = SCHEMAS[False]  # the stateful phase: links, not coverage


@schemathesis.check
def no_stack_data(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Any
) -> bool | None:
    """OWASP API8: no traceback, file path or driver text in any answer."""
    text = response.text if response.content else ""
    leaked = [marker for marker in STACK_MARKERS if marker in text]
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


@schema_for(ANONYMOUS).parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_anonymous(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(ANONYMOUS, case, identities)


@schema_for(OWNER).parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_owner(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(OWNER, case, identities)


@schema_for(OTHER).parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_other_user(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(OTHER, case, identities)


def test_stateful_links_as_owner(
    identities: dict[str, Credentials], in_process_wsgi: None
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
