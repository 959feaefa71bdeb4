"""Idempotent writes for loaders: create rows, or update only what differs.

A second run over the same data issues no UPDATE at all, so `updated_at` (and
anything that follows it, such as feeds and caches) does not move. Existing rows
are read in one query per table, not one per row.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def _auto_now_fields(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False)
    ]


def differs(instance: models.Model, name: str, value: Any) -> bool:
    field = instance._meta.get_field(name)
    if isinstance(field, models.ForeignKey) and isinstance(value, models.Model | None):
        # Compare keys: reading the related object would cost a query per row.
        return getattr(instance, field.attname) != (value.pk if value else None)
    return bool(getattr(instance, name) != value)


def _apply(instance: M, values: Mapping[str, Any]) -> bool:
    changed = [name for name, value in values.items() if differs(instance, name, value)]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        auto_now = _auto_now_fields(type(instance))
        instance.save(update_fields=[*changed, *auto_now])
    return bool(changed)


def upsert(
    model: type[M], *, lookup: Mapping[str, Any], values: Mapping[str, Any]
) -> tuple[M, bool]:
    """The row matching `lookup` with `values`; True when it was created or changed."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return model._default_manager.create(**lookup, **values), True
    return instance, _apply(instance, values)


def upsert_many(
    model: type[M], *, key: str, rows: Mapping[Any, Mapping[str, Any]]
) -> tuple[dict[Any, M], set[Any]]:
    """Upsert rows given as {key value: field values}; returns the rows by key and
    the keys of those created or changed."""
    manager = model._default_manager
    existing = {
        getattr(obj, key): obj for obj in manager.filter(**{f"{key}__in": rows})
    }
    changed = set()
    for key_value, values in rows.items():
        if key_value not in existing:
            existing[key_value] = manager.create(**{key: key_value}, **values)
            changed.add(key_value)
        elif _apply(existing[key_value], values):
            changed.add(key_value)
    return existing, changed


def set_related(
    manager: Any, objects: Iterable[models.Model], *, current: set[Any] | None = None
) -> bool:
    """Set a many-to-many relation; True when it changed. `current` (the related
    primary keys, if already read) saves a query."""
    wanted = {obj.pk for obj in objects}
    if current is None:
        current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    manager.set(wanted)
    return True


def related_ids(relation: Any, owner_ids: Iterable[Any]) -> dict[Any, set[Any]]:
    """{owner pk: {related pks}} for a ManyToManyField descriptor, in one query."""
    through = relation.through
    source = relation.field.m2m_field_name() + "_id"
    target = relation.field.m2m_reverse_field_name() + "_id"
    found: dict[Any, set[Any]] = {owner_id: set() for owner_id in owner_ids}
    rows = through.objects.filter(**{f"{source}__in": list(found)})
    for owner_id, related_id in rows.values_list(source, target):
        found[owner_id].add(related_id)
    return found
