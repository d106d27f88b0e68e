"""A polite, safe HTTP fetcher for `worldwire watch`: feeds, sitemaps, article pages and robots.txt.

Polite: an identifiable User-Agent, robots.txt respected (RFC 9309; its Crawl-delay too), at most
`per_host` requests at once to one host and `delay` seconds between their starts, conditional GET
(ETag / Last-Modified, a 304 costs no body), no cookies kept or sent.

Safe, because feeds are third-party input: every response is bounded (connect and read timeouts, a
deadline for the whole exchange, `max_bytes` counted after decompression, at most 5 redirects and no
loop), its content type is checked before its body is read, and only http(s) is spoken. A link or redirect
a feed gives may not lead to a loopback, private, link-local, shared or cloud-metadata address (SSRF):
the host name is resolved, every address it has must be public, and the connection goes to the very
address that was checked (so a DNS answer cannot change in between), on every hop. The addresses the
operator names (sources on the command line, webhooks) are fetched as named; a redirect from one to
another host is a link like any other. `allow_private` lifts the check on purpose (tests on 127.0.0.1,
feeds on one's own network).

Nothing here raises for a bad response: `get` returns a `Fetched` whose `error` is a message with its code
and whose `transient` says whether trying again next cycle may help.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from worldwire.errors import Errors

Kind = Literal["feed", "page", "robots", "webhook"]
REDIRECTS = (301, 302, 303, 307, 308)
# Content types each kind of resource may have (parameters such as charset aside). Feeds are often
# served as text/html or text/plain by mistake: they are parsed, and what is no feed fails there (E112).
CONTENT_TYPES: dict[Kind, tuple[str, ...]] = {
    "feed": (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/html",
        "text/plain",
        "application/octet-stream",
    ),
    "page": ("text/html", "application/xhtml+xml", "text/plain"),
    "robots": ("text/plain",),
    "webhook": (),
}
WANTED = {
    "feed": "an RSS/Atom feed or a sitemap",
    "page": "a web page",
    "robots": "a robots.txt file",
    "webhook": "",
}
ROBOTS_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB are read; the rest is ignored
ROBOTS_SECONDS = 24 * 3600  # a host's robots.txt is read again after this long
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay past this is taken as this (a cycle must end)
# Statuses that may pass: tried again next cycle. Others (404, 410, 403...) are final for that address.
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def user_agent(version: str, contact: str | None = None) -> str:
    """worldwire's User-Agent: its name and version, and how to reach whoever runs it."""
    return f"worldwire/{version} (news event coder{f'; +{contact}' if contact else ''})"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How the fetcher behaves; every number is a bound or a courtesy (docs/watch.md)."""

    user_agent: str
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_seconds: float = 60.0  # the whole exchange, redirects and body included
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 2
    delay: float = 1.0  # seconds between the starts of two requests to one host
    connections: int = 8
    allow_private: bool = False
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    """The outcome of one fetch: a body, "not modified", or an error with its code."""

    url: str
    final_url: str | None = None
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    transient: bool = False

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error is None


class RefusedAddress(Exception):
    """A host resolved to an address that links may not reach (raised while connecting)."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} is {kind} ({address})")
        self.host, self.address, self.kind = host, address, kind


def address_kind(address: str) -> str | None:
    """Why `address` is not a public Internet address ('loopback', 'private'...), or None if it is."""
    ip = ipaddress.ip_address(address.split("%", maxsplit=1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(str(embedded))
    checks = (
        ("unspecified", ip.is_unspecified),
        ("a loopback address", ip.is_loopback),
        ("a link-local address (cloud metadata lives there)", ip.is_link_local),
        ("a multicast address", ip.is_multicast),
        ("a private address", ip.is_private),
        ("a reserved address", ip.is_reserved),
        ("not a public address", not ip.is_global),  # 100.64/10 (shared, Alibaba's metadata) among others
    )
    return next((kind for kind, hit in checks if hit), None)


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all public; RefusedAddress when any of them is not (a name that
    points both in and out is refused whole)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host!r}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        kind = address_kind(address)
        if kind is not None:
            raise RefusedAddress(host, address, kind)
    return addresses


class _PublicOnly(httpcore.SyncBackend):
    """Connects only to public addresses, to the very address it checked (no second DNS lookup)."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host!r}")


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool whose connections go through `_PublicOnly`."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(trust_env=False, limits=limits)
        # httpx 0.28 builds its pool in __init__ without a way to pass a network backend: replace it.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_PublicOnly(),
        )


class _HostGate:
    """At most `slots` requests at once to one host, starting at least `delay` seconds apart."""

    def __init__(self, slots: int) -> None:
        self.slots = threading.Semaphore(slots)
        self.lock = threading.Lock()
        self.next_start = 0.0

    @contextlib.contextmanager
    def turn(self, delay: float) -> Iterator[None]:
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + delay
            if start > now:
                time.sleep(start - now)
            yield


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed
    fetched_at: float
    error: str | None = None  # the host's robots.txt could not be read (5xx, network): nothing allowed


def _no_cookies() -> CookieJar:
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def _host_key(url: str) -> str:
    _, host, port = _origin(url)
    return f"{host}:{port}" if port else host


def bad_url(url: str) -> str | None:
    """Why `url` cannot be fetched at all (scheme, host, credentials), or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError as exc:
        return f"it is not a valid address ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http:// and https:// addresses are fetched, not {parts.scheme or 'a relative'!r} ones"
    if not parts.hostname:
        return "it names no host"
    if parts.username or parts.password:
        return "it carries a user name or password, which worldwire never sends"
    return None


@dataclass
class Fetcher:
    """Fetches with `policy`; thread-safe (one instance serves a cycle's threads). Close it when done."""

    policy: FetchPolicy
    _gates: dict[str, _HostGate] = field(default_factory=dict, init=False)
    _robots: dict[str, _Robots] = field(default_factory=dict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _robots_locks: dict[str, threading.Lock] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        policy = self.policy
        limits = httpx.Limits(
            max_connections=policy.connections, max_keepalive_connections=policy.connections
        )
        timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
        options: dict[str, Any] = {
            "headers": {"User-Agent": policy.user_agent, "Accept-Language": "en"},
            "timeout": timeout,
            "follow_redirects": False,  # followed here, hop by hop, each one checked
            "cookies": _no_cookies(),
            "trust_env": False,  # no proxy or .netrc from the environment
        }
        self._named = httpx.Client(transport=httpx.HTTPTransport(trust_env=False, limits=limits), **options)
        linked = (
            httpx.HTTPTransport(trust_env=False, limits=limits)
            if policy.allow_private
            else _GuardedTransport(limits)
        )
        self._linked = httpx.Client(transport=linked, **options)

    def close(self) -> None:
        self._named.close()
        self._linked.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---- the exchange ------------------------------------------------------------------------------

    def get(
        self,
        url: str,
        kind: Kind,
        *,
        named: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET `url` as a `kind` resource. `named`: the operator named this address (a source), so its
        own host is fetched as named; everything else (links, other hosts a redirect leads to) must be
        public and allowed by robots.txt. `etag` / `last_modified`: the validators of the last fetch."""
        deadline = time.monotonic() + self.policy.total_seconds
        trusted = _origin(url) if named else None
        current, seen = url, {url}
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _hop in range(self.policy.max_redirects + 1):
            problem = bad_url(current)
            if problem:
                return Fetched(
                    url, current, error=Errors.E117.format(url=current, reason=problem, then=_FINAL)
                )
            as_named = trusted is not None and _origin(current) == trusted
            if not as_named and self.policy.robots and kind in ("page", "feed"):
                refused = self._robots_refusal(url, current)
                if refused is not None:
                    return refused
            result = self._exchange(url, current, kind, as_named, headers, deadline)
            if isinstance(result, Fetched):
                return result
            target = urljoin(current, result)
            if target in seen:
                problem = f"redirects in a loop (back to {target!r})"
                return Fetched(url, current, error=Errors.E121.format(url=url, problem=problem, limit=5))
            seen.add(target)
            current = target
        problem = f"redirects more than {self.policy.max_redirects} times"
        return Fetched(
            url, current, error=Errors.E121.format(url=url, problem=problem, limit=self.policy.max_redirects)
        )

    def _exchange(
        self, url: str, current: str, kind: Kind, as_named: bool, headers: dict[str, str], deadline: float
    ) -> Fetched | str:
        """One request: a final `Fetched`, or the Location a redirect points to."""
        client = self._named if as_named else self._linked
        delay = self.policy.delay
        if not as_named:
            delay = max(delay, self._crawl_delay(current))
        try:
            with self._gate(current).turn(delay):
                if time.monotonic() > deadline:
                    return _timed_out(url, current, self.policy.total_seconds)
                request = client.build_request("GET", current, headers=headers)
                response = client.send(request, stream=True)
                try:
                    return self._response(url, current, kind, response, deadline)
                finally:
                    response.close()
        except RefusedAddress as exc:
            return Fetched(
                url,
                current,
                error=Errors.E118.format(url=url, host=exc.host, kind=exc.kind, address=exc.address),
            )
        except httpx.TimeoutException as exc:
            reason = f"no answer in time ({type(exc).__name__}: connect {self.policy.connect_timeout:g} s, "
            reason += f"read {self.policy.read_timeout:g} s)"
            return Fetched(
                url, current, error=Errors.E117.format(url=url, reason=reason, then=_AGAIN), transient=True
            )
        except httpx.HTTPError as exc:  # refused connection, DNS failure, broken TLS, bad header...
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            return Fetched(
                url, current, error=Errors.E117.format(url=url, reason=reason, then=_AGAIN), transient=True
            )

    def _response(
        self, url: str, current: str, kind: Kind, response: httpx.Response, deadline: float
    ) -> Fetched | str:
        status = response.status_code
        if status in REDIRECTS and response.headers.get("location"):
            return response.headers["location"]
        base = {
            "final_url": str(response.url),
            "status": status,
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        refused = self._refused(url, kind, response, base)
        if refused is not None:
            return refused
        mime, charset = _content_type(response.headers.get("content-type"))
        limit = ROBOTS_BYTES if kind == "robots" else self.policy.max_bytes
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # decompressed: a gzip bomb counts at its unpacked size
            size += len(chunk)
            if size > limit:
                if kind == "robots":  # RFC 9309: parse what fits
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                return Fetched(url, error=Errors.E123.format(url=url, limit=limit), content_type=mime, **base)
            if time.monotonic() > deadline:
                return _timed_out(url, current, self.policy.total_seconds)
            chunks.append(chunk)
        return Fetched(url, body=b"".join(chunks), content_type=mime, charset=charset, **base)

    def _refused(
        self, url: str, kind: Kind, response: httpx.Response, base: dict[str, Any]
    ) -> Fetched | None:
        """The outcome of a response whose headers say enough: 304, an HTTP error, a content type not
        wanted, a declared length over the limit; None when its body is to be read."""
        status = response.status_code
        if status == 304:
            return Fetched(url, **base)
        if status >= 400 or status < 200 or status in REDIRECTS:
            transient = status in TRANSIENT_STATUS
            reason = f"the server answered HTTP {status} {response.reason_phrase}".rstrip()
            error = Errors.E117.format(url=url, reason=reason, then=_AGAIN if transient else _FINAL)
            return Fetched(url, error=error, transient=transient, **base)
        mime, _charset = _content_type(response.headers.get("content-type"))
        allowed = CONTENT_TYPES[kind]
        if allowed and mime is not None and mime not in allowed:
            error = Errors.E120.format(url=url, wanted=WANTED[kind], content_type=mime)
            return Fetched(url, error=error, content_type=mime, **base)
        declared = response.headers.get("content-length", "")
        if kind != "robots" and declared.isdigit() and int(declared) > self.policy.max_bytes:
            error = Errors.E123.format(url=url, limit=self.policy.max_bytes)
            return Fetched(url, error=error, content_type=mime, **base)
        return None

    def _gate(self, url: str) -> _HostGate:
        key = _host_key(url)
        with self._lock:
            gate = self._gates.get(key)
            if gate is None:
                gate = self._gates[key] = _HostGate(self.policy.per_host)
            return gate

    # ---- robots.txt --------------------------------------------------------------------------------

    def _robots_for(self, url: str) -> _Robots:
        scheme, host, port = _origin(url)
        key = f"{scheme}://{_host_key(url)}"
        with self._lock:
            reading = self._robots_locks.setdefault(key, threading.Lock())
        with reading:  # one thread reads a host's robots.txt; the others wait for it
            with self._lock:
                known = self._robots.get(key)
            if known is not None and time.monotonic() - known.fetched_at < ROBOTS_SECONDS:
                return known
            return self._read_robots(key, f"{scheme}://{host}{f':{port}' if port else ''}/robots.txt")

    def _read_robots(self, key: str, robots_url: str) -> _Robots:
        fetched = self.get(robots_url, "robots")
        if fetched.error is None and fetched.body is not None:
            parser = RobotFileParser(robots_url)
            parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
            entry = _Robots(parser, time.monotonic())
        elif fetched.status is not None and 400 <= fetched.status < 500:  # RFC 9309: no rules, all allowed
            entry = _Robots(None, time.monotonic())
        elif fetched.error and "[E118]" in fetched.error:
            entry = _Robots(None, time.monotonic())  # the page itself is refused for its address anyway
        else:  # 5xx, unreachable: RFC 9309 says assume everything disallowed; read it again next time
            entry = _Robots(None, time.monotonic() - ROBOTS_SECONDS, fetched.error or "no answer")
        with self._lock:
            self._robots[key] = entry
        return entry

    def _robots_refusal(self, url: str, current: str) -> Fetched | None:
        """A failed `Fetched` for `url` when robots.txt keeps worldwire from `current` (the hop)."""
        robots = self._robots_for(current)
        robots_url = urljoin(current, "/robots.txt")
        if robots.error is not None:
            reason = f"the robots.txt of its host could not be read ({robots.error.split('] ', 1)[-1][:200]})"
            error = Errors.E117.format(url=url, reason=reason, then=_AGAIN)
            return Fetched(url, current, error=error, transient=True)
        if robots.parser is not None and not robots.parser.can_fetch(self.policy.user_agent, current):
            return Fetched(
                url, current, error=Errors.E119.format(url=current, robots=robots_url, then=_FINAL)
            )
        return None

    def _crawl_delay(self, url: str) -> float:
        with self._lock:
            robots = self._robots.get(f"{_origin(url)[0]}://{_host_key(url)}")
        if robots is None or robots.parser is None:
            return 0.0
        delay = robots.parser.crawl_delay(self.policy.user_agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    # ---- webhooks ----------------------------------------------------------------------------------

    def post_json(self, url: str, payload: Any) -> str | None:
        """POST `payload` as JSON to `url`, an address the operator named (no redirect followed); the
        reason it failed, or None."""
        problem = bad_url(url)
        if problem:
            return problem
        try:
            response = self._named.post(url, json=payload)
        except httpx.HTTPError as exc:
            return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if not 200 <= response.status_code < 300:
            return f"the webhook answered HTTP {response.status_code}"
        return None


_AGAIN = "It is tried again next cycle."
_FINAL = "It is not fetched again."


def _timed_out(url: str, current: str, seconds: float) -> Fetched:
    reason = f"the exchange took more than {seconds:g} s"
    return Fetched(
        url, current, error=Errors.E117.format(url=url, reason=reason, then=_AGAIN), transient=True
    )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """The media type (lower case) and charset of a Content-Type header; (None, None) without one."""
    if not header:
        return None, None
    mime, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return mime.lower() or None, charset
