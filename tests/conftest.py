from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev"
SEED = SHARED / "seed"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"gold sets not present at {DEV}")
    return DEV


@pytest.fixture(scope="session")
def seed_path() -> Path:
    found = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not found:
        pytest.skip(f"seed article not present at {SEED}")
    return found[0]
