"""Who may use `tui-tracker serve`: the page's own origin, on the server's own names, with its token.

Each open tab can log, edit and delete sets, so three ways in are closed, in one aiohttp
middleware in front of every request:

- **Another site's page.** Browsers let any page open a WebSocket to any address, so a page
  the lifter visits could open ``ws://127.0.0.1:8000/ws`` and type into the app.  A browser
  always names the page that opens a socket (the ``Origin`` header), and a page cannot forge
  it: only the server's own pages get in.  A client that sends no Origin is not a browser,
  so no page is behind it (and beyond loopback it still needs the token).
- **DNS rebinding.** A name the attacker owns first serves a script, then resolves to
  127.0.0.1: the browser now takes the server for that page's own origin.  Only the ``Host``
  header tells, so a request naming anything but the server's own names is refused.
- **Anyone on the network.** Beyond loopback the printed address carries a random token,
  needed for the page and the WebSocket, and compared in constant time.

The checks are plain functions of a `Gate` built once at start-up; `install` wires them into
the aiohttp app that textual-serve builds.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import secrets
import socket
import struct
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

log = logging.getLogger("tui-tracker.serve")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

TOKEN_BYTES = 32  # 256 random bits: 43 URL-safe characters
WEBSOCKET_WITH_TOKEN = "websocket_token"  # the route the page uses when a token is needed

_HOST_HEADER = re.compile(
    r"(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9._-]+))(?::[0-9]{1,5})?"
)
_ORIGIN = re.compile(
    r"(?P<scheme>https?)://(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9._-]+))"
    r"(?::(?P<port>[0-9]{1,5}))?",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_name(text: str) -> str:
    """One spelling per host: lower case, no brackets or final dot, IPv6 compressed."""
    name = text.strip().strip("[]").rstrip(".").lower()
    try:
        return str(ipaddress.ip_address(name))
    except ValueError:
        return name


def url_port(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or _DEFAULT_PORTS.get(parts.scheme, 80)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True)
class Gate:
    """The server's names, the origins of its pages, and its token (None: not needed).

    `names` are what a browser may put in Host: whatever reaches the server.  `origins`
    are (name, port) pairs its page is served on: the bound port under every name, and the
    public URL's own name and port (a proxy or tunnel in front may use another port).
    """

    names: frozenset[str]
    origins: frozenset[tuple[str, int]]
    token: str | None

    @classmethod
    def for_server(
        cls, *, port: int, public_url: str, bound_names: set[str], token: str | None
    ) -> Gate:
        public = (host_name(urlsplit(public_url).hostname or ""), url_port(public_url))
        names = {host_name(n) for n in bound_names}
        return cls(
            names=frozenset(names | {public[0]}),
            origins=frozenset({(n, port) for n in names} | {public}),
            token=token,
        )

    def host_ok(self, host: str | None) -> bool:
        match = _HOST_HEADER.fullmatch(host or "")
        return bool(match) and host_name(match["v6"] or match["name"]) in self.names

    def origin_ok(self, origin: str | None) -> bool:
        """No Origin is no browser: allowed.  Otherwise one of the server's own pages."""
        if origin is None:
            return True
        match = _ORIGIN.fullmatch(origin)
        if not match:
            return False  # "null" (a sandboxed frame, a file), paths, user names, junk
        port = int(match["port"]) if match["port"] else _DEFAULT_PORTS[match["scheme"].lower()]
        return (host_name(match["v6"] or match["name"]), port) in self.origins

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        if given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), self.token.encode())


# --- the refusals, as the lifter (or an attacker's script) reads them -----------------------

WRONG_HOST = (
    "Refused: this tui-tracker server does not answer to the name {name}. If that is "
    "how you reach it, restart it with --public-url http://{name}\n"
)
FOREIGN_ORIGIN = (
    "Refused: only the tui-tracker page itself may connect, not a page from {origin}.\n"
)
NO_TOKEN = (
    "Refused: open the full address tui-tracker serve printed when it started "
    "(it ends with ?token=...).\n"
)


def install(app, gate: Gate) -> None:
    """Put the gate in front of every route of textual-serve's aiohttp app."""
    from aiohttp import web

    @web.middleware
    async def guard(request: web.Request, handler):
        route = request.match_info.route.name
        host = request.headers.get("Host")
        if not gate.host_ok(host):
            log.warning(
                "refused %s %a: Host %a is not one of this server's names",
                request.method,
                request.path,
                host,
            )
            raise web.HTTPForbidden(text=WRONG_HOST.format(name=_shown(host)))
        if route in ("websocket", WEBSOCKET_WITH_TOKEN):
            origin = request.headers.get("Origin")
            if not gate.origin_ok(origin):
                log.warning("refused a WebSocket from a page at %a (another site)", origin)
                raise web.HTTPForbidden(text=FOREIGN_ORIGIN.format(origin=_shown(origin)))
        if gate.token is not None and route in ("index", "websocket", WEBSOCKET_WITH_TOKEN):
            given = (
                request.match_info.get("token")
                if route == WEBSOCKET_WITH_TOKEN
                else request.query.get("token")
            )
            if not gate.token_ok(given):
                log.warning("refused %s %a: no valid token", request.method, request.path)
                raise web.HTTPForbidden(text=NO_TOKEN)
        return await handler(request)

    async def safe_headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.setdefault("X-Frame-Options", "DENY")  # no page may frame the app
        response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")  # the token stays here
        route = request.match_info.route.name
        if route == "index":
            response.headers["Cache-Control"] = "no-store"
        elif (
            route == "static" and gate.origin_ok(origin := request.headers.get("Origin")) and origin
        ):
            # Fonts are fetched with CORS: a page opened as localhost gets them from 127.0.0.1.
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"

    app.middlewares.append(guard)
    app.on_response_prepare.append(safe_headers)
    for name in ("aiohttp.access", log.name):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _PrintableOnly) for f in logger.filters):
            logger.addFilter(_PrintableOnly())


class _PrintableOnly(logging.Filter):
    """Log lines carry what clients sent (User-Agent, Referer): escape what could drive the
    server's terminal.  The HTTP parser already refuses ESC; C1 controls (U+0080-U+009F,
    CSI among them) and the like get through it, and Rich prints them raw."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.isprintable():
            record.msg, record.args = (
                "".join(c if c.isprintable() or c == "\n" else ascii(c)[1:-1] for c in message),
                (),
            )
        return True


def _shown(text: str | None) -> str:
    """A header's value, safe to show: printable ASCII only, not too long."""
    shown = "".join(c if " " <= c <= "~" else "?" for c in (text or "(none)"))
    return shown if len(shown) <= 80 else shown[:77] + "..."


# --- this machine's addresses, for a server on every interface -------------------------------


def machine_addresses() -> list[Address]:
    """This machine's own addresses, found locally (no packet is sent): interfaces first."""
    found: list[Address] = []
    found += _linux_ipv4_interfaces()
    found += _linux_ipv6_interfaces()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        infos = []
    for info in infos:
        try:
            found.append(ipaddress.ip_address(info[4][0].split("%", 1)[0]))
        except ValueError:
            pass
    return list(dict.fromkeys(found))


def browsable(addresses: list[Address], version: int) -> Address | None:
    """The address to print for a wildcard bind: one other machines can open (LAN first)."""
    usable = [
        a
        for a in addresses
        if a.version == version
        and not (a.is_loopback or a.is_link_local or a.is_unspecified or a.is_multicast)
    ]
    usable.sort(key=lambda a: not a.is_private)  # stable: interface order within each kind
    return usable[0] if usable else None


def _linux_ipv4_interfaces() -> list[Address]:
    if not sys.platform.startswith("linux"):
        return []
    import fcntl

    siocgifaddr = 0x8915
    out: list[Address] = []
    try:
        names = socket.if_nameindex()
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    except OSError:
        return out
    with sock:
        for _index, name in names:
            try:
                packed = fcntl.ioctl(
                    sock.fileno(), siocgifaddr, struct.pack("256s", name.encode()[:15])
                )
            except OSError:
                continue  # down, or no IPv4 address
            out.append(ipaddress.IPv4Address(packed[20:24]))
    return out


def _linux_ipv6_interfaces() -> list[Address]:
    try:
        with open("/proc/net/if_inet6", encoding="ascii") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    out: list[Address] = []
    for line in lines:
        fields = line.split()
        try:
            out.append(ipaddress.IPv6Address(bytes.fromhex(fields[0])))
        except (IndexError, ValueError):
            continue
    return out
