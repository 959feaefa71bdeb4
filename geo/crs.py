"""Coordinate reference systems the registry accepts and answers in.

Geometries are stored in EPSG:4326 with longitude first (the axis order of
OGC CRS84). Clients may ask for, or send boxes in, the CRSs below; PostGIS
gets the SRID as an integer, never projection text.
"""

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EPSG_25832 = "http://www.opengis.net/def/crs/EPSG/0/25832"
EPSG_25833 = "http://www.opengis.net/def/crs/EPSG/0/25833"
EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857"

STORAGE_SRID = 4326

SUPPORTED_CRS: dict[str, int] = {
    CRS84: 4326,
    EPSG_4326: 4326,
    EPSG_25832: 25832,
    EPSG_25833: 25833,
    EPSG_3857: 3857,
}

# CRSs whose first axis is latitude (EPSG:4326 as EPSG defines it).
LATITUDE_FIRST: frozenset[str] = frozenset({EPSG_4326})

# CRSs in degrees; the others are in metres.
GEOGRAPHIC: frozenset[str] = frozenset({CRS84, EPSG_4326})


def srid_of(crs: str) -> int | None:
    """The SRID of a supported CRS URI, or None when it is not supported."""
    return SUPPORTED_CRS.get(crs)


def is_latitude_first(crs: str) -> bool:
    return crs in LATITUDE_FIRST


def is_geographic(crs: str) -> bool:
    return crs in GEOGRAPHIC
