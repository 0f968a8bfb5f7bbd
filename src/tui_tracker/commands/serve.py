"""`tui-tracker serve`: the same app in a browser tab, through textual-serve.

textual-serve runs a small web server; each browser tab that connects starts its own
app process with the command built here (`python -m tui_tracker --db ABSOLUTE-PATH ...`,
through /bin/sh, with TEXTUAL_DRIVER set to Textual's web driver, so the app's
"stdin is not a tty" check lets it start).  Every tab is therefore one more writer on
the database, beside any SSH session: the store's lock covers them all.

It has no login.  It listens on loopback unless told otherwise, and says loudly on
stderr when it is told otherwise; then the printed address carries a random token
that the page and its WebSocket need.  Whatever the address, only the server's own
page may open the WebSocket, and only under the server's own names (serve_guard.py).
The page loads nothing from the internet, so it works offline (web/app_index.html).
The safe way in from another machine is still a tunnel.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import re
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .base import CliError, open_store, subcommand
from .serve_guard import (
    WEBSOCKET_WITH_TOKEN,
    Address,
    Gate,
    browsable,
    host_name,
    install,
    machine_addresses,
    new_token,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"(?=.{{1,253}}\.?$){_LABEL}(?:\.{_LABEL})*\.?")


def register(sub: argparse._SubParsersAction) -> None:
    p = subcommand(
        sub,
        "serve",
        help="serve the app to a web browser (loopback only unless --host says otherwise)",
        description="Serve the app to a web browser: each tab runs its own app on the same "
        "database. There is no login: keep the default loopback address and reach "
        f"it from another machine with: ssh -L {DEFAULT_PORT}:localhost:{DEFAULT_PORT} HOST",
    )
    p.add_argument(
        "--host",
        type=host_arg,
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only; "
        "anything else is reachable from the network: the printed address then "
        "carries a secret token, the only thing standing in for a login)",
    )
    p.add_argument(
        "--port",
        type=port_arg,
        default=DEFAULT_PORT,
        help=f"TCP port, 1-65535 (default: {DEFAULT_PORT})",
    )
    p.add_argument(
        "--public-url",
        type=url_arg,
        metavar="URL",
        help="the address browsers use to reach the server, if not http://HOST:PORT "
        "(a name this machine has on the network, a proxy, or ssh -L to another "
        "local port); requests naming any other host are refused",
    )
    p.set_defaults(func=cmd_serve)


# --- arguments ----------------------------------------------------------------------------


def port_arg(text: str) -> int:
    try:
        port = int(text.strip())
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a whole number from 1 to 65535 (got {text!r})")
    return port


def host_arg(text: str) -> str:
    """An IP address (IPv6 with or without brackets) or a host name; nothing else."""
    host = text.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    if _HOSTNAME.fullmatch(host) and not host.replace(".", "").isdigit():
        return host.rstrip(".").lower()
    raise argparse.ArgumentTypeError(
        f"give an IP address or a host name, e.g. {DEFAULT_HOST} (got {text!r}; "
        "the port goes in --port)"
    )


def url_arg(text: str) -> str:
    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(
            f"give a URL such as http://192.168.1.20:8000 (got {text!r})"
        )
    return url


# --- what is served, and where ------------------------------------------------------------


def _addresses(host: str, port: int) -> list[Address]:
    """The addresses the server will bind: the literal, or what the name resolves to."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise CliError(
            f"cannot resolve --host {host!r}: {getattr(e, 'strerror', None) or e}"
        ) from None
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


def _is_loopback(address: Address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def exposure_warning(
    host: str, port: int, public_url: str | None, picked: Address | None = None
) -> str:
    """What stderr says when the server is reachable from other machines."""
    try:
        wildcard = ipaddress.ip_address(host).is_unspecified
    except ValueError:
        wildcard = False
    where = f"{host} (every network interface)" if wildcard else f"{host} (not loopback)"
    lines = [
        f"tui-tracker: warning: serving on {where}, port {port}, to the network:",
        "  anyone with the printed address (it holds a secret token) can read and change",
        "  your training log, and plain http shows that address to anyone on the network.",
        f"  Safer: keep the default --host {DEFAULT_HOST} and, from your own machine,",
        f"  ssh -L {port}:localhost:{port} HOST, then open http://localhost:{port}",
    ]
    if wildcard and public_url is None and picked is None:
        lines.append(
            f"  (no network address found: browsers on other machines need "
            f"--public-url http://THIS-MACHINE:{port})"
        )
    return "\n".join(lines)


#: Names the server's pid in each tab's environment (ui/app.py checks it is alive).
SERVER_PID_ENV = "TUI_TRACKER_SERVER_PID"


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser tab runs: this Python, this package, this database."""
    from ..store import resolve_db_path

    if not sys.executable:
        raise CliError("cannot tell which Python is running (sys.executable is empty)")
    argv = [
        sys.executable,
        "-m",
        "tui_tracker",
        "--db",
        str(resolve_db_path(getattr(args, "db", None))),
    ]
    today = getattr(args, "today", None)
    if today is not None:
        argv += ["--today", today.isoformat()]
    if getattr(args, "theme", None):
        argv += ["--theme", args.theme]
    if getattr(args, "no_mouse", False):
        argv.append("--no-mouse")
    # The tab's app checks that this server is still alive (a kill -9 tells it nothing).
    return f"{SERVER_PID_ENV}={os.getpid()} {shlex.join(argv)}"


TAB_QUIT_SECONDS = 5


PAGE = Path(__file__).resolve().parent.parent / "web"  # the page template, served offline


def _server_class():
    """textual-serve's Server behind the gate, with a page that loads nothing from the internet.

    Stopping it (Ctrl+C) also quits the tabs' apps at once: as shipped, an open tab keeps
    the server's shutdown waiting about 20 s, and its app is quit only then.  Here each
    tab's handler is cancelled on shutdown, which makes textual-serve send the app its
    "quit" message: it leaves through its own exit.
    """
    import asyncio

    import aiohttp_jinja2
    from textual_serve.server import Server

    class TabServer(Server):
        def __init__(self, command: str, *, gate: Gate, **kw) -> None:
            super().__init__(command, templates_path=PAGE, **kw)
            self.gate = gate
            self._tabs: set[asyncio.Task] = set()

        @property
        def page_url(self) -> str:
            """The address to open: the public URL, with the token when one is needed."""
            if self.gate.token is None:
                return self.public_url
            return f"{self.public_url}/?token={self.gate.token}"

        async def _make_app(self):
            app = await super()._make_app()
            install(app, self.gate)
            token_path = ""
            if (
                self.gate.token is not None
            ):  # textual.js appends "?width=..": the token goes in the path
                app.router.add_get("/ws/{token}", self.handle_websocket, name=WEBSOCKET_WITH_TOKEN)
                token_path = f"/{self.gate.token}"
            aiohttp_jinja2.get_env(app).globals["websocket_token_path"] = token_path
            return app

        async def handle_websocket(self, request):
            task = asyncio.current_task()
            if task is not None:
                self._tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self._tabs.discard(task)

        async def on_shutdown(self, app) -> None:
            await super().on_shutdown(app)
            tabs = list(self._tabs)
            for task in tabs:
                task.cancel()
            if tabs:
                await asyncio.wait(tabs, timeout=TAB_QUIT_SECONDS)

    return TabServer


def build_server(args: argparse.Namespace):
    """The textual-serve Server for these arguments; warns on stderr if it is exposed.

    Beyond loopback (the bind, or the public URL a proxy or tunnel serves it on) the page
    and its WebSocket need a fresh random token, printed in the address to open.
    """
    host, port = args.host, args.port
    given_url = getattr(args, "public_url", None)
    addresses = _addresses(host, port)
    loopback = bool(addresses) and all(_is_loopback(a) for a in addresses)
    wildcard = next((a for a in addresses if a.is_unspecified), None)
    names = {host, *(str(a) for a in addresses)}
    if loopback:
        names.add("localhost")  # browsers resolve it themselves, never through DNS
    picked = None
    if wildcard is not None:  # every interface: this machine's names and addresses all reach it
        mine = machine_addresses()
        names |= {"localhost", "127.0.0.1", "::1", socket.gethostname(), *(str(a) for a in mine)}
        picked = None if given_url else browsable(mine, wildcard.version)
    public_url = given_url or _browser_url(host, port, wildcard, picked)
    if not loopback:
        print(exposure_warning(host, port, given_url, picked), file=sys.stderr)
    exposed = not loopback or not _is_loopback_url(public_url)
    gate = Gate.for_server(
        port=port, public_url=public_url, bound_names=names, token=new_token() if exposed else None
    )
    return _server_class()(
        app_command(args),
        host=host,
        port=port,
        title="tui-tracker",
        public_url=public_url,
        gate=gate,
    )


def _browser_url(host: str, port: int, wildcard: Address | None, picked: Address | None) -> str:
    """An address a browser can open: never 0.0.0.0 or ::, which name no machine."""
    if picked is not None:
        where = str(picked)
    elif wildcard is not None:  # no network address found: this machine's own browser
        where = "127.0.0.1" if wildcard.version == 4 else "::1"
    else:
        where = host
    return f"http://{_url_host(where)}:{port}"


def _is_loopback_url(url: str) -> bool:
    name = host_name(urlsplit(url).hostname or "")
    if name == "localhost":
        return True
    try:
        return _is_loopback(ipaddress.ip_address(name))
    except ValueError:
        return False  # another name: a proxy or tunnel that others may reach


def check_can_listen(host: str, port: int) -> None:
    """Bind (and release) the port the way the server will, to fail in one line, early."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as e:
        raise CliError(
            f"cannot resolve --host {host!r}: {getattr(e, 'strerror', None) or e}"
        ) from None
    for family, kind, proto, _name, address in infos:
        try:
            with socket.socket(family, kind, proto) as sock:
                if hasattr(
                    socket, "SO_REUSEADDR"
                ):  # as asyncio does: a recent server's port is free
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6 and hasattr(socket, "IPV6_V6ONLY"):
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind(address)
        except OSError as e:
            hint = f"; another server there? try --port {port + 1}" if port < 65535 else ""
            raise CliError(
                f"cannot listen on {_url_host(host)}:{port}: "
                f"{(e.strerror or str(e)).lower()}" + (hint if e.errno == errno.EADDRINUSE else "")
            ) from None


def cmd_serve(args: argparse.Namespace) -> int:
    from ..store import resolve_db_path
    from .tui import check_theme

    check_theme(getattr(args, "theme", None))  # else every tab's app would exit 2
    server = build_server(args)
    check_can_listen(args.host, args.port)
    open_store(args).close()  # a database that cannot be read fails here, once, not in every tab
    print(
        f"Open {server.page_url} in a browser; each tab runs its own app on "
        f"{resolve_db_path(getattr(args, 'db', None))}. Ctrl+C stops the server.",
        flush=True,
    )
    try:
        server.serve()
    except OSError as e:
        raise CliError(
            f"cannot listen on {_url_host(args.host)}:{args.port}: {e.strerror or e}"
        ) from None
    return 0
