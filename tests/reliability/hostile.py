"""Hypothesis strategies for the query values a hostile tester sent (issue 13):
percent signs (read as format directives), numbers beyond any column, and
cursors that decode to the wrong types or nest deeply. Used by the Hypothesis
test of hostile inputs and mixed into the Schemathesis run."""

import base64
import json
from typing import Any

from hypothesis import strategies as st

PERCENT_PIECES = ["%", "%s", "%d", "%(x)s", "%%", "1", "2.5", ",", "-", " "]
HUGE_NUMBERS = [
    "1e400",
    "-1e400",
    "99999999999999999999",
    str(2**63),
    str(-(2**63) - 1),
    "NaN",
    "inf",
]

percent_text = st.lists(st.sampled_from(PERCENT_PIECES), min_size=1, max_size=6).map(
    "".join
)
huge_number = st.sampled_from(HUGE_NUMBERS) | st.integers(min_value=2**63).map(str)
hostile_scalar = percent_text | huge_number


def _comma_joined(count: int) -> st.SearchStrategy[str]:
    part = hostile_scalar | st.sampled_from(["10.4", "63.4", "0"])
    return st.lists(part, min_size=count, max_size=count).map(",".join)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=3), children, max_size=2)
    ),
    max_leaves=8,
)


def _encoded(value: Any) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


wrong_cursor = (
    st.tuples(st.lists(json_values, min_size=1, max_size=4), json_values, json_values)
    .map(list)
    .map(_encoded)
) | st.integers(min_value=100, max_value=3000).map(
    lambda depth: _encoded(b"[" * depth + b"]" * depth)
)

# Query parameter -> hostile values for it.
HOSTILE_QUERY_VALUES: dict[str, st.SearchStrategy[str]] = {
    "sdg": hostile_scalar | _comma_joined(2),
    "bbox": _comma_joined(4),
    "near": _comma_joined(2),
    "radius": huge_number,
    "trl": huge_number,
    "limit": huge_number | percent_text,
    "cursor": wrong_cursor,
    "offset": huge_number | percent_text,
}


def hostile_query(
    query: dict[str, Any], names: list[str]
) -> st.SearchStrategy[dict[str, Any]]:
    """The query with one of `names` given a hostile value (near brings radius)."""
    usable = [name for name in names if name in HOSTILE_QUERY_VALUES]
    if not usable:
        return st.just(query)

    def replaced(name: str, value: str) -> dict[str, Any]:
        changed = {**query, name: value}
        if name == "near":
            changed.setdefault("radius", "5")
        return changed

    return st.sampled_from(usable).flatmap(
        lambda name: HOSTILE_QUERY_VALUES[name].map(lambda value: replaced(name, value))
    )
