from django.contrib.gis.db import models


class Zone(models.Model):
    """One of the district's named areas (Øya, Elgeseter, Gløshaugen, ...)."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=128)
    area = models.MultiPolygonField(srid=4326, spatial_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
