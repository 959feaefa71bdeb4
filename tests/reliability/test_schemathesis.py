"""Schemathesis over every operation of the OpenAPI document, in process.

Each operation is called as an anonymous client, as the owner of the seeded data
and as a second user, with every built-in check on (server errors, status codes,
content types, response schemas and headers, negative-data rejection, positive-data
acceptance, ignored auth, unsupported methods, use after free ...). `make test`
runs a modest number of examples with a fixed seed; `make fuzz` sets FUZZ_EXAMPLES
(and FUZZ_SEED) for a longer run.
"""

import os

import hypothesis
import schemathesis
from django.core.wsgi import get_wsgi_application

from .conftest import FIGURES
from .identities import ANONYMOUS, OTHER, OWNER, Credentials

MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
STATEFUL_STEPS = int(os.environ.get("FUZZ_STATEFUL_STEPS", "6"))


def load_schema() -> schemathesis.BaseSchema:
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
            "phases": {"stateful": {"max-steps": STATEFUL_STEPS}},
        }
    )
    return schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=config
    )


# Loaded when the module is collected: the document is built from the URL conf and
# views without touching the database, so new operations are picked up by themselves.
schema = load_schema()


def call_as(
    identity: str, case: schemathesis.Case, identities: dict[str, Credentials]
) -> None:
    credentials = identities[identity]
    FIGURES[f"schemathesis cases ({identity})"] += 1
    case.call_and_validate(
        headers=dict(credentials.headers), cookies=dict(credentials.cookies)
    )


@schema.parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_anonymous(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(ANONYMOUS, case, identities)


@schema.parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_owner(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(OWNER, case, identities)


@schema.parametrize()
@hypothesis.settings(deadline=None, database=None)
def test_every_operation_as_other_user(
    case: schemathesis.Case,
    identities: dict[str, Credentials],
    in_process_wsgi: None,
) -> None:
    call_as(OTHER, case, identities)
