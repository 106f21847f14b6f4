"""Prefect flows that run the pipeline library as tasks."""
