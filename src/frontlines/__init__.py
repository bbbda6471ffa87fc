"""frontlines: news pages in, structured, geolocated, evidence-linked conflict events out."""

__version__ = "0.1.0"
