"""The database backend: Django's PostGIS backend with a cheaper health check."""
