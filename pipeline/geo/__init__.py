"""Place names to the map, offline: the gazetteer (compiled from installed packages) and the geocoder."""

from .geocoder import Geocoder, Place

__all__ = ["Geocoder", "Place"]
