"""`tui-tracker serve`: the app in a browser tab through textual-serve, behind its gate.

Most tests replace textual-serve's Server with a recorder, so no server is left
running.  The gate (serve_guard.py) is tested as plain functions, then in front of
textual-serve's real aiohttp app in this process.  Some tests start the real server
(`tui-tracker serve` in a subprocess, on a free port, stopped like Ctrl+C): a page served
over HTTP; Ctrl+C with a tab open; another site's page and a rebound DNS name refused; the
printed address with its token; and a browser tab (spoken to over the same websocket
protocol as textual-serve's page) logging sets while the command line logs others on the
same database: two writers, nothing lost.  tests/browser drives the page in Chromium.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tui_tracker.cli import build_parser, main
from tui_tracker.commands import serve, serve_guard
from tui_tracker.commands.serve_guard import Gate
from tui_tracker.store import Store

TODAY = "2026-11-18"
SQUAT = "barbell-back-squat"  # what "squat" finds first in the app
BENCH = "barbell-bench-press"  # what "bench" names on the command line


# --- with textual-serve's Server replaced by a recorder ------------------------------------


class Recorded:
    def __init__(self) -> None:
        self.servers: list = []


@pytest.fixture
def recorded(monkeypatch) -> Recorded:
    """textual_serve.server.Server replaced: it records its arguments and serves nothing."""
    import textual_serve.server

    rec = Recorded()

    class FakeServer:
        def __init__(
            self,
            command: str,
            host: str = "localhost",
            port: int = 8000,
            title: str | None = None,
            public_url: str | None = None,
            **kw,
        ) -> None:
            self.command, self.host, self.port = command, host, port
            self.title, self.public_url, self.kw = title, public_url, kw
            self.served = False
            rec.servers.append(self)

        def serve(self, debug: bool = False) -> None:
            self.served = True

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    return rec


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "training.json"


def build(*argv: str):
    return serve.build_server(build_parser().parse_args(list(argv)))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("host", [None, "127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_building_the_server_on_loopback_gives_no_warning(recorded, db, capsys, host):
    extra = [] if host is None else ["--host", host]
    server = build("--db", str(db), "serve", *extra)
    out, err = capsys.readouterr()
    assert err == "" and out == ""
    assert server.host == ("127.0.0.1" if host is None else host.strip("[]"))
    assert server.port == 8000
    assert server.title == "tui-tracker"


@pytest.mark.parametrize(
    "host,shown",
    [
        ("0.0.0.0", "0.0.0.0 (every network interface)"),
        ("::", ":: (every network interface)"),
        ("192.168.1.20", "192.168.1.20 (not loopback)"),
        ("10.0.0.5", "10.0.0.5 (not loopback)"),
        ("::ffff:192.168.1.20", "::ffff:192.168.1.20 (not loopback)"),
        ("0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:0 (every network interface)"),
    ],
)
def test_a_non_loopback_host_warns_on_stderr_and_still_serves(recorded, db, capsys, host, shown):
    server = build("--db", str(db), "serve", "--host", host, "--port", "8123")
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        f"tui-tracker: warning: serving on {shown}, port 8123, to the network:\n"
        "  anyone with the printed address (it holds a secret token) can read"
    )
    assert "plain http shows that address to anyone on the network" in err
    assert "ssh -L 8123:localhost:8123 HOST" in err
    assert server.host == shown.split()[0] and server.port == 8123


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_wildcard_address_prints_an_address_of_this_machine_a_browser_can_open(
    recorded, db, capsys, host
):
    server = build("--db", str(db), "serve", "--host", host, "--port", "8123")
    where = urlsplit(server.public_url)
    address = ipaddress.ip_address(where.hostname)
    assert where.scheme == "http" and where.port == 8123
    assert not address.is_unspecified and address.version == ipaddress.ip_address(host).version
    with socket.socket(socket.AF_INET if address.version == 4 else socket.AF_INET6) as s:
        s.bind((str(address), 0))  # binds only to an address this machine has
    if not address.is_loopback:  # a network address: nothing more to say
        assert "--public-url" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "host,url", [("0.0.0.0", "http://127.0.0.1:8000"), ("::", "http://[::1]:8000")]
)
def test_a_wildcard_address_with_no_network_address_says_to_give_the_public_url(
    recorded, db, capsys, monkeypatch, host, url
):
    monkeypatch.setattr(
        serve,
        "machine_addresses",
        lambda: [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("fe80::1")],
    )
    server = build("--db", str(db), "serve", "--host", host)
    assert server.public_url == url  # this machine's own browser can open that
    assert (
        "no network address found: browsers on other machines need --public-url "
        "http://THIS-MACHINE:8000" in capsys.readouterr().err
    )


def test_a_wildcard_address_with_a_public_url_serves_that_url(recorded, db, capsys):
    server = build(
        "--db", str(db), "serve", "--host", "0.0.0.0", "--public-url", "http://gym-laptop:8000/"
    )
    err = capsys.readouterr().err
    assert "to the network" in err and "--public-url" not in err
    assert server.public_url == "http://gym-laptop:8000"
    assert server.page_url == f"http://gym-laptop:8000/?token={server.gate.token}"


def test_the_page_points_browsers_at_the_address_served(recorded, db):
    assert build("--db", str(db), "serve").public_url == "http://127.0.0.1:8000"
    assert (
        build("--db", str(db), "serve", "--host", "::1", "--port", "9000").public_url
        == "http://[::1]:9000"
    )


# --- the token: beyond loopback only, random, in the printed address ------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--host", "::1"],
        ["--host", "localhost"],
        ["--public-url", "http://localhost:9000"],
        ["--public-url", "http://[::1]:9000"],
    ],
)
def test_on_loopback_the_address_needs_no_token(recorded, db, argv):
    server = build("--db", str(db), "serve", *argv)
    assert server.gate.token is None
    assert server.page_url == server.public_url and "token" not in server.page_url


@pytest.mark.parametrize(
    "argv",
    [
        ["--host", "0.0.0.0"],
        ["--host", "192.168.1.20"],
        ["--public-url", "https://gym.example"],  # behind a proxy
        ["--public-url", "http://192.168.1.20:8000"],
    ],
)
def test_beyond_loopback_the_printed_address_carries_a_fresh_random_token(recorded, db, argv):
    tokens = set()
    for _ in range(3):
        server = build("--db", str(db), "serve", *argv)
        token = server.gate.token
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # 256 random bits, URL-safe
        assert server.page_url == f"{server.public_url}/?token={token}"
        tokens.add(token)
    assert len(tokens) == 3


def test_serve_prints_the_address_with_its_token(recorded, db, capsys):
    port = free_port()
    assert (
        main(
            [
                "--db",
                str(db),
                "serve",
                "--port",
                str(port),
                "--public-url",
                f"http://gym.example:{port}",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    token = recorded.servers[-1].gate.token
    assert out.startswith(f"Open http://gym.example:{port}/?token={token} in a browser;")


def test_the_command_runs_this_python_on_the_absolute_database(recorded, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my data").mkdir()
    server = build(
        "--db", "my data/it's.json", "--today", TODAY, "--theme", "ansi-dark", "--no-mouse", "serve"
    )
    assert shlex.split(server.command) == [
        f"TUI_TRACKER_SERVER_PID={os.getpid()}",  # the tab checks its server is alive
        sys.executable,
        "-m",
        "tui_tracker",
        "--db",
        str(tmp_path / "my data" / "it's.json"),
        "--today",
        TODAY,
        "--theme",
        "ansi-dark",
        "--no-mouse",
    ]
    assert Path(sys.executable).is_absolute()


def test_the_command_names_the_database_from_the_environment_too(recorded, tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_TRACKER_DB", str(tmp_path / "env.json"))
    server = build("serve")
    assert shlex.split(server.command)[1:] == [
        sys.executable,
        "-m",
        "tui_tracker",
        "--db",
        str(tmp_path / "env.json"),
    ]


def test_options_after_serve_are_passed_through_as_well(recorded, db):
    server = build("serve", "--db", str(db), "--today", TODAY)
    assert shlex.split(server.command)[4:] == ["--db", str(db), "--today", TODAY]


def test_the_command_starts_the_same_app_as_tui_tracker():
    # `python -m tui_tracker` is the package's __main__: the same main() as the script.
    out = subprocess.run(
        [sys.executable, "-m", "tui_tracker", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert out.returncode == 0 and out.stdout.startswith("tui-tracker ")


def test_serve_on_loopback_through_main_serves_and_returns_0(recorded, db, capsys):
    port = free_port()
    assert main(["--db", str(db), "serve", "--port", str(port)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"Open http://127.0.0.1:{port} in a browser" in out
    assert recorded.servers[-1].served
    assert db.exists()  # opened once here: an unreadable database fails now, not in every tab


@pytest.mark.parametrize("port", ["0", "65536", "-1", "80.5", "http", ""])
def test_a_bad_port_is_one_line_and_exit_2(recorded, db, capsys, port):
    assert main(["--db", str(db), "serve", "--port", port]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(
        "tui-tracker: error: argument --port: a port is a whole number from 1 to 65535"
    )
    assert recorded.servers == [] and not db.exists()


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "http://127.0.0.1", "", "my host", "999.1.1.1", "-x.example", "a_b"]
)
def test_a_bad_host_is_one_line_and_exit_2(recorded, db, capsys, host):
    assert main(["--db", str(db), "serve", f"--host={host}"]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("tui-tracker: error: argument --host: ")
    assert recorded.servers == [] and not db.exists()


def test_a_host_name_that_does_not_resolve_is_one_line_and_exit_2(recorded, db, capsys):
    assert main(["--db", str(db), "serve", "--host", "no-such-host.invalid"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("tui-tracker: error: cannot resolve --host 'no-such-host.invalid'")


def test_a_bad_public_url_is_one_line_and_exit_2(recorded, db, capsys):
    assert main(["--db", str(db), "serve", "--public-url", "gym-laptop:8000"]) == 2
    assert capsys.readouterr().err.startswith("tui-tracker: error: argument --public-url: ")


def test_a_port_in_use_is_one_line_and_exit_2_before_anything_is_written(recorded, db, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--db", str(db), "serve", "--port", str(port)]) == 2
    out, err = capsys.readouterr()
    assert err == (
        f"tui-tracker: error: cannot listen on 127.0.0.1:{port}: address already in use; "
        f"another server there? try --port {port + 1}\n"
    )
    assert not recorded.servers[-1].served and not db.exists()


# --- the gate: names, origins, token --------------------------------------------------------

GATE = Gate.for_server(
    port=8000,
    public_url="https://gym.example",
    token="T" * 43,
    bound_names={"127.0.0.1", "localhost"},
)


@pytest.mark.parametrize(
    "host,ok",
    [
        ("127.0.0.1:8000", True),
        ("127.0.0.1", True),
        ("LOCALHOST:8000", True),
        ("localhost.:8000", True),
        ("gym.example", True),
        ("GYM.EXAMPLE:443", True),
        ("localhost:9999", True),  # a tunnel may use another port: rebinding is about names
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example", False),
        ("localhost.evil.example:8000", False),
        ("evil.example@127.0.0.1", False),
        ("127.0.0.1:8000 evil", False),
        ("[::1]:8000", False),
        ("", False),
        (None, False),
    ],
)
def test_the_gate_answers_to_the_servers_own_names_only(host, ok):
    assert GATE.host_ok(host) is ok


@pytest.mark.parametrize(
    "origin,ok",
    [
        (None, True),  # not a browser: no page is behind it
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("HTTP://LocalHost:8000", True),
        ("https://gym.example", True),
        ("https://gym.example:443", True),
        ("http://gym.example", False),
        ("https://gym.example:8000", False),  # not where it is served
        ("http://127.0.0.1:3000", False),
        ("http://127.0.0.1", False),
        ("http://localhost", False),
        ("http://evil.example", False),
        ("http://evil.example:8000", False),
        ("null", False),
        ("http://127.0.0.1:8000/page", False),
        ("http://me@127.0.0.1:8000", False),
        ("", False),
        ("file://", False),
        ("ws://127.0.0.1:8000", False),
    ],
)
def test_the_gate_lets_only_the_servers_own_pages_open_the_websocket(origin, ok):
    assert GATE.origin_ok(origin) is ok


@pytest.mark.parametrize(
    "given,ok",
    [
        ("T" * 43, True),
        ("T" * 42, False),
        ("T" * 44, False),
        ("t" * 43, False),
        ("", False),
        (None, False),
        ("\u00e9" * 43, False),
        ("\udcff", False),
    ],
)
def test_the_gate_wants_the_exact_token(given, ok):
    assert GATE.token_ok(given) is ok


def test_the_token_is_compared_in_constant_time(monkeypatch):
    original, seen = serve_guard.hmac.compare_digest, []

    def compare_digest(a, b):
        seen.append((a, b))
        return original(a, b)

    monkeypatch.setattr(serve_guard.hmac, "compare_digest", compare_digest)
    assert GATE.token_ok("T" * 43) and not GATE.token_ok("guess")
    assert seen == [(b"T" * 43, b"T" * 43), (b"guess", b"T" * 43)]


# --- the gate in front of textual-serve's own app, in this process --------------------------


@contextlib.asynccontextmanager
async def in_process(db: Path, *argv: str):
    """The real server's aiohttp app, listening on loopback, built from `serve` arguments."""
    from aiohttp.test_utils import TestClient, TestServer

    port = free_port()
    server = build("--db", str(db), "serve", "--port", str(port), *argv)
    app = await server._make_app()
    async with TestClient(TestServer(app, host="127.0.0.1", port=port)) as client:
        yield server, client, port


async def test_beyond_loopback_the_page_and_the_websocket_need_the_token(db, caplog):
    """A tunnel or proxy in front (--public-url not on loopback): the token is needed."""
    import aiohttp

    async with in_process(db, "--public-url", "http://gym.test:9999") as (server, client, port):
        token = server.gate.token
        for path in (
            "/",
            "/?token=",
            "/?token=guess",
            f"/?token={token[:-1]}",
            f"/?token={token}x",
            f"/?tok={token}",
        ):
            response = await client.get(path)
            assert response.status == 403, path
            assert (await response.text()).startswith("Refused: open the full address")
        page = await client.get(f"/?token={token}")
        assert page.status == 200
        assert f'data-session-websocket-url="ws://gym.test:9999/ws/{token}"' in await page.text()
        assert (await client.get("/static/js/textual.js")).status == 200  # the same for all

        mine = {"Origin": f"http://127.0.0.1:{port}"}
        for path, headers in [
            ("/ws", mine),
            ("/ws/guess", mine),
            (f"/ws/{token}x", mine),
            (f"/ws/{token}", {"Origin": "http://evil.example"}),
            (f"/ws/{token}", {"Origin": "http://gym.test:8000"}),
        ]:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(path, headers=headers)
            assert refused.value.status == 403, (path, headers)
    assert "refused a WebSocket from a page at 'http://evil.example' (another site)" in caplog.text


async def test_what_a_client_sends_cannot_drive_the_servers_terminal(db, caplog):
    """The server's log shows headers (Origin, User-Agent): a C1 CSI must not reach the terminal."""
    caplog.set_level("INFO")
    async with in_process(db) as (server, client, port):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Origin: http://evil.example\u009b2J\r\nUser-Agent: x\u009b31m\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n".encode()
        )
        await writer.drain()
        assert (await reader.readline()).startswith(b"HTTP/1.1 403")
        deadline = time.monotonic() + 10
        while not any('"GET /ws HTTP/1.1" 403' in r.getMessage() for r in caplog.records):
            assert time.monotonic() < deadline, "the refused request was never logged"
            await asyncio.sleep(0.01)
        writer.close()
        await writer.wait_closed()
    lines = [r.getMessage() for r in caplog.records]
    assert any("x\\x9b31m" in line for line in lines), lines  # the User-Agent, escaped
    assert any("refused a WebSocket" in line and "\\x9b2J" in line for line in lines), lines
    assert not any("\u009b" in line for line in lines)


async def test_the_page_loads_nothing_from_another_site_and_all_it_loads_is_served(db):
    async with in_process(db) as (server, client, port):
        html = await (await client.get("/")).text()
        assert "googleapis" not in html and "//fonts." not in html
        urls = re.findall(r'(?:src|href)="([^"]*)"|url\("?([^")]*)"?\)', html)
        urls = [a or b for a, b in urls]
        assert any(u.endswith("RobotoMono-VariableFont_wght.ttf") for u in urls)
        assert len(urls) >= 5
        for url in urls:
            assert url.startswith(f"http://127.0.0.1:{port}/static/"), url
            assert (await client.get(urlsplit(url).path)).status == 200, url


async def test_the_page_is_not_framed_cached_or_named_as_a_referrer(db):
    async with in_process(db) as (server, client, port):
        page = await client.get("/")
        assert page.headers["X-Frame-Options"] == "DENY"
        assert page.headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert page.headers["Cache-Control"] == "no-store"
        assert page.headers["X-Content-Type-Options"] == "nosniff"


async def test_the_font_is_shared_with_the_servers_own_pages_only(db):
    """Fonts are fetched with CORS: a page opened as localhost loads them from 127.0.0.1."""
    async with in_process(db) as (server, client, port):
        font = "/static/fonts/RobotoMono-VariableFont_wght.ttf"
        mine = f"http://localhost:{port}"
        shared = await client.get(font, headers={"Origin": mine})
        assert shared.status == 200 and shared.headers["Access-Control-Allow-Origin"] == mine
        other = await client.get(font, headers={"Origin": "http://evil.example"})
        assert "Access-Control-Allow-Origin" not in other.headers


def test_serve_does_not_import_textual_serve_until_it_runs():
    code = (
        "import sys, tui_tracker.cli as c; c.build_parser(); print('textual_serve' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_textual_serve_starts_the_app_with_textual_driver_set():
    """The app refuses a stdin that is not a tty unless TEXTUAL_DRIVER is set: textual-serve sets it."""
    from textual_serve.app_service import AppService

    service = AppService(
        "true", write_bytes=None, write_str=None, close=None, download_manager=None
    )
    env = service._build_environment(80, 24)
    assert env["TEXTUAL_DRIVER"] == "textual.drivers.web_driver:WebDriver"


# --- the real server, in a subprocess ------------------------------------------------------


def _script() -> list[str]:
    script = Path(sys.executable).with_name("tui-tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui_tracker"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTUAL_DRIVER", "TUI_TRACKER_DB")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Served:
    """`tui-tracker --db DB --today TODAY serve --port PORT [ARG...]`, stopped like Ctrl+C at the end."""

    def __init__(self, db: Path, tmp_path: Path, *args: str, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / "serve.log"
        self.terminated = False
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [
                    *_script(),
                    "--db",
                    str(db),
                    "--today",
                    TODAY,
                    "serve",
                    "--port",
                    str(self.port),
                    *args,
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**_env(), "COLUMNS": "1000"},  # textual-serve's log lines unwrapped
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def printed_address(self) -> str:
        """The address serve printed for the lifter to open (once it answers, it has printed it)."""
        self.get("/static/js/textual.js")
        return re.search(r"^Open (\S+) in a browser", self.output(), re.MULTILINE)[1]

    def get(self, path: str = "/", timeout: float = 20) -> tuple[int, str, str]:
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, f"serve exited: {self.output()}"
            try:
                with urllib.request.urlopen(self.url + path, timeout=2) as r:
                    return r.status, r.headers.get("Content-Type", ""), r.read().decode()
            except OSError as e:
                if time.monotonic() > deadline:
                    raise AssertionError(f"{self.url} never answered: {self.output()}") from e
                time.sleep(0.05)

    def terminate(self) -> None:
        """SIGTERM: textual-serve's graceful exit, as Ctrl+C (once: a second one aborts it)."""
        if not self.terminated and self.proc.poll() is None:
            self.proc.terminate()
            self.terminated = True

    def stop(self, timeout: float = 15) -> int:
        self.terminate()
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()
            raise AssertionError(f"serve did not stop in {timeout} s: {self.output()}") from e


def test_serve_answers_a_browser_and_stops_cleanly(tmp_path):
    server = Served(tmp_path / "training.json", tmp_path)
    try:
        status, kind, html = server.get("/")
        assert status == 200 and kind.startswith("text/html")
        assert (
            "<html" in html
            and f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in html
        )
        assert server.get("/static/js/textual.js")[0] == 200
    finally:
        code = server.stop()
    assert code == 0, server.output()
    assert f"Open {server.url} in a browser" in server.output()
    assert "warning" not in server.output()


async def test_stopping_the_server_quits_the_open_tabs_apps_at_once(tmp_path):
    import aiohttp

    server = Served(tmp_path / "training.json", tmp_path)
    try:
        await asyncio.to_thread(server.get, "/")
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://127.0.0.1:{server.port}/ws?width=80&height=24") as ws:
                tab = Tab(ws)
                await tab.wait_for("No exercises yet")
                started = time.monotonic()
                server.terminate()  # Ctrl+C, with a tab open
                await asyncio.wait_for(tab.closed.wait(), 10)  # closed once its app has exited
                assert ws.close_code == 1000
    finally:
        code = server.stop()
    assert code == 0, server.output()
    assert (
        time.monotonic() - started < 15
    )  # textual-serve alone waits about 20 s (a loaded box: headroom)


# --- a browser tab and the command line writing at once ------------------------------------

ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]"
    r"|\x1b[=>78MNOP]"
)


class Tab:
    """A browser tab, as textual-serve's page speaks to the server: JSON envelopes over /ws."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.screen: list[str] = []
        self.closed = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:  # the app's terminal output
                self.screen.append(message.data.decode("utf-8", "replace"))
        self.closed.set()

    def text(self) -> str:
        return ANSI.sub("", "".join(self.screen))

    async def wait_for(self, needle: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < deadline, (
                f"{needle!r} never appeared: {self.text()[-1500:]!r}"
            )
            await asyncio.sleep(0.03)

    async def send(self, *keys: str, pause: float = 0.05) -> None:
        """Keys for the focused widget (they reach it in order)."""
        for k in keys:
            await self.ws.send_json(["stdin", k])
            await asyncio.sleep(pause)

    async def settle(self, quiet: float = 0.25, timeout: float = 10) -> None:
        """Wait until the app has painted everything it had to (a cursor blink is 2 Hz)."""
        deadline = time.monotonic() + timeout
        seen, since = len(self.screen), time.monotonic()
        while time.monotonic() - since < quiet:
            assert time.monotonic() < deadline, "the app never stopped painting"
            await asyncio.sleep(0.02)
            if len(self.screen) != seen:
                seen, since = len(self.screen), time.monotonic()

    async def next_field(self) -> None:
        """Tab: keys typed ahead keep their order, so the next key may follow at once."""
        await self.ws.send_json(["stdin", "\t"])


def day_sets(db: Path) -> list:
    store = Store(db)
    try:
        day = date.fromisoformat(TODAY)
        return [s for session in store.sessions_between(day, day) for s in session.sets]
    finally:
        store.close()


async def test_a_browser_tab_and_the_command_line_write_at_once_and_nothing_is_lost(tmp_path):
    """Each tab is its own app process: beside a CLI (an SSH session) it is a second writer.

    The writes alternate: after each set the tab saves, it waits until the command line
    has saved more, so each of the tab's next saves lands on files the other process
    changed since the tab last wrote them.
    """
    import aiohttp

    db = tmp_path / "training.json"
    server = Served(db, tmp_path)
    tab_sets, runs = 4, []
    tab_done = asyncio.Event()

    async def command_line() -> None:  # the other writer, until the tab is done
        while not tab_done.is_set() or len(runs) < 2:
            weight = 80 + len(runs)
            p = await asyncio.create_subprocess_exec(
                *_script(),
                "--db",
                str(db),
                "--today",
                TODAY,
                "log",
                "bench",
                f"{weight}x8@2",
                f"{weight}x7@1",
                env=_env(),
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            out, _ = await p.communicate()
            assert p.returncode == 0, out.decode()
            runs.append(weight)

    def count(exercise_id: str) -> int:
        return sum(s.exercise_id == exercise_id for s in day_sets(db))

    async def until(condition, what: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.03)

    try:
        await asyncio.to_thread(server.get, "/")
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://127.0.0.1:{server.port}/ws?width=80&height=24") as ws:
                tab = Tab(ws)
                await ws.send_json(["resize", {"width": 80, "height": 24}])
                await tab.wait_for("No exercises yet")
                cli = asyncio.create_task(command_line())
                await tab.send("a")
                await tab.wait_for("Add an exercise")
                await tab.send(*"squat", "\r")
                await tab.wait_for("type weight, reps")
                for n in range(1, tab_sets + 1):
                    if n == 1:
                        await tab.send("1", "0", "0")
                        await tab.next_field()
                        await tab.send("5")
                        await tab.next_field()
                        await tab.send("2", "\r")
                    else:
                        await tab.send("\r")  # Enter repeats the set
                    await until(lambda: count(SQUAT) == n, f"squat set {n} on disk")  # noqa: B023 (awaited here)
                    await tab.wait_for(f"Saved set {n}")
                    bench_now = count(BENCH)  # the tab's app now holds a stale copy: the CLI writes
                    await until(lambda: count(BENCH) > bench_now, "the command line to log more")  # noqa: B023 (awaited here)
                tab_done.set()
                await asyncio.wait_for(cli, 30)
                await tab.send("q")  # the tab's app quits; textual-serve closes the socket
                await asyncio.wait_for(tab.closed.wait(), 15)
    finally:
        tab_done.set()
        code = server.stop()
    assert code == 0, server.output()
    # The tab ran the command serve built: this Python, the package, the database, the day.
    assert f"-m tui_tracker --db {shlex.quote(str(db))} --today {TODAY}'" in server.output()

    sets = day_sets(db)
    assert [(s.weight_kg, s.reps, s.rir) for s in sets if s.exercise_id == SQUAT] == [
        (100, 5, 2)
    ] * tab_sets
    assert sorted((s.weight_kg, s.reps, s.rir) for s in sets if s.exercise_id == BENCH) == sorted(
        [(w, 8, 2) for w in runs] + [(w, 7, 1) for w in runs]
    )
    assert not list(tmp_path.glob("*.tmp-*"))


# --- who may come in: the page's own origin, on the server's own names ----------------------


async def _handshake(url: str, **headers: str) -> int:
    """The HTTP status a WebSocket handshake gets (101 = in; then it hangs up at once)."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as e:
            return e.status


async def test_a_page_from_another_origin_cannot_open_the_websocket(tmp_path):
    """Any page the lifter visits could otherwise drive the app: ws://127.0.0.1:PORT/ws."""
    server = Served(tmp_path / "training.json", tmp_path)
    ws = f"ws://127.0.0.1:{server.port}/ws?width=80&height=24"
    try:
        await asyncio.to_thread(server.get, "/")
        for origin in (
            "http://evil.example",
            f"http://evil.example:{server.port}",
            "http://127.0.0.1:1",
            f"https://127.0.0.1.evil.example:{server.port}",
            "null",
            "file://",
        ):
            assert await _handshake(ws, Origin=origin) == 403, origin
        for origin in (server.url, f"http://localhost:{server.port}"):
            assert await _handshake(ws, Origin=origin) == 101, origin
    finally:
        code = server.stop()
    assert code == 0, server.output()


async def test_a_rebound_dns_name_gets_neither_the_page_nor_the_websocket(tmp_path):
    """DNS rebinding: evil.example first serves a script, then resolves to 127.0.0.1.  To the
    browser the server is then the same origin as that page; only its Host header says so."""
    server = Served(tmp_path / "training.json", tmp_path)
    attacker = f"evil.example:{server.port}"
    try:
        await asyncio.to_thread(server.get, "/")
        request = urllib.request.Request(server.url + "/", headers={"Host": attacker})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
        assert refused.value.read().decode() == (
            f"Refused: this tui-tracker server does not answer to the name {attacker}. If that "
            f"is how you reach it, restart it with --public-url http://{attacker}\n"
        )
        ws = f"ws://127.0.0.1:{server.port}/ws"
        assert await _handshake(ws, Host=attacker, Origin=f"http://{attacker}") == 403
        assert await _handshake(ws, Host=attacker) == 403
        assert server.get("/")[0] == 200  # its own name still works
    finally:
        code = server.stop()
    assert code == 0, server.output()


async def test_the_printed_address_opens_the_page_and_its_websocket_through_a_proxy(tmp_path):
    """--public-url on another name (a proxy or tunnel in front): the token is needed, and the
    address printed, the page and its WebSocket all carry it."""
    import aiohttp

    port = free_port()
    public = f"http://gym.test:{port}"
    server = Served(tmp_path / "training.json", tmp_path, "--public-url", public, port=port)
    try:
        address = await asyncio.to_thread(server.printed_address)
        token = re.fullmatch(rf"{re.escape(public)}/\?token=([A-Za-z0-9_-]{{43}})", address)[1]
        as_proxied = {"Host": f"gym.test:{port}"}  # what the browser sends through the proxy
        page = urllib.request.Request(f"{server.url}/?token={token}", headers=as_proxied)
        with urllib.request.urlopen(page, timeout=10) as r:
            html = r.read().decode()
        ws_url = re.search(r'data-session-websocket-url="([^"]+)"', html)[1]
        assert ws_url == f"ws://gym.test:{port}/ws/{token}"
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(
                f"ws://127.0.0.1:{port}/ws/{token}?width=80&height=24",
                headers={**as_proxied, "Origin": public},
            ) as ws:
                tab = Tab(ws)
                await tab.wait_for("No exercises yet")
                await tab.send("q")
                await asyncio.wait_for(tab.closed.wait(), 15)
    finally:
        code = server.stop()
    assert code == 0, server.output()
    assert "warning" not in server.output()  # bound to loopback: the proxy is the lifter's choice


def test_an_unknown_theme_is_refused_before_the_server_starts(capsys, tmp_path):
    code = main(
        [
            "--db",
            str(tmp_path / "t.json"),
            "--theme",
            "no-such-theme",
            "serve",
            "--port",
            str(free_port()),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "no theme 'no-such-theme'" in err and len(err.strip().splitlines()) == 1
