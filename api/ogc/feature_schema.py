"""The JSON Schema of a collection's features (its `describedby` link).

Clients such as GDAL type a layer's fields from the first page of features:
a property that is null on every row of that page would be a string. The
schema names every property's type: the queryable's schema where there is
one, else the type of the model field the property reads.
"""

from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F

from .collection import Collection

_TYPES: list[tuple[type[models.Field], dict[str, Any]]] = [
    (models.BooleanField, {"type": "boolean"}),
    (models.IntegerField, {"type": "integer"}),
    (models.FloatField, {"type": "number"}),
    (models.DecimalField, {"type": "number"}),
    (models.DateTimeField, {"type": "string", "format": "date-time"}),
    (models.DateField, {"type": "string", "format": "date"}),
]


def _field_schema(field: models.Field) -> dict[str, Any]:
    if isinstance(field, ArrayField):
        return {"type": "array", "items": _field_schema(field.base_field)}
    for field_class, schema in _TYPES:
        if isinstance(field, field_class):
            return dict(schema)
    return {"type": "string"}


def _property_schema(model: type[models.Model], value: Any) -> dict[str, Any]:
    if isinstance(value, ArraySubquery):  # related rows' slugs
        return {"type": "array", "items": {"type": "string"}}
    if isinstance(value, F):  # a related row's slug
        return {"type": "string"}
    if isinstance(value, str):
        field = model._meta.pk if value == "pk" else model._meta.get_field(value)
        return _field_schema(field)  # type: ignore[arg-type]
    output = getattr(value, "output_field", None)
    return _field_schema(output) if output is not None else {}


def feature_properties(collection: Collection) -> dict[str, Any]:
    """Every property of the collection's features with its JSON Schema."""
    model = collection.rows(user=None).model
    properties: dict[str, Any] = {}
    for name, value in collection.feature.properties.items():
        queryable = collection.queryables.get(name)
        schema = dict(queryable.schema) if queryable else _property_schema(model, value)
        properties[name] = schema
    geometry = collection.queryables.get("geometry")
    if geometry is not None:
        properties["geometry"] = dict(geometry.schema)
    return properties


_XSD_TYPES = {
    "integer": "xs:int",
    "number": "xs:double",
    "boolean": "xs:boolean",
    "date-time": "xs:dateTime",
    "date": "xs:date",
}
_XSD_GEOMETRIES = {
    "geometry-point": "gml:PointPropertyType",
    "geometry-multipolygon": "gml:MultiSurfacePropertyType",
}


def _xsd_type(schema: dict[str, Any]) -> str:
    return _XSD_TYPES.get(schema.get("format", schema.get("type", "")), "xs:string")


def feature_xsd(collection: Collection, namespace: str) -> str:
    """The same properties as a GML application schema (XML Schema), which
    GDAL 3.1 to 3.7 read from `describedby` (later versions read the JSON)."""
    elements = []
    for name, schema in feature_properties(collection).items():
        if name == "id":  # GDAL adds the features' `id` itself
            continue
        if schema.get("type") == "array":
            item = _xsd_type(schema["items"])
            elements.append(
                f'<xs:element name="{name}" type="{item}" minOccurs="0" '
                'maxOccurs="unbounded"/>'
            )
        elif name == "geometry":
            kind = _XSD_GEOMETRIES.get(schema.get("format", ""))
            kind = kind or "gml:GeometryPropertyType"
            elements.append(
                f'<xs:element name="geometry" type="{kind}" minOccurs="0"/>'
            )
        else:
            elements.append(
                f'<xs:element name="{name}" type="{_xsd_type(schema)}" '
                'minOccurs="0" nillable="true"/>'
            )
    body = "\n".join(f"          {element}" for element in elements)
    name = collection.id
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:ttp="{namespace}"
  targetNamespace="{namespace}" elementFormDefault="qualified">
  <xs:import namespace="http://www.opengis.net/gml/3.2"
    schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>
  <xs:element name="{name}" type="ttp:{name}Type"
    substitutionGroup="gml:AbstractFeature"/>
  <xs:complexType name="{name}Type">
    <xs:complexContent>
      <xs:extension base="gml:AbstractFeatureType">
        <xs:sequence>
{body}
        </xs:sequence>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
</xs:schema>
"""
