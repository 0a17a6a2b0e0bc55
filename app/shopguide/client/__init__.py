"""The tablet's non-visual side: local cache, outbox, sync engine and API client."""
