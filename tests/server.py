"""Run `planbord serve` as a real subprocess for integration tests, end-to-end tests and benchmarks.

    with running_server('sqlite:////tmp/x/board.sqlite3') as server:
        httpx.get(f'{server}/api/health')      # the server *is* its base URL (a str), e.g. http://127.0.0.1:41234
        server.restart()                        # SIGTERM, then start again: same port, same database
        server.restart(kill=True)               # the same after a SIGKILL (a crash)

The child gets a free port on 127.0.0.1, ``PLANBORD_DATABASE_URL`` and no ``PYTEST_CURRENT_TEST`` (with it,
NiceGUI believes it runs inside a screen test). Its output goes to ``server.log``, shown when it fails to start.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PLANBORD = Path(sys.executable).parent / 'planbord'
START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


class Server(str):
    """A running `planbord serve`; its string value is the base URL (``ws_url`` is the same for WebSockets)."""

    def __new__(cls, database_url: str, port: int, redis_url: str | None = None, planbord: Path = PLANBORD) -> Server:
        return super().__new__(cls, f'http://127.0.0.1:{port}')

    def __init__(self, database_url: str, port: int, redis_url: str | None = None, planbord: Path = PLANBORD) -> None:
        self.database_url, self.port, self.ws_url = database_url, port, f'ws://127.0.0.1:{port}'
        self.redis_url, self.planbord = redis_url, planbord
        self.workdir = Path(tempfile.mkdtemp(prefix='planbord-server-'))  # NiceGUI's .nicegui storage lives here
        self.log = self.workdir / 'server.log'
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None, 'the server is not running'
        return self.process.pid

    def start(self) -> None:
        """Start the server and wait until ``GET /api/health`` answers 200; `RuntimeError` if it does not."""
        env = {k: v for k, v in os.environ.items() if k != 'PYTEST_CURRENT_TEST'}
        env.update(PLANBORD_DATABASE_URL=self.database_url, PLANBORD_HOST='127.0.0.1', PLANBORD_PORT=str(self.port))
        env.pop('PLANBORD_REDIS_URL', None)
        if self.redis_url:
            env['PLANBORD_REDIS_URL'] = self.redis_url
        with self.log.open('ab') as log:
            self.process = subprocess.Popen([str(self.planbord), 'serve'], env=env, cwd=self.workdir,
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'planbord serve exited with {self.process.returncode}:\n{self.output()}')
            try:
                with urllib.request.urlopen(f'{self}/api/health', timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop(kill=True)
        raise RuntimeError(f'planbord serve did not answer within {START_TIMEOUT:.0f} s:\n{self.output()}')

    def stop(self, kill: bool = False) -> None:
        """SIGTERM (or SIGKILL with `kill`) and wait; a server that has not stopped after 5 s is killed."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self, kill: bool = False) -> None:
        self.stop(kill=kill)
        self.start()

    def output(self) -> str:
        return self.log.read_text(errors='replace')[-5000:]


@contextmanager
def running_server(database_url: str, port: int | None = None, redis_url: str | None = None,
                   planbord: Path = PLANBORD) -> Iterator[Server]:
    """A started server on `database_url` (the first start creates the demo board), stopped on exit; with
    `redis_url` it shares boards live with the other instances on that Redis; `planbord` is the installed command
    to start (this venv's by default)."""
    server = Server(database_url, port or free_port(), redis_url, planbord)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.workdir, ignore_errors=True)
