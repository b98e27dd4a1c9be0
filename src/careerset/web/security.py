"""Guards every request of the local web app: Host, Origin, launch token, body size, CSRF, headers.

The app listens on loopback, yet any web page the person visits can send requests to it; these
checks make sure only the app's own pages, served from the bound loopback name, can change data.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSRF_COOKIE = "careerset_csrf"
TOKEN_COOKIE = "careerset_token"
SESSION_COOKIE = "careerset_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
MAX_BODY_BYTES = 10 * 1024 * 1024

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)


def host_name(host: str) -> str:
    """`127.0.0.1:8000` -> `127.0.0.1`; `[::1]:80` -> `[::1]`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class CsrfSigner:
    """Form tokens are an HMAC of the browser's CSRF cookie under a secret made at launch.

    A cross-site page can neither read the cookie nor compute the HMAC, so it cannot forge
    the token, even where it manages to plant a cookie of its own.
    """

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    @classmethod
    def shared(cls, secret: bytes) -> CsrfSigner:
        """Server mode: every worker derives the same key from the store's shared secret."""
        return cls(derive_key(secret, "csrf"))

    def token_for(self, cookie: str) -> str:
        return hmac.new(self.secret, cookie.encode(), hashlib.sha256).hexdigest()

    def verify(self, cookie: str | None, token: str | None) -> bool:
        if not cookie or not token:
            return False
        return hmac.compare_digest(self.token_for(cookie), token)


def derive_key(secret: bytes, purpose: str) -> bytes:
    """A key for one purpose from the shared secret, so no two uses share a key."""
    return hmac.new(secret, f"careerset/{purpose}/v1".encode(), hashlib.sha256).digest()


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _cookies(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value
    return found


class Guard:
    """Pure ASGI middleware: refuse foreign requests before any route runs, add headers after.

    `allowed_hosts=None` (server mode without `--allowed-host`) accepts any Host name.
    """

    def __init__(
        self,
        app: ASGIApp,
        allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS,
        token: str | None = None,
        max_body: int = MAX_BODY_BYTES,
        secure_cookies: bool = False,
    ) -> None:
        self.app = app
        self.secure_cookies = secure_cookies
        self.allowed_hosts = (
            None if allowed_hosts is None else frozenset(host_name(h) for h in allowed_hosts)
        )
        self.local = bool(self.allowed_hosts and self.allowed_hosts & LOOPBACK_HOSTS)
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        cookies = _cookies(headers.get("cookie", ""))
        refusal = self._refusal(scope, headers, cookies)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        set_cookies: list[bytes] = []
        secure = self.secure_cookies or scope.get("scheme") == "https"
        if self.token is not None and cookies.get(token_cookie(scope)) != self.token:
            # The token came in the URL (checked above): a cookie carries it from now on, and
            # the address bar, history and bookmarks lose it.
            cookie = _cookie(token_cookie(scope), self.token, secure)
            if scope["method"] == "GET":
                await _without_token(scope, send, cookie)
                return
            set_cookies.append(cookie)
        csrf = cookies.get(CSRF_COOKIE) or ""
        if len(csrf) < 16:
            csrf = secrets.token_urlsafe(24)
            set_cookies.append(_cookie(CSRF_COOKIE, csrf, secure))
        scope.setdefault("state", {})["csrf_cookie"] = csrf

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                # A route that sets its own policy (the framed CV preview) keeps it.
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                extra += [(b"set-cookie", c) for c in set_cookies]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, self._limited(receive, send), send_with_headers)

    def _refusal(
        self, scope: Scope, headers: dict[str, str], cookies: dict[str, str]
    ) -> tuple[int, str] | None:
        """Why a request is refused (status, one sentence), or None to let it through."""
        host = headers.get("host", "")
        if self.allowed_hosts is not None and host_name(host) not in self.allowed_hosts:
            # A DNS-rebinding page reaches us under its own name; only the allowed names pass.
            if self.local:
                return 403, "This server answers only on its loopback address."
            return 403, "This server does not answer to that host name."
        if self.token is not None:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            given = cookies.get(token_cookie(scope)) or (query.get("token") or [""])[0]
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return 403, "Open the address careerset serve printed; it carries the token."
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin") or headers.get("referer")
            if origin is not None and origin != "null":
                origin_host = urlsplit(origin).netloc.lower()
                if origin_host != host.lower():
                    return 403, "Requests from other sites are refused."
            elif origin == "null" or headers.get("sec-fetch-site") == "cross-site":
                return 403, "Requests from other sites are refused."
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body):
                return 413, f"Request bodies are limited to {self.max_body // (1024 * 1024)} MB."
        return None

    def _limited(self, receive: Receive, send: Send) -> Receive:
        """Count body bytes as they arrive, for chunked bodies without a Content-Length."""
        seen = 0
        limit = self.max_body

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, "The request body is too large.")
            return message

        return receive_limited


def token_cookie(scope: Scope) -> str:
    """The launch token's cookie, named by port: cookies ignore ports, and two `careerset
    serve` on one computer must not overwrite each other's."""
    server = scope.get("server") or ("", 0)
    return f"{TOKEN_COOKIE}_{server[1] or 0}"


async def _without_token(scope: Scope, send: Send, cookie: bytes) -> None:
    """Redirect to the same address without `?token=`, setting the cookie that replaces it."""
    query = [
        (name, value)
        for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        if name != "token"
    ]
    location = quote(scope.get("path", "/")) + (f"?{urlencode(query)}" if query else "")
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"content-length", b"0"),
                (b"set-cookie", cookie),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def _cookie(name: str, value: str, secure: bool = False) -> bytes:
    flags = "; Secure" if secure else ""
    return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict{flags}".encode()


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_cookie(request: Request) -> str:
    """The browser's CSRF cookie value (set by `Guard` on its first visit)."""
    return str(request.scope.get("state", {}).get("csrf_cookie", ""))


def csrf_subject(request: Request, cookie: str | None) -> str | None:
    """What a form token signs: the CSRF cookie, and in server mode the session cookie too.

    Bound to the session, a token is worthless with anyone else's session: an attacker who
    plants their own CSRF cookie and token in a victim's browser still has the wrong session.
    """
    if not cookie:
        return None
    session = request.cookies.get(SESSION_COOKIE) if request.app.state.server else None
    return f"{cookie}\n{session}" if session else cookie


def csrf_token(request: Request) -> str:
    """The token this request's pages carry (in a form field or the csrf-token meta tag)."""
    signer: CsrfSigner = request.app.state.csrf
    return signer.token_for(csrf_subject(request, csrf_cookie(request)) or "")


async def check_csrf(request: Request) -> None:
    """App-wide dependency: an unsafe request needs the token (form field or header)."""
    if request.method in SAFE_METHODS:
        return
    signer: CsrfSigner = request.app.state.csrf
    token = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if token is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    subject = csrf_subject(request, request.cookies.get(CSRF_COOKIE))
    if not signer.verify(subject, token):
        raise HTTPException(403, "The form expired or did not come from careerset; reload it.")
