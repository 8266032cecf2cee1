"""Run Debian's nginx with the shipped templates (deploy/), ports and paths aside, on 127.0.0.1.

Used by the end-to-end test of the templates (tests/core/test_nginx_end_to_end.py) and by the
serving benchmark. Only what cannot run unprivileged in a scratch directory is substituted: the
listening ports, the upstream port, the file paths and the certificate (a fresh self-signed one).
Every other directive is the shipped text.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CLEARNET_HOST = "solidarity.example.org"
PUBLIC_ONION = "publicpublicpublicpublicpublicpublicpublicpublicpublic2.onion"
STAFF_ONION = "staffstaffstaffstaffstaffstaffstaffstaffstaffstaffstaf2.onion"


def available() -> bool:
    return Path(NGINX).exists() and shutil.which("openssl") is not None


@dataclass(frozen=True)
class Listeners:
    """Where the substituted templates listen: one port per way in, as in deploy/nginx.conf."""

    http: int
    https: int
    public_onion: int
    staff_onion: int
    directory: Path

    def log(self, name: str) -> str:
        path = self.directory / "log" / name
        return path.read_text() if path.exists() else ""


def substitute(text: str, *, upstream: int, listeners: Listeners, streams: int | None = None) -> str:
    """The shipped template with its ports, paths and onion names replaced, nothing else."""
    scratch = listeners.directory
    replacements = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        ("server 127.0.0.1:8001;", f"server 127.0.0.1:{streams or upstream};"),
        ("listen [::]:80;\n", ""),
        ("listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{listeners.http};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{listeners.https} ssl http2;"),
        (
            "return 301 https://solidarity.example.org$request_uri;",
            f"return 301 https://{CLEARNET_HOST}:{listeners.https}$request_uri;",
        ),
        ("listen 127.0.0.1:8080 ", f"listen 127.0.0.1:{listeners.public_onion} "),
        ("listen 127.0.0.1:8081 ", f"listen 127.0.0.1:{listeners.staff_onion} "),
        ("PUBLIC_ONION.onion", PUBLIC_ONION),
        ("STAFF_ONION.onion", STAFF_ONION),
        ("/etc/ssl/solidarity/", f"{scratch}/ssl/"),
        ("/var/log/nginx/", f"{scratch}/log/"),
        ("/var/cache/nginx/solidarity", f"{scratch}/cache"),
        ("/etc/solidarity/nginx-proxy.conf", f"{scratch}/nginx-proxy.conf"),
    ]
    for old, new in replacements:
        text = text.replace(old, new)
    return text


MAIN = """
{user}
worker_processes {workers};
pid {scratch}/nginx.pid;
error_log {scratch}/log/main-error.log crit;
events {{ worker_connections 2048; }}
http {{
    client_body_temp_path {scratch}/tmp/body;
    proxy_temp_path {scratch}/tmp/proxy;
    fastcgi_temp_path {scratch}/tmp/fastcgi;
    uwsgi_temp_path {scratch}/tmp/uwsgi;
    scgi_temp_path {scratch}/tmp/scgi;
    include {scratch}/nginx.conf;
}}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ports(base: int | None) -> list[int]:
    if base:
        return [base, base + 1, base + 2, base + 3]
    return [_free_port() for _ in range(4)]


def _wait_listening(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port}")


@contextmanager
def running(
    upstream: int, directory: Path, *, streams: int | None = None, port_base: int | None = None, workers: int = 1
) -> Iterator[Listeners]:
    """Run nginx with the shipped templates in front of 127.0.0.1:`upstream` until the block ends.

    `streams` is the live streams' process (`solidarity serve`); without it, the same upstream.
    """
    if port_base is None and os.environ.get("SOLIDARITY_NGINX_PORT_BASE"):
        port_base = int(os.environ["SOLIDARITY_NGINX_PORT_BASE"])
    http, https, public, staff = _ports(port_base)
    listeners = Listeners(http=http, https=https, public_onion=public, staff_onion=staff, directory=directory)
    for sub in ("log", "ssl", "cache", "tmp"):
        (directory / sub).mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={CLEARNET_HOST}",
            "-keyout",
            str(directory / "ssl" / "privkey.pem"),
            "-out",
            str(directory / "ssl" / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    for name in ("nginx.conf", "nginx-proxy.conf"):
        text = (DEPLOY / name).read_text()
        (directory / name).write_text(substitute(text, upstream=upstream, listeners=listeners, streams=streams))
    main = directory / "main.conf"
    # As root, nginx would run its workers as "nobody", who cannot enter a private scratch directory.
    user = "user root;" if os.geteuid() == 0 else ""
    main.write_text(MAIN.format(scratch=directory, workers=workers, user=user))
    stderr_path = directory / "log" / "nginx-stderr.log"
    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [NGINX, "-c", str(main), "-p", str(directory), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        try:
            for port in (http, https, public, staff):
                _wait_listening(port)
        except RuntimeError:
            process.kill()
            process.wait(timeout=10)
            raise RuntimeError(f"nginx failed to start: {stderr_path.read_text(errors='replace')}") from None
        yield listeners
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
