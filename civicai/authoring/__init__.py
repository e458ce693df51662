"""The authoring pipeline: readable sources -> notebooks -> learner versions.

See CONTRIBUTING.md for the workflow; `civicai-notebooks build` (or
`make notebooks`) runs it, `civicai-notebooks check` says what is stale.
"""
