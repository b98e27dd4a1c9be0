"""The answers a route gives besides its 200, described once for the OpenAPI document."""

from typing import Any

DESCRIPTIONS = {
    303: "Redirect: the next page, or the sign-in page for someone not signed in (server mode).",
    400: "A mistake in what was sent, said in one sentence.",
    401: "Not signed in (server mode).",
    403: "Refused: the form token, the sending site or the host name is not this app's.",
    404: "Not found, or not yours to see.",
    413: "The request body is too large.",
    429: "Too many sign-in attempts from this address; the Retry-After header says how long.",
}


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route that may answer `codes` as well as its 200."""
    return {code: {"description": DESCRIPTIONS[code]} for code in codes}
