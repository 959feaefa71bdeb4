"""The conformance classes this implementation declares: exactly those it meets."""

FEATURES_1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf"
FEATURES_2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf"
FEATURES_3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf"
CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf"

CONFORMANCE_CLASSES: tuple[str, ...] = (
    f"{FEATURES_1}/core",
    f"{FEATURES_1}/geojson",
    f"{FEATURES_1}/oas30",
    f"{FEATURES_2}/crs",
    f"{FEATURES_3}/queryables",
    f"{FEATURES_3}/filter",
    f"{FEATURES_3}/features-filter",
    f"{CQL2}/cql2-text",
    f"{CQL2}/cql2-json",
    f"{CQL2}/basic-cql2",
    f"{CQL2}/advanced-comparison-operators",
    f"{CQL2}/basic-spatial-functions",
    f"{CQL2}/basic-spatial-functions-plus-geometries",
    f"{CQL2}/spatial-functions",
)
