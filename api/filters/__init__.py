"""Query filters: FilterSets, their field types and the unknown-parameter check."""
