"""Console entry points: `shopguide` (the tablet side) and `shopguide-server`."""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import logging
import shutil
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from shopguide.server.services.errors import ServiceError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from shopguide.server.config import Settings
    from shopguide.server.seed import SeedSummary

DEMO_PASSWORD = "shopguide"  # noqa: S105  (the demo brand's published password)


def server_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="shopguide-server", description="The ShopGuide central server."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="server processes")

    commands.add_parser("migrate", help="apply database migrations")

    seed = commands.add_parser("seed", help="migrate, then fill an empty database with a brand")
    seed.add_argument("--stores", type=int, default=30)
    seed.add_argument("--styles", type=int, default=3000)
    seed.add_argument("--members", type=int, default=20000)
    seed.add_argument("--seed", type=int, default=42, help="random seed: same seed, same data")
    seed.add_argument("--password", default=DEMO_PASSWORD, help="password of seeded accounts")

    create_user = commands.add_parser("create-user", help="add a staff account")
    create_user.add_argument("--username", required=True)
    create_user.add_argument("--full-name", required=True)
    create_user.add_argument("--role", choices=["guide", "manager", "admin"], required=True)
    create_user.add_argument("--store", help="store code, e.g. SZ01 (not for admins)")
    create_user.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    args = parser.parse_args(argv)
    try:
        return _run_server_command(args)
    except (ValueError, LookupError, ServiceError) as exc:
        print(f"shopguide-server: {exc}", file=sys.stderr)
        return 2


def _run_server_command(args: argparse.Namespace) -> int:
    from shopguide.server.config import DatabaseSettings, Settings

    if args.command == "serve":
        return _serve(Settings(), args.host, args.port, args.workers)

    from shopguide.server.db import make_engine
    from shopguide.server.migrate import upgrade

    engine = make_engine(DatabaseSettings().database_url)
    upgrade(engine)
    if args.command == "migrate":
        print("database is up to date")
    elif args.command == "seed":
        summary = _seed(engine, args.stores, args.styles, args.members, args.seed, args.password)
        print(summary)
    elif args.command == "create-user":
        _create_user(engine, args)
    engine.dispose()
    return 0


def _serve(settings: Settings, host: str, port: int, workers: int) -> int:
    """Run uvicorn with JSON logs and, for several workers, metrics shared between them.

    The process set-up comes first: it must precede any import of the app
    (and so of prometheus_client), here and in the workers uvicorn spawns.
    """
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    from shopguide.server.ops.process import prepared

    with prepared(settings, workers) as options:
        import uvicorn

        if workers > 1:
            uvicorn.run(
                "shopguide.server.asgi:app", host=host, port=port, workers=workers, **options
            )
        else:
            from shopguide.server.app import create_app

            uvicorn.run(create_app(settings), host=host, port=port, **options)
    return 0


def _seed(
    engine: Engine, stores: int, styles: int, members: int, seed: int, password: str
) -> SeedSummary:
    from shopguide.server.seed import seed_database

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    summary = seed_database(
        engine,
        stores=stores,
        styles=styles,
        members=members,
        seed=seed,
        password=password,
        progress=progress,
    )
    print(file=sys.stderr)
    return summary


def _create_user(engine: Engine, args: argparse.Namespace) -> None:
    from sqlmodel import Session, select

    from shopguide.server.models import Role, Store
    from shopguide.server.models.users import UserCreate
    from shopguide.server.services.users import create_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
    with Session(engine) as session:
        store_id = None
        if args.store:
            store = session.exec(select(Store).where(Store.code == args.store)).first()
            if store is None:
                raise LookupError(f"no store with code {args.store}")
            store_id = store.id
        user = create_user(
            session,
            UserCreate(
                username=args.username,
                full_name=args.full_name,
                role=Role(args.role),
                store_id=store_id,
                password=password,
            ),
            created_by=None,
        )
        print(f"created {user.role} {user.username}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="shopguide", description="ShopGuide for tablets. Without a command: the app."
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the tablet's data folder (default: the user data folder, or $SHOPGUIDE_DATA_DIR)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check offscreen that the window, resources and translations load; exit 0 if so",
    )
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="embedded server with a seeded brand")
    demo.add_argument("--reset", action="store_true", help="start over with fresh data")
    demo.add_argument("--port", type=int, default=0, help="server port (default: any free)")
    demo.add_argument("--styles", type=int, default=1500, help="catalog size on first run")
    demo.add_argument(
        "--offline-after",
        type=float,
        default=0,
        metavar="SECONDS",
        help="stop the embedded server after this long, to show offline selling",
    )
    demo.add_argument("--no-app", action="store_true", help="only run the seeded server")

    login = commands.add_parser("login", help="log this tablet in to a server")
    login.add_argument("--server", required=True, help="e.g. http://127.0.0.1:8000")
    login.add_argument("--username", required=True)
    login.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )

    sync = commands.add_parser(
        "sync", help="sync headless; exit 0 all synced, 1 pending, 2 refused, 3 no connection"
    )
    sync.add_argument("--once", action="store_true", help="one round, then exit")
    sync.add_argument("--status", action="store_true", help="only report, do not sync")

    args = parser.parse_args(argv)
    if args.self_test:
        from shopguide.ui.self_test import run_self_test

        return run_self_test()
    opens_window = args.command is None or (args.command == "demo" and not args.no_app)
    if opens_window and importlib.util.find_spec("PySide6") is None:
        print(
            "shopguide: the tablet app needs the `tablet` extra "
            "(pip install 'shopguide[tablet]'; scripts/setup.sh installs it)",
            file=sys.stderr,
        )
        return 2
    if args.command is None:
        _log_to_file(args.data_dir, "app")
        return _app(args.data_dir)
    if args.command == "demo":
        return _demo(args)
    from shopguide.client import sync_cli

    _log_to_file(args.data_dir, args.command)

    if args.command == "login":
        password = (
            sys.stdin.readline().rstrip("\n")
            if args.password_stdin
            else getpass.getpass("Password: ")
        )
        return sync_cli.login(args.data_dir, args.server, args.username, password)
    if args.status:
        return sync_cli.status(args.data_dir)
    return sync_cli.sync(args.data_dir, once=args.once)


def _log_to_file(data_dir: Path | None, command: str) -> None:
    """The tablet's rotating log file in its data folder (`shopguide.client.logfile`)."""
    from shopguide import __version__
    from shopguide.client.logfile import setup_logging
    from shopguide.client.tablet import default_data_dir

    setup_logging(data_dir or default_data_dir())
    logging.getLogger("shopguide").info("shopguide %s starting: %s", __version__, command)


def _app(data_dir: Path | None, server_url_hint: str = "") -> int:
    from shopguide.client.tablet import Tablet
    from shopguide.ui.app import run_app
    from shopguide.ui.screens import default_screens

    return run_app(Tablet(data_dir), default_screens, server_url_hint=server_url_hint)


def _demo(args: argparse.Namespace) -> int:
    from shopguide.server.config import Settings
    from shopguide.server.db import make_engine
    from shopguide.server.embedded import EmbeddedServer
    from shopguide.server.migrate import upgrade
    from shopguide.server.ops.logs import ACCESS_LOGGER

    folder = Path(user_data_dir("shopguide-demo", appauthor=False))
    if args.reset and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not args.no_app:
        _log_to_file(folder / "tablet", "demo")
        # The embedded server logs into the tablet's file too: its problems, not every request.
        logging.getLogger(ACCESS_LOGGER).setLevel(logging.WARNING)
    database = folder / "server.db"
    settings = Settings(database_url=f"sqlite:///{database}", demo_mode=True)
    marker = folder / "seeded"
    if not marker.exists():
        engine = make_engine(settings.database_url)
        upgrade(engine)
        print("Seeding the demo brand (first run only)...", file=sys.stderr)
        print(_seed(engine, 30, args.styles, 5000, 42, DEMO_PASSWORD))
        engine.dispose()
        marker.touch()
    with EmbeddedServer(settings, port=args.port) as server:
        print(f"ShopGuide demo server: {server.url}/docs")
        print(f"Log in as sz01.guide1 / {DEMO_PASSWORD} (manager: sz01.manager, admin: admin)")
        if args.offline_after:
            timer = threading.Timer(args.offline_after, server.stop)
            timer.daemon = True
            timer.start()
        if not args.no_app:
            return _demo_app(folder / "tablet", server.url)
        print("Press Ctrl-C to stop.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped")
    return 0


def _demo_app(data_dir: Path, server_url: str) -> int:
    """Log the demo tablet in as a guide of SZ01 and sync it before the window opens."""
    from shopguide.client.tablet import Tablet
    from shopguide.ui.app import run_app
    from shopguide.ui.screens import default_screens

    tablet = Tablet(data_dir)
    tablet.login(server_url, "sz01.guide1", DEMO_PASSWORD)
    engine = tablet.connect()
    print("Syncing the tablet's cache...", file=sys.stderr)
    engine.run_once()
    engine.run_once()
    return run_app(tablet, default_screens)
