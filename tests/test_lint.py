"""ruff and mypy run clean: part of the test command so CI enforces them."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name):
    found = BIN / name
    if not found.exists() and shutil.which(name) is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return str(found if found.exists() else name)


@pytest.mark.parametrize(
    "args",
    [["check", "src", "tests"], ["format", "--check", "src", "tests"]],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff(args):
    result = subprocess.run([tool("ruff"), *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy():
    result = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
