"""The ASGI application for `uvicorn shopguide.server.asgi:app` and multi-worker serve."""

from shopguide.server.app import create_app

app = create_app()
