"""Tools on top of the pipeline: evaluation against gold, the benchmark, the audit, the map,
exports and the report."""
