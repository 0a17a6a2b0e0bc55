"""What an operator sees of a running server: logs, request ids, metrics, probes.

- `logs`: the request id every log line of a request carries, and the JSON
  (or text) log format `serve` writes.
- `process`: what `serve` sets up before any worker imports the app.
- `http`: the request middleware and the /healthz, /readyz and /metrics routes.
- `health`: whether this process can serve (database reachable, schema current).
- `metrics`: the Prometheus figures, per process or shared by all workers.

This package imports nothing itself, so `serve` can prepare the process
(the metrics directory must be known before prometheus_client is imported)
by importing `process` alone.
"""
