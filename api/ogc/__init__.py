"""OGC API - Features (Parts 1, 2 and 3) over the catalogue selectors."""
