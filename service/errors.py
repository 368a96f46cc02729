"""The package's exception tree.

Every error the service raises on purpose derives from :class:`ServiceError`.  Like geopy's
exceptions, the user-input errors also inherit the matching built-in (``ValueError``,
``LookupError``, ``IOError``) so callers can catch them either way.  Each class carries the
HTTP status the web layer answers with and a message that is safe to show to a user (no paths,
no stack traces, no echo of hostile input beyond a short, escaped excerpt).
"""

from __future__ import annotations


class ServiceError(Exception):
    """Root of every error raised on purpose by this package."""

    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict:
        """Return a JSON-serialisable description, safe to send to a client."""
        out = {"error": self.code, "message": self.message, "status": self.status}
        if self.detail:
            out["detail"] = self.detail
        return out


class InputError(ServiceError, ValueError):
    """The caller's input is malformed: empty, too long, binary, wrong encoding, bad date."""

    status = 400
    code = "bad_request"


class NotFoundError(ServiceError, LookupError):
    """A named thing does not exist."""

    status = 404
    code = "not_found"


class UnknownPlaceError(NotFoundError):
    """A place name or id that neither the gazetteer nor the store knows."""

    code = "unknown_place"


class ValidationError(InputError):
    """A structured file (scenario YAML, import file) fails validation.

    ``detail`` names the file, line and field.
    """

    status = 422
    code = "validation_error"


class ConflictError(ServiceError):
    """The request conflicts with the stored state."""

    status = 409
    code = "conflict"


class AuthError(ServiceError, PermissionError):
    """Missing or wrong credentials."""

    status = 401
    code = "unauthorized"


class ForbiddenError(AuthError):
    """Credentials are fine but not allowed to do this."""

    status = 403
    code = "forbidden"


class PayloadTooLargeError(InputError):
    """The input exceeds a configured size limit."""

    status = 413
    code = "payload_too_large"


class UnsupportedMediaError(InputError):
    """The request body has a content type the endpoint does not take."""

    status = 415
    code = "unsupported_media_type"


class RateLimitedError(ServiceError):
    """Too many requests from one client."""

    status = 429
    code = "rate_limited"


class GeocoderServiceError(ServiceError, IOError):
    """An online geocoder failed (network, quota, bad answer)."""

    status = 502
    code = "geocoder_unavailable"


class DataError(ServiceError):
    """Bundled data files are missing or inconsistent (a deployment problem)."""

    status = 500
    code = "data_error"
