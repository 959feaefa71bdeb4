"""Sectors, UN SDGs and TRL levels from the shared data files (idempotent)."""

import json
from collections.abc import Mapping
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from ..models import SDG, Sector, TRLLevel
from .upserts import upsert_many

# The data says "ICT/AI", "ocean", ...; slugs are what sites and pilots store.
SECTOR_LABELS = {
    "construction": ("Construction and buildings", "Bygg og anlegg"),
    "energy": ("Energy", "Energi"),
    "health": ("Health", "Helse"),
    "ict-ai": ("ICT and AI", "IKT og KI"),
    "materials": ("Materials", "Materialer"),
    "mobility": ("Mobility and transport", "Mobilitet og transport"),
    "ocean": ("Ocean", "Hav"),
}


def sector_slug(name: str) -> str:
    """'ICT/AI' -> 'ict-ai', 'energy' -> 'energy'."""
    return slugify(name.replace("/", "-"))[:32]


def sectors_in(*, files: Mapping[Path, str]) -> dict[str, str]:
    """Slug -> name as first seen, over the 'sectors' of the records in each file.

    `files` maps a JSON file to the member holding its records ("sites", ...);
    missing files are skipped.
    """
    found: dict[str, str] = {}
    for path, member in files.items():
        if not path.exists():
            continue
        records = json.loads(path.read_text(encoding="utf-8"))[member]
        for record in records:
            for name in record.get("sectors", []):
                found.setdefault(sector_slug(name), name)
    return found


@transaction.atomic
def sectors_load(*, names: dict[str, str]) -> int:
    """Upsert the sectors (slug -> name in the data); returns how many changed."""
    rows = {}
    for slug, raw in names.items():
        name_en, name_no = SECTOR_LABELS.get(slug, (raw, raw))
        rows[slug] = {"name_en": name_en, "name_no": name_no}
    return len(upsert_many(Sector, key="slug", rows=rows)[1])


@transaction.atomic
def sdgs_load(*, path: Path) -> int:
    fields = ("code", "name_en", "name_no", "statement_en", "statement_no", "color")
    rows = {
        goal["number"]: {name: goal.get(name, "") for name in fields}
        for goal in json.loads(path.read_text(encoding="utf-8"))["sdgs"]
    }
    return len(upsert_many(SDG, key="number", rows=rows)[1])


def _short_and_full(wording: str) -> tuple[str, str]:
    """Annex G adds remarks in parentheses ("... (industrially relevant ...)").

    The name keeps the wording before them; the description keeps all of it.
    """
    short = wording.split(" (", 1)[0].strip()
    return short, (wording if short != wording else "")


@transaction.atomic
def trl_levels_load(*, path: Path) -> int:
    rows = {}
    for level in json.loads(path.read_text(encoding="utf-8"))["levels"]:
        name_en, full_en = _short_and_full(level["name_en"])
        name_no, full_no = _short_and_full(level["name_no"])
        rows[level["level"]] = {
            "name_en": name_en,
            "name_no": name_no,
            "description_en": level.get("description_en") or full_en,
            "description_no": level.get("description_no") or full_no,
        }
    return len(upsert_many(TRLLevel, key="level", rows=rows)[1])
