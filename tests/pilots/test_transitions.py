"""The transition table the pilot workflow, the opportunity review and bookings
share: unknown and illegal actions name the allowed ones, in Bokmål too."""

import pytest
from django.utils import translation

from pilots.services.transitions import (
    ReasonRequired,
    Rule,
    TransitionNotAllowed,
    Transitions,
    checked_reason,
)

TABLE = Transitions(
    {
        "submit": Rule(frozenset({"draft"}), "submitted"),
        "approve": Rule(frozenset({"submitted"}), "published", by_moderator=True),
        "withdraw": Rule(frozenset({"draft", "submitted"}), "withdrawn"),
    }
)


def _cannot(state: str, action: str, allowed: list[str]) -> str:
    return f"{state} cannot {action}; allowed: {', '.join(allowed)}"


def test_the_allowed_actions_follow_the_table_order() -> None:
    assert TABLE.allowed("draft") == ["submit", "withdraw"]
    assert TABLE.allowed("withdrawn") == []


def test_an_unknown_action_is_not_allowed_and_names_the_allowed_ones() -> None:
    with translation.override("nb"), pytest.raises(TransitionNotAllowed) as caught:
        TABLE.rule("publish", "draft")
    assert caught.value.message == "Ukjent handling «publish»."
    assert (caught.value.status, caught.value.allowed) == (
        "draft",
        ["submit", "withdraw"],
    )


def test_an_action_from_the_wrong_state_is_refused_in_the_callers_words() -> None:
    TABLE.check_source("submit", "draft", _cannot)
    with pytest.raises(TransitionNotAllowed) as caught:
        TABLE.check_source("approve", "draft", _cannot)
    assert caught.value.message == "draft cannot approve; allowed: submit, withdraw"
    assert caught.value.allowed == ["submit", "withdraw"]


def test_a_required_reason_is_stripped_and_must_not_be_blank() -> None:
    assert checked_reason("  late  ", required=True) == "late"
    assert checked_reason("  ", required=False) == ""
    with translation.override("nb"), pytest.raises(ReasonRequired) as caught:
        checked_reason(" \n", required=True)
    assert caught.value.message == "Denne handlingen krever en begrunnelse."
