"""The benchmark: synthetic data at scale (`generate`), the plain MkDocs baseline (`baseline`)
and the runner that measures both and writes docs/performance.md (`python -m benchmarks`)."""
