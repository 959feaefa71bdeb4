"""Outside production the secret key is generated once per installation, into
an ignored file readable only by its owner; production still requires one."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_FIXED_KEY = "local-only-insecure-key-not-for-production"
PRINT_KEY = (
    "import django; django.setup(); "
    "from django.conf import settings; print(settings.SECRET_KEY)"
)


def environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_ENV"}}
    return {**env, "DJANGO_SETTINGS_MODULE": "config.settings", **changes}


def start_settings_load(**changes: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PRINT_KEY],
        cwd=ROOT,
        env=environment(**changes),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def key_of(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return out.strip().splitlines()[-1]


def test_two_settings_loads_in_a_fresh_directory_share_one_generated_key(
    tmp_path: Path,
) -> None:
    key_file = tmp_path / ".secret_key"

    first = key_of(start_settings_load(SECRET_KEY_FILE=str(key_file)))
    second = key_of(start_settings_load(SECRET_KEY_FILE=str(key_file)))

    assert first == second
    assert first != OLD_FIXED_KEY
    assert len(first) >= 50
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_each_installation_gets_its_own_key(tmp_path: Path) -> None:
    one = key_of(start_settings_load(SECRET_KEY_FILE=str(tmp_path / "a" / "key")))
    other = key_of(start_settings_load(SECRET_KEY_FILE=str(tmp_path / "b" / "key")))

    assert one != other


def test_processes_starting_at_once_agree_on_the_key(tmp_path: Path) -> None:
    key_file = str(tmp_path / ".secret_key")

    starting = [start_settings_load(SECRET_KEY_FILE=key_file) for _ in range(4)]

    assert len({key_of(process) for process in starting}) == 1


def test_an_explicit_secret_key_wins_and_writes_no_file(tmp_path: Path) -> None:
    key_file = tmp_path / ".secret_key"

    key = key_of(
        start_settings_load(
            SECRET_KEY="from-the-environment", SECRET_KEY_FILE=str(key_file)
        )
    )

    assert key == "from-the-environment"
    assert not key_file.exists()


def test_production_without_a_secret_key_refuses_to_start(tmp_path: Path) -> None:
    key_file = tmp_path / ".secret_key"
    process = start_settings_load(
        DJANGO_ENV="production",
        ALLOWED_HOSTS="registry.techport.example",
        SECRET_KEY_FILE=str(key_file),
    )
    _out, err = process.communicate(timeout=120)

    assert process.returncode != 0
    assert "SECRET_KEY" in err
    assert not key_file.exists()


def test_the_key_file_is_ignored_by_git_and_docker() -> None:
    assert ".secret_key" in (ROOT / ".gitignore").read_text().split()
    assert ".secret_key" in (ROOT / ".dockerignore").read_text().split()
