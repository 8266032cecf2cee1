"""SR-05, SR-13, SR-19: the shipped nginx and Tor templates keep addresses out of logs and staff off the public host.

Neither nginx nor Tor runs in CI, so their files are read as text and checked directive by directive.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from bench import nginx
from solidarity.core import security

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
# Variables that would put a client's address, agent, referrer, cookies or query string in a log line.
IDENTIFYING = re.compile(
    r"\$(binary_remote_addr|remote_addr|realip_remote_addr|remote_port|remote_user|http_x_forwarded_for|"
    r"http_x_real_ip|http_user_agent|http_referer|http_cookie|request_uri|request|args|query_string|arg_\w+|uri)\b"
)
TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" * 5 + "ABCDEFGHIJ"  # 170 base32 characters, as assemblies/urls.py


@dataclass
class Directive:
    """One nginx directive: its name, its arguments (quotes removed), and its block if it has one."""

    name: str
    args: list[str]
    block: list[Directive] = field(default_factory=list)
    has_block: bool = False

    def find(self, name: str) -> list[Directive]:
        return [child for child in self.block if child.name == name]


def tokens(text: str) -> list[str]:
    """nginx's lexer, enough for these files: comments, quoted strings (braces inside kept), words."""
    found = []
    for match in re.finditer(r"#[^\n]*|\"((?:\\.|[^\"\\])*)\"|'((?:\\.|[^'\\])*)'|([{};])|([^\s{};\"'#]+)", text):
        if match.group(0).startswith("#"):
            continue
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        found.append(f"\x00{quoted}" if quoted is not None else match.group(0))
    return found


def parse(path: Path) -> list[Directive]:
    """Every directive of an nginx file as a tree (quoted arguments unquoted)."""
    stack: list[list[Directive]] = [[]]
    words: list[str] = []
    for token in tokens(path.read_text()):
        if token in {";", "{"}:
            assert words, f"{path.name}: an empty statement"
            names = [word.removeprefix("\x00") for word in words]
            directive = Directive(names[0], names[1:], has_block=token == "{")
            stack[-1].append(directive)
            if token == "{":
                stack.append(directive.block)
            words = []
        elif token == "}":
            assert not words, f"{path.name}: {words} without ';'"
            stack.pop()
        else:
            words.append(token)
    assert len(stack) == 1 and not words, f"{path.name}: unbalanced braces"
    return stack[0]


def walk(found: list[Directive]) -> list[Directive]:
    every = []
    for directive in found:
        every.append(directive)
        every += walk(directive.block)
    return every


def nginx_directives() -> list[Directive]:
    return walk(parse(DEPLOY / "nginx.conf")) + walk(parse(DEPLOY / "nginx-proxy.conf"))


def directives(path: Path) -> list[list[str]]:
    """The directives of an nginx file as word lists (name first), every level of blocks."""
    return [[directive.name, *directive.args] for directive in walk(parse(path))]


# Every directive the templates may hold: a new one is read and decided on here before it ships.
KNOWN_DIRECTIVES = {
    "log_format", "map", "server_tokens", "upstream", "server", "keepalive", "proxy_cache_path", "listen",
    "server_name", "access_log", "return", "ssl_certificate", "ssl_certificate_key", "ssl_protocols",
    "error_log", "set", "location", "include", "client_max_body_size", "proxy_pass", "proxy_http_version",
    "proxy_set_header", "proxy_read_timeout", "proxy_cache", "proxy_cache_key", "proxy_cache_lock",
    "proxy_cache_use_stale", "proxy_cache_background_update",
    "proxy_cache_revalidate", "default", "limit_req_zone", "limit_req", "limit_req_status", "proxy_buffering",
}  # fmt: skip


def test_every_directive_is_known() -> None:
    names = set()
    for directive in nginx_directives():
        if directive.name.startswith(("~", "/", "$")) or directive.name == "default":
            continue  # the entries of a map block
        names.add(directive.name)
    assert names <= KNOWN_DIRECTIVES, names - KNOWN_DIRECTIVES


def test_nginx_logs_no_address_agent_referrer_query_or_token() -> None:
    found = nginx_directives()
    formats = {d.args[0]: " ".join(d.args[1:]) for d in found if d.name == "log_format"}
    assert formats, "the template defines its own log format"
    for name, layout in formats.items():
        assert not IDENTIFYING.search(layout), f"log_format {name} writes {IDENTIFYING.search(layout)}"
    access_logs = [d.args for d in found if d.name == "access_log"]
    assert access_logs
    for args in access_logs:
        # Without a format name nginx uses "combined", which starts with $remote_addr.
        assert args == ["off"] or (len(args) >= 2 and args[1] in formats), args
    error_logs = [d.args for d in found if d.name == "error_log"]
    assert error_logs
    for args in error_logs:
        assert args[-1] in {"crit", "alert", "emerg"}, f"{args}: lower levels write the client's address"
    assert any(d.name == "server_tokens" and d.args == ["off"] for d in found)


def route_map() -> list[tuple[str, str]]:
    (route,) = [d for d in parse(DEPLOY / "nginx.conf") if d.name == "map" and d.args == ["$uri", "$solidarity_route"]]
    return [(entry.name, entry.args[0]) for entry in route.block]


def logged_route(uri: str) -> str:
    """What nginx's map writes for `uri`: the first matching regex, its named captures expanded (PCRE = re here)."""
    for source, value in route_map():
        if source == "default":
            continue
        assert source.startswith("~"), "a case-sensitive regex on every entry"
        match = re.search(source[1:].replace("(?<", "(?P<"), uri)  # PCRE's named groups, in Python's spelling
        if match:
            captures: dict[str, str] = {"uri": uri} | match.groupdict()
            for name, captured in captures.items():
                value = value.replace(f"${{{name}}}", captured).replace(f"${name}", captured)
            return value
    return dict(route_map())["default"]


@pytest.mark.parametrize(
    ("uri", "logged"),
    [
        ("/en/", "/en/"),
        ("/relay/feeds/fa.atom", "/relay/feeds/fa.atom"),
        ("/en/assemblies/paris-2026/venues/3/", "/en/assemblies/paris-2026/venues/3/"),
        (f"/en/assemblies/invitation/{TOKEN}/", "/en/assemblies/invitation/-"),
        (f"/fa/assemblies/invitation/{TOKEN}", "/fa/assemblies/invitation/-"),
        (f"/en/assemblies/invitation/{TOKEN.lower()}/", "/en/assemblies/invitation/-"),
        (f"/en/assemblies/invitation/{TOKEN[:20]}/tail", "/en/assemblies/invitation/-"),
        ("/en/staff/relay/translations/Ab3dEf9hIj/", "/en/staff/relay/translations/-"),
        ("/en/elections/x/receipt/0123456789abcdef0123/", "/en/elections/x/receipt/-"),
        ("/static/a%2Fb", "/static/-"),
        ("/a_b", "/-"),
    ],
)
def test_the_logged_route_never_holds_a_token(uri: str, logged: str) -> None:
    assert logged_route(uri) == logged


def servers() -> list[Directive]:
    return [d for d in parse(DEPLOY / "nginx.conf") if d.name == "server"]


def listening(server: Directive) -> list[str]:
    return [d.args[0] for d in server.find("listen")]


def test_each_listener_passes_a_host_it_sets_itself() -> None:
    """Finding 1: the Host the application sees is the listener's, never the client's."""
    proxy = list(walk(parse(DEPLOY / "nginx-proxy.conf")))
    headers = {d.args[0].lower(): d.args[1] for d in proxy if d.name == "proxy_set_header"}
    assert headers["host"] == "$solidarity_host"
    assert headers["x-forwarded-proto"] == "$solidarity_proto"
    assert not any("$host" in " ".join(d.args) or "$http_host" in " ".join(d.args) for d in proxy)
    proxied = [server for server in servers() if server.find("include")]
    assert len(proxied) == 3  # the clearnet host, the public onion, the staff onion
    hosts = {}
    for server in proxied:
        sets = {d.args[0]: d.args[1] for d in server.find("set")}
        assert "$" not in sets["$solidarity_host"][1:], "a fixed name, not a variable"
        assert sets["$solidarity_proto"] in {"http", "https"}
        hosts[tuple(listening(server))] = (sets["$solidarity_host"], sets["$solidarity_proto"])
        assert server.find("include")[0].args == ["/etc/solidarity/nginx-proxy.conf"]
    assert hosts[("127.0.0.1:8080",)] == ("PUBLIC_ONION.onion", "http")
    assert hosts[("127.0.0.1:8081",)] == ("STAFF_ONION.onion", "http")
    assert hosts[("443", "[::]:443")] == ("solidarity.example.org", "https")


def test_public_listeners_refuse_staff_paths_and_the_staff_listener_is_separate() -> None:
    for server in servers():
        if not server.find("include"):
            assert server.find("return"), "a server that does not proxy only redirects"
            continue
        listen = listening(server)
        staff_refusals = [
            loc for loc in server.find("location") if loc.find("return") and loc.find("return")[0].args == ["404"]
        ]
        if listen == ["127.0.0.1:8081"]:
            assert not staff_refusals
        else:
            assert len(staff_refusals) == 1
            pattern = re.compile(staff_refusals[0].args[1])
            for path in ("/admin/", "/admin/login/", "/en/staff/", "/fa/staff/sign-in/", "/en/staff"):
                assert pattern.search(path), path
            for path in ("/en/", "/en/relay/send/", "/en/coalition/"):
                assert not pattern.search(path), path
        for listen_address in listen:
            assert listen_address in {"80", "[::]:80", "443", "[::]:443", "127.0.0.1:8080", "127.0.0.1:8081"}
        if listen_address.startswith("127.0.0.1:"):
            assert [d.args for d in server.find("listen")] == [[listen_address, "default_server"]]


def test_pages_are_buffered_and_cached_and_streams_go_to_their_own_process() -> None:
    top = parse(DEPLOY / "nginx-proxy.conf")
    locations = {tuple(d.args): d for d in top if d.name == "location"}
    pages = [[d.name, *d.args] for d in locations[("/",)].block]
    assert ["proxy_pass", "http://solidarity_app"] in pages
    assert not any(words[0] == "proxy_buffering" for words in pages)  # nginx caches nothing it does not buffer
    assert ["proxy_cache", "solidarity_pages"] in pages
    assert ["proxy_cache_key", "$solidarity_host$request_uri"] in pages
    # No cache lock: it queued every concurrent GET of an uncacheable address (the relay's form,
    # /healthz) behind the one before, 500 ms at a time (issue 12); stale copies cover the refresh.
    assert not any(words[0] == "proxy_cache_lock" for words in pages)
    assert ["proxy_cache_background_update", "on"] in pages
    assert any(words[:2] == ["proxy_cache_use_stale", "updating"] for words in pages)
    # No proxy_cache_valid: only what the application marks public and fresh is ever stored.
    assert not any(
        words[0] in {"proxy_cache_valid", "proxy_ignore_headers"} for words in directives(DEPLOY / "nginx-proxy.conf")
    )
    ((args, stream),) = [(args, d) for args, d in locations.items() if args != ("/",)]
    assert args[0] == "~" and re.search(args[1], "/assemblies/paris-2026/live/events")
    assert not re.search(args[1], "/en/assemblies/paris-2026/live/")
    stream_words = [[d.name, *d.args] for d in stream.block]
    assert ["proxy_pass", "http://solidarity_streams"] in stream_words
    assert ["proxy_buffering", "off"] in stream_words and ["proxy_cache", "off"] in stream_words
    # The headers are set once, at the server level, so both locations inherit them all.
    assert {d.args[0] for d in top if d.name == "proxy_set_header"} >= {"Host", "X-Real-IP", "X-Forwarded-For"}
    assert not any(d.name == "proxy_set_header" for location in locations.values() for d in location.block)
    upstreams = {d.args[0]: d.find("server")[0].args for d in parse(DEPLOY / "nginx.conf") if d.name == "upstream"}
    assert upstreams == {"solidarity_app": ["127.0.0.1:8000"], "solidarity_streams": ["127.0.0.1:8001"]}


def test_nginx_sets_the_only_address_the_application_trusts() -> None:
    proxy = directives(DEPLOY / "nginx-proxy.conf")
    headers = {words[1].lower(): words[2] for words in proxy if words[0] == "proxy_set_header"}
    assert headers["x-real-ip"] == "$remote_addr"  # overwrites whatever the client sent
    assert headers["x-forwarded-for"] == ""


def torrc() -> list[tuple[str, str]]:
    lines = []
    for raw in (DEPLOY / "torrc").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition(" ")
            lines.append((key, value.strip()))
    return lines


def onion_services() -> list[dict[str, list[str]]]:
    services: list[dict[str, list[str]]] = []
    for key, value in torrc():
        if key == "HiddenServiceDir":
            services.append({"HiddenServiceDir": [value]})
        elif key.startswith("HiddenService"):
            assert services, f"{key} before any HiddenServiceDir"
            services[-1].setdefault(key, []).append(value)
    return services


def test_torrc_serves_two_v3_onions_each_to_its_own_listener() -> None:
    config = torrc()
    keys = [key for key, _ in config]
    assert ("SocksPort", "0") in config
    assert ("SafeLogging", "0") not in config and ("SafeLogging", "1") in config
    assert "HiddenServiceNonAnonymousMode" not in keys and "HiddenServiceSingleHopMode" not in keys
    services = onion_services()
    assert len(services) == 2  # the public onion and the staff onion
    onion_listen = {d.args[0] for d in nginx_directives() if d.name == "listen" and d.args[0].startswith("127.")}
    targets = []
    for service in services:
        assert service["HiddenServiceVersion"] == ["3"]
        (port,) = service["HiddenServicePort"]
        virtual, target = port.split()
        assert virtual == "80"
        assert target in onion_listen, f"{target} is not where nginx listens for the onions"
        targets.append(target)
    assert targets == ["127.0.0.1:8080", "127.0.0.1:8081"]  # public, then staff: never the same listener
    assert "public" in services[0]["HiddenServiceDir"][0] and "staff" in services[1]["HiddenServiceDir"][0]


def test_torrc_turns_on_the_onion_dos_defences() -> None:
    for service in onion_services():
        assert service["HiddenServicePoWDefensesEnabled"] == ["1"]
        assert service["HiddenServiceEnableIntroDoSDefense"] == ["1"]
        rate = int(service["HiddenServiceEnableIntroDoSRatePerSec"][0])
        burst = int(service["HiddenServiceEnableIntroDoSBurstPerSec"][0])
        assert 0 < rate <= burst
        assert service["HiddenServiceMaxStreamsCloseCircuit"] == ["1"]
        assert 0 < int(service["HiddenServiceMaxStreams"][0]) <= 100
    public = onion_services()[0]
    assert 0 < int(public["HiddenServicePoWQueueRate"][0]) <= int(public["HiddenServicePoWQueueBurst"][0])


@pytest.mark.skipif(shutil.which("tor") is None, reason="tor is not installed: the torrc is read as text only")
def test_tor_itself_accepts_the_torrc(tmp_path: Path) -> None:
    text = (DEPLOY / "torrc").read_text().replace("/var/lib/tor/", f"{tmp_path}/").replace("syslog", "stdout")
    (tmp_path / "torrc").write_text(text)
    result = subprocess.run(  # noqa: S603  (fixed arguments)
        [
            str(shutil.which("tor")),
            "--verify-config",
            "-f",
            str(tmp_path / "torrc"),
            "--DataDirectory",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "Configuration was valid" in result.stdout, result.stdout[-2000:]


@pytest.mark.skipif(not nginx.available(), reason="nginx is not installed: the templates are read as text only")
def test_nginx_itself_accepts_the_templates(tmp_path: Path) -> None:
    with nginx.running(upstream=9, directory=tmp_path) as listeners:
        assert listeners.public_onion != listeners.staff_onion


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_rate_limits_key_the_proxy_address_only_behind_the_proxy(behind_proxy: bool) -> None:
    factory = RequestFactory()
    one = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.1")
    two = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.2")
    with override_settings(BEHIND_PROXY=behind_proxy):
        keys = {security.client_key(one, "scope"), security.client_key(two, "scope")}
        assert security.client_address(one) == ("198.51.100.1" if behind_proxy else "127.0.0.1")
    # Behind the proxy, two visitors are two clients; without it a client-sent header changes nothing.
    assert len(keys) == (2 if behind_proxy else 1)
    assert not any("198.51.100" in key for key in keys)
