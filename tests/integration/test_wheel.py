"""A plain wheel serves the app: built with `pip wheel`, installed away from the repository, started once.

The fresh venv gets only the wheel; the dependencies come from this test's own venv through a `.pth` line (lines
in a `.pth` file add a folder, they do not run the `.pth` files inside it, so this venv's editable install of
Planbord stays out of reach). No index is asked for anything but the build backend.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import httpx
import pytest

from tests.server import running_server

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE_THE_WHEEL = shutil.ignore_patterns('.*', '__pycache__', '*.egg-info', 'build', 'dist', 'tests', 'benchmarks',
                                           '*.sqlite3*')


def run(*command: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope='module')
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (a build writes `build/` beside them)."""
    source, dist = tmp_path_factory.mktemp('source'), tmp_path_factory.mktemp('dist')
    shutil.copytree(ROOT, source, ignore=OUTSIDE_THE_WHEEL, dirs_exist_ok=True)
    run(sys.executable, '-m', 'pip', 'wheel', '-q', '--no-deps', '-w', dist, source)
    shutil.rmtree(source)  # nothing of the sources is left to lean on
    return next(dist.glob('planbord-*.whl'))


@pytest.fixture(scope='module')
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with the wheel installed and this venv's packages (the dependencies) in reach."""
    venv = tmp_path_factory.mktemp('venv')
    run(sys.executable, '-m', 'venv', '--without-pip', venv)
    python = venv / 'bin' / 'python'
    site = Path(run(python, '-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])').strip())
    (site / 'dependencies.pth').write_text(sysconfig.get_paths()['purelib'] + '\n')
    run(sys.executable, '-m', 'pip', '--python', python, 'install', '-q', '--no-deps', '--no-index', wheel)
    return venv


def test_the_wheel_holds_every_file_of_the_app_its_migrations_and_assets(wheel: Path) -> None:
    sources = {path.relative_to(ROOT).as_posix() for top in ('app', 'board', 'network_graph')
               for path in (ROOT / top).rglob('*') if path.is_file() and '__pycache__' not in path.parts}
    sources |= {f'app/assets/{path.name}' for path in (ROOT / 'assets').iterdir() if path.is_file()}
    with zipfile.ZipFile(wheel) as archive:
        assert sources - set(archive.namelist()) == set()


def test_the_wheel_says_its_licence_and_carries_its_text(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        info = next(name for name in archive.namelist() if name.endswith('.dist-info/METADATA')).rsplit('/', 1)[0]
        metadata = archive.read(f'{info}/METADATA').decode()
        licence = archive.read(f'{info}/licenses/LICENSE').decode()
    assert 'License-Expression: EUPL-1.2' in metadata.splitlines()
    assert licence == (ROOT / 'LICENSE').read_text() and licence.startswith('EUROPEAN UNION PUBLIC LICENCE v. 1.2')


def test_a_wheel_installed_elsewhere_serves_the_app_and_its_assets(venv: Path, tmp_path: Path) -> None:
    assets = run(venv / 'bin' / 'python', '-c', 'from app import assets; print(assets.DIR)', cwd=tmp_path).strip()
    assert Path(assets).is_relative_to(venv), assets
    with running_server(f'sqlite:///{tmp_path}/board.sqlite3', planbord=venv / 'bin' / 'planbord') as server:
        assert httpx.get(f'{server}/api/health', timeout=10).json()['status'] == 'ok'
        canvas = httpx.get(f'{server}/assets/board_canvas.js', timeout=10)
        assert canvas.status_code == 200
        assert canvas.content == (ROOT / 'assets' / 'board_canvas.js').read_bytes()
        assert 'Demo: log in als' in server.output()  # the migrations ran and the demo family was made
