"""The `solidarity` command: run the platform, reset the demo, or any Django management command.

solidarity run          migrate, load the demo if the database is empty, serve on 127.0.0.1:$PORT
solidarity serve        production: page workers on $PORT, live streams on $STREAM_PORT (docs/deployment.md)
solidarity demo         reset the database to the demo and print how to sign in
solidarity demo-code U  print the current authenticator code of demo user U (not in production)
solidarity worker       run background jobs from the embedded queue (when not served by `run`)
solidarity <command>    any Django management command (migrate, relay, monitor, ...)
"""

from __future__ import annotations

import os
import sys

USAGE = __doc__ or ""


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    import django

    django.setup()


def _say(text: str) -> None:
    print(text, flush=True)


def build_demo() -> None:
    """Empty the database and build the demo, printing progress and how to sign in."""
    from django.conf import settings
    from django.core.management import call_command

    from solidarity.demo import build_all

    if settings.IS_PRODUCTION:
        raise SystemExit("solidarity demo: refused, SOLIDARITY_ENV=production")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    context = build_all(progress=_say)
    _say("")
    _say("Demo sign-in (staff pages ask for a password, then a six-digit authenticator code):")
    for note in context.notes:
        _say(f"  {note}")
    _say("  Add a TOTP key to any authenticator app, or print the current code with:")
    _say("    solidarity demo-code organizer")
    from solidarity.core.models import EncryptedTOTPDevice

    device = EncryptedTOTPDevice.objects.filter(user__username=context.shared.get("qr_user", "organizer")).first()
    if device is not None and sys.stdout.isatty():
        import segno

        _say("  The organizer's key as a QR code:")
        segno.make(device.config_url).terminal(compact=True)


def demo_code(username: str) -> None:
    from django.conf import settings
    from django_otp.oath import totp

    from solidarity.core.models import EncryptedTOTPDevice

    if settings.IS_PRODUCTION:
        raise SystemExit("solidarity demo-code: refused, SOLIDARITY_ENV=production")
    device = EncryptedTOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is None:
        raise SystemExit(f"solidarity demo-code: no authenticator for {username!r}")
    _say(f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}")


def run() -> None:
    """Migrate, load the demo into an empty database, and serve with background jobs."""
    import uvicorn
    from django.conf import settings
    from django.core.management import call_command

    from solidarity.core import jobs
    from solidarity.core.demo import sign_in_notes
    from solidarity.core.models import User
    from solidarity.settings import env

    _say("solidarity: applying database migrations ...")
    call_command("migrate", interactive=False, verbosity=1)
    if not User.objects.exists() and not settings.IS_PRODUCTION:
        _say("solidarity: empty database, building the demo ...")
        build_demo()
    elif notes := sign_in_notes():
        _say("Demo sign-in (a password, then the authenticator code; `solidarity demo-code USER` prints it):")
        for note in notes:
            _say(f"  {note}")
    if settings.IS_PRODUCTION:
        call_command("collectstatic", interactive=False, verbosity=0)
    if settings.JOBS_BACKEND == "embedded":
        jobs.start_embedded_worker()
    host = env.text("HOST", "127.0.0.1")
    port = env.integer("PORT", default=8000)
    _say("")
    _say(f"Solidarity is running at http://{host}:{port}/  (Persian: http://{host}:{port}/fa/)")
    _say(f"Staff sign-in: http://{host}:{port}/en/staff/sign-in/")
    _say("Press Ctrl+C to stop.")
    uvicorn.run(
        "solidarity.asgi:application",
        host=host,
        port=port,
        access_log=False,  # uvicorn's access log would write client addresses (SR-05)
        server_header=False,
        proxy_headers=False,
        log_level="warning",
        lifespan="off",
    )


def default_workers() -> int:
    """Page worker processes: two per core plus one (gunicorn's advice), at least two."""
    return max(2, 2 * (os.cpu_count() or 1) + 1)


def close_before_fork() -> None:
    """Close this process's database and cache connections before gunicorn forks its workers.

    The migrations opened a database connection here; a forked worker would inherit it, and with
    persistent connections (`SOLIDARITY_DB_CONN_MAX_AGE`) several workers then talk over the same
    socket: on PostgreSQL, requests failed with "server closed the connection unexpectedly" under
    the intake benchmark (issue 12). Each worker opens its own on its first request.
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()


def unshared_cache(workers: int) -> str:
    """Why `workers` page processes cannot share this cache, or "" when they can.

    Spent proofs of work and wait tokens, the rate limits, the lanes' budgets and the public pages'
    generations live in the cache. A process-local cache would give each worker its own: a wait
    token could be spent once per worker and every limit multiplied by the number of workers.
    """
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if workers > 1 and backend.endswith(("LocMemCache", "DummyCache")):
        return (
            f"solidarity serve: {workers} page workers need a cache they share, and this one lives in "
            "each process. Set REDIS_URL (docs/deployment.md), or SOLIDARITY_WEB_WORKERS=1."
        )
    return ""


def serve() -> None:
    """Serve in production: WSGI page workers (gunicorn) and one ASGI process for the live streams.

    Pages run in `SOLIDARITY_WEB_WORKERS` processes, each one request at a time in one thread:
    no process-wide lock is shared by concurrent renders, and a slow page holds one worker, not
    the site. nginx (deploy/) buffers slow clients and sends the live proceedings' server-sent
    events to the stream process on STREAM_PORT, which holds thousands of idle streams on one event
    loop, so streams never take a page worker. Background jobs: Celery, or `solidarity worker`
    started here when SOLIDARITY_JOBS=embedded.
    """
    import subprocess

    from django.conf import settings
    from django.core.management import call_command
    from gunicorn.app.base import BaseApplication

    from solidarity.settings import env

    workers = env.integer("SOLIDARITY_WEB_WORKERS", default=default_workers())
    if problem := unshared_cache(workers):
        raise SystemExit(problem)
    call_command("migrate", interactive=False, verbosity=1)
    if settings.IS_PRODUCTION:
        call_command("collectstatic", interactive=False, verbosity=0)
    close_before_fork()
    host = env.text("HOST", "127.0.0.1")
    port = env.integer("PORT", default=8000)
    stream_port = env.integer("STREAM_PORT", default=port + 1)
    helpers = [
        subprocess.Popen(  # noqa: S603  (this interpreter, fixed arguments)
            [
                sys.executable, "-m", "uvicorn", "solidarity.asgi:application", "--host", host,
                "--port", str(stream_port), "--no-access-log", "--no-server-header", "--lifespan", "off",
                "--log-level", "warning",
            ]
        )
    ]  # fmt: skip
    if settings.JOBS_BACKEND == "embedded":
        helpers.append(subprocess.Popen([sys.executable, "-m", "solidarity.cli", "worker"]))
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": 60,
        "graceful_timeout": 30,
        # The application is loaded once, in the master, and each worker is a fork of it. Loaded in
        # each worker instead, a replaced worker spent about 2 s of CPU importing it while the
        # others served: at the ceiling (about 300 requests a second per worker) every worker was
        # replaced every 16 s, and /healthz through nginx had a p99 of 1.9-3.6 s (issue 12).
        "preload_app": True,
        # A worker is still replaced now and then, so no slow leak lives for long, but at most
        # every few minutes at full load; the jitter keeps them from being replaced together.
        "max_requests": 100_000,
        "max_requests_jitter": 20_000,
        "accesslog": None,  # its access log would write client addresses (SR-05)
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "solidarity",
    }

    class PageServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> object:
            from django.urls import get_resolver

            from solidarity.wsgi import application

            get_resolver().url_patterns  # noqa: B018  (imports every view here, once, before the fork)
            close_before_fork()
            return application

    _say(f"Solidarity pages on http://{host}:{port}/ ({workers} workers), live streams on port {stream_port}")
    try:
        PageServer().run()
    finally:
        for helper in helpers:
            helper.terminate()
        for helper in helpers:
            helper.wait(timeout=30)


def worker() -> None:
    import threading

    from solidarity.core import jobs

    _say("solidarity: running background jobs from the embedded queue (Ctrl+C to stop)")
    stop = threading.Event()
    try:
        jobs.work_forever(stop=stop)
    except KeyboardInterrupt:
        stop.set()


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        _say(USAGE)
        return
    _setup()
    command, rest = args[0], args[1:]
    if command == "run":
        run()
    elif command == "serve":
        serve()
    elif command == "demo":
        build_demo()
    elif command == "demo-code" and len(rest) == 1:
        demo_code(rest[0])
    elif command == "worker":
        worker()
    else:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["solidarity", *args])


if __name__ == "__main__":
    main()
