"""HTTP layer: thin routes over shopguide.server.services."""
