"""Every message shown to people has a Bokmål translation.

The catalogue is extracted from the code as `make messages` does (into a
temporary folder, so the repository is not touched) and merged with the
committed locale/nb/LC_MESSAGES/django.po. A message id that is new, changed
or only fuzzily matched fails the test: add its Bokmål text to the NB table in
scripts/nb/ (its area) and run `make messages`.
"""

import gettext
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

PO = Path(settings.BASE_DIR) / "locale/nb/LC_MESSAGES/django.po"
MO = PO.with_suffix(".mo")
# What `make messages` leaves out (Makefile): no user-visible strings there.
SKIPPED = {".venv", "node_modules", "tests", ".tools", "locale", ".git"}


def po_entries(text: str) -> list[dict]:
    """msgid, msgstr(s) and flags of each live entry of a .po file."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        entry: dict = {"flags": "", "msgid": "", "msgstr": []}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("msgid_plural "):
                key = None
            elif line.startswith("msgid "):
                key, entry["msgid"] = "msgid", _unquote(line[6:])
            elif line.startswith("msgstr"):
                key = "msgstr"
                entry["msgstr"].append(_unquote(line.split(" ", 1)[1]))
            elif line.startswith('"') and key == "msgid":
                entry["msgid"] += _unquote(line)
            elif line.startswith('"') and key == "msgstr":
                entry["msgstr"][-1] += _unquote(line)
        if entry["msgid"]:  # the header has an empty msgid
            entries.append(entry)
    return entries


def _unquote(text: str) -> str:
    return text.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The catalogue as `make messages` would write it now."""
    root = tmp_path_factory.mktemp("messages")
    for child in Path(settings.BASE_DIR).iterdir():
        if child.name not in SKIPPED and not child.name.startswith("."):
            (root / child.name).symlink_to(child)
    (root / PO.parent.relative_to(settings.BASE_DIR)).mkdir(parents=True)
    shutil.copy(PO, root / PO.relative_to(settings.BASE_DIR))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        call_command(
            "makemessages",
            locale=["nb"],
            symlinks=True,
            no_location=True,
            ignore_patterns=[".venv", "node_modules", "tests", ".tools"],
            verbosity=0,
        )
    return po_entries((root / PO.relative_to(settings.BASE_DIR)).read_text())


def test_every_message_in_the_code_has_a_bokmal_translation(extracted):
    missing = [e["msgid"] for e in extracted if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in extracted if "fuzzy" in e["flags"]]

    assert len(extracted) > 100
    assert missing == [], "no Bokmål text; add it to its area in scripts/nb/"
    assert fuzzy == [], "only a fuzzy match; add it to its area in scripts/nb/"


def test_the_compiled_catalogue_matches_the_po_file():
    """`make messages` was run after the last edit: the .mo has every entry."""
    compiled = gettext.GNUTranslations(MO.open("rb"))
    stale = [
        entry["msgid"]
        for entry in po_entries(PO.read_text())
        if len(entry["msgstr"]) == 1
        and compiled.gettext(entry["msgid"]) != entry["msgstr"][0]
    ]

    assert stale == [], "run `make messages` to compile locale/nb/.../django.mo"
