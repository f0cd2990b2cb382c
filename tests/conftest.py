"""Shared test configuration: hypothesis profiles, and the demo's store.

``ci`` is derandomized so a run on a clean clone is reproducible; ``dev`` is the
default for local work; ``deep`` runs many examples (``make fuzz``). Choose one
with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.postgres_server import REQUIRED, NoServerError, Server, start

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile(
    "deep", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's store, written once by ``mbprogram demo --as-of 2026-11-23``."""
    from mbprogram.cli import main  # noqa: PLC0415

    store = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert 0 == main(["demo", "--store", str(store), "--as-of", "2026-11-23"], out=io.StringIO())
    return store


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """A PostgreSQL server for the session (``tests/postgres_server.py``), stopped at the end.

    Without one the test is skipped with the reason, unless
    ``MBPROGRAM_REQUIRE_POSTGRES=1`` (as ``.ci/run`` sets), which makes it a failure.
    """
    try:
        server = start()
    except NoServerError as e:
        if os.environ.get(REQUIRED) == "1":
            pytest.fail(f"{REQUIRED}=1 but {e}")
        pytest.skip(str(e))
    try:
        yield server
    finally:
        server.stop()
