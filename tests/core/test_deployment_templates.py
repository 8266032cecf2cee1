"""SR-05, SR-13, SR-19: the shipped nginx and Tor templates keep addresses out of logs and staff off the public host.

Neither nginx nor Tor runs in CI, so their files are read as text and checked directive by directive.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from solidarity.core import security

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
# Variables that would put a client's address, agent, referrer, cookies or query string in a log line.
IDENTIFYING = re.compile(
    r"\$(binary_remote_addr|remote_addr|realip_remote_addr|remote_port|remote_user|http_x_forwarded_for|"
    r"http_x_real_ip|http_user_agent|http_referer|http_cookie|request_uri|request|args|query_string|arg_\w+)\b"
)


def directives(path: Path) -> list[list[str]]:
    """The directives of an nginx file as word lists (comments dropped, quoted strings kept whole)."""
    text = re.sub(r"#[^\n]*", "", path.read_text())
    found = []
    for statement in re.split(r"[;{}]", text):
        words = re.findall(r"'[^']*'|\"[^\"]*\"|\S+", statement)
        if words:
            found.append(words)
    return found


def nginx_directives() -> list[list[str]]:
    return directives(DEPLOY / "nginx.conf") + directives(DEPLOY / "nginx-proxy.conf")


def test_nginx_logs_no_address_agent_referrer_or_query() -> None:
    found = nginx_directives()
    formats = {words[1]: " ".join(words[2:]) for words in found if words[0] == "log_format"}
    assert formats, "the template defines its own log format"
    for name, layout in formats.items():
        assert not IDENTIFYING.search(layout), f"log_format {name} writes {IDENTIFYING.search(layout)}"
    access_logs = [words for words in found if words[0] == "access_log"]
    assert access_logs
    for words in access_logs:
        # Without a format name nginx uses "combined", which starts with $remote_addr.
        assert words[1:] == ["off"] or (len(words) >= 3 and words[2] in formats), words
    error_logs = [words for words in found if words[0] == "error_log"]
    assert error_logs
    for words in error_logs:
        assert words[-1] in {"crit", "alert", "emerg"}, f"{words}: lower levels write the client's address"
    assert ["server_tokens", "off"] in found


def test_nginx_sets_the_only_address_the_application_trusts() -> None:
    proxy = directives(DEPLOY / "nginx-proxy.conf")
    headers = {words[1].lower(): words[2] for words in proxy if words[0] == "proxy_set_header"}
    assert headers["x-real-ip"] == "$remote_addr"  # overwrites whatever the client sent
    assert headers["x-forwarded-for"] == '""'
    assert headers["x-forwarded-proto"] == "$scheme"
    assert ["proxy_buffering", "off"] in proxy  # live proceedings stream as server-sent events


def torrc() -> list[tuple[str, str]]:
    lines = []
    for raw in (DEPLOY / "torrc").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition(" ")
            lines.append((key, value.strip()))
    return lines


def test_torrc_serves_two_v3_onions_to_nginx_on_loopback_only() -> None:
    config = torrc()
    keys = [key for key, _ in config]
    assert ("SocksPort", "0") in config
    assert ("SafeLogging", "0") not in config and ("SafeLogging", "1") in config
    assert "HiddenServiceNonAnonymousMode" not in keys and "HiddenServiceSingleHopMode" not in keys
    services: list[dict[str, list[str]]] = []
    for key, value in config:
        if key == "HiddenServiceDir":
            services.append({})
        elif key.startswith("HiddenService"):
            assert services, f"{key} before any HiddenServiceDir"
            services[-1].setdefault(key, []).append(value)
    assert len(services) == 2  # the public onion and the staff onion
    onion_listen = {words[1] for words in directives(DEPLOY / "nginx.conf") if words[0] == "listen"}
    for service in services:
        assert service["HiddenServiceVersion"] == ["3"]
        for port in service["HiddenServicePort"]:
            virtual, target = port.split()
            assert virtual == "80"
            assert target.startswith("127.0.0.1:")
            assert target in onion_listen, f"{target} is not where nginx listens for the onions"


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
