"""The central server: FastAPI over SQLModel, never imports Qt."""
