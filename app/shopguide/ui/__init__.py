"""PySide6 widgets; they reach data only through shopguide.client."""
