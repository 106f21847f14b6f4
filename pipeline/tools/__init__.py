"""Tools on top of the pipeline: evaluation against gold, the benchmark, the map."""
