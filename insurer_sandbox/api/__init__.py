"""The v1 routes, one module per resource; `insurer_sandbox.app` puts them together in order."""
