"""What stands between the network and `worldwire serve`: Host checking, the access token, security headers.

A server on loopback is still reachable from web pages in the operator's browser: a page on an attacker's
domain that re-points its DNS name at 127.0.0.1 (DNS rebinding) sends requests with its own name as Host.
Answering only the names the server was started for stops that; a server other machines can reach also
needs a token. Every response says `nosniff`, sends no referrer, and the dashboard runs under a strict
Content-Security-Policy. HEAD is answered wherever GET is. See docs/security.md.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from worldwire.errors import Errors, WorldwireError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
COOKIE = "worldwire_token"
# The dashboard is this package's own files: scripts from here only, data from /api only, nothing
# framed, no forms. Inline style attributes (bar widths, swatches) are allowed; inline scripts are not.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
)


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to `bind` answers: loopback's, the bound address (unless it is a
    wildcard such as 0.0.0.0) and those given with --allow-host."""
    names = {*LOOPBACK_NAMES, *(h.lower().strip("[]") for h in extra)}
    if bind not in ("0.0.0.0", "::", ""):  # noqa: S104 - recognising a wildcard, not binding to one
        names.add(bind.lower().strip("[]"))
    return frozenset(names)


def check_bind(host: str, *, allow_remote: bool, token: str | None) -> None:
    """Refuse (E709) to listen where other machines can reach, unless asked to and given a token."""
    if not is_loopback(host) and not (allow_remote and token):
        raise WorldwireError(Errors.E709.format(host=host))


def read_token(path: Path | None) -> str | None:
    """The access token: the first line of `path`, else $WORLDWIRE_TOKEN, else None (no token)."""
    if path is not None:
        text = path.read_text(encoding="utf-8").strip()
        return text.splitlines()[0].strip() if text else None
    return os.environ.get("WORLDWIRE_TOKEN", "").strip() or None


def host_name(header: str) -> str:
    """The name part of a Host header: 'Example.org:8000' -> 'example.org', '[::1]:80' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: refuse unknown Hosts (E707) and requests without the token (E708), add the
    security headers to every response, and answer HEAD as GET without a body."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = None, token: str | None = None) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get(b"host", "")
        if self.hosts is not None and host_name(host) not in self.hosts:
            allowed = ", ".join(sorted(self.hosts))
            message = Errors.E707.format(host=host, allowed=allowed, host_only=host_name(host) or "NAME")
            await _error(send, 421, message)
            return
        if self.token is not None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if _same(query.get("token"), self.token):  # a browser's first visit: keep it in a cookie
                await _redirect_with_cookie(send, scope, query, self.token)
                return
            if not (_same(_bearer(headers), self.token) or _same(_cookie(headers), self.token)):
                await _error(send, 401, Errors.E708)
                return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_secured)


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _bearer(headers: dict[bytes, str]) -> str | None:
    scheme, _, value = headers.get(b"authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: dict[bytes, str]) -> str | None:
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(headers.get(b"cookie", ""))
    except Exception:  # a malformed Cookie header (CookieError, or worse) is no token
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel else None


async def _error(send: Send, status: int, message: str) -> None:
    code = message[1:5]
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _redirect_with_cookie(send: Send, scope: Scope, query: dict[str, str], token: str) -> None:
    rest = urlencode({k: v for k, v in query.items() if k != "token"})
    location = quote(scope.get("path", "/")) + (f"?{rest}" if rest else "")  # quoted: no CR/LF in a header
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    headers = [(b"location", location.encode()), (b"set-cookie", cookie.encode()), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 303, "headers": [*headers, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": b""})
