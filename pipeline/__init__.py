"""crisis-events: CrisisWatch prose in, a Parquet table of dated events out."""

__version__ = "0.1.0"
