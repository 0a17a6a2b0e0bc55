"""Helpers the test suites import (fixtures live in the conftest files)."""
