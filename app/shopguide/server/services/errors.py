"""Errors services raise; the API layer maps each to one HTTP status with the message."""

from __future__ import annotations


class ServiceError(Exception):
    status_code = 400

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotFound(ServiceError):
    status_code = 404


class Forbidden(ServiceError):
    status_code = 403


class Unauthorized(ServiceError):
    status_code = 401


class Unprocessable(ServiceError):
    status_code = 422


class Conflict(ServiceError):
    status_code = 409


class Gone(ServiceError):
    """It was valid once and has run out (an expired member code): ask for a fresh one."""

    status_code = 410


class RateLimited(ServiceError):
    status_code = 429

    def __init__(self, reason: str, retry_after_seconds: int) -> None:
        super().__init__(reason)
        self.retry_after_seconds = retry_after_seconds


class BadGateway(ServiceError):
    """A payment provider could not be reached or refused: the reason is the provider's."""

    status_code = 502
