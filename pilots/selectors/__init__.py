"""Reads: querysets and plain data for api/ and web/, one module per area."""
