"""``mbprogram certificate`` and ``mbprogram confirmation``: PDFs written 0600, or refused."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pypdf
import pytest

from mbprogram.cli import main
from mbprogram.storage.files import save
from tests.builders import GRADUATION_DAY, STAMP, complete, enrol, make_register


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    register = make_register(0)
    enrol(register, "S-01", name="Øyvind Ås")
    enrol(register, "S-02")
    complete(register, "S-01")
    register.graduate("S-01", on=GRADUATION_DAY, by=STAMP)
    path = tmp_path_factory.mktemp("store") / "register.json"
    save(register, path)
    return path


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    captured = capsys.readouterr()
    return code, out.getvalue() + captured.out, captured.err


def text_of(path: Path) -> str:
    return " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())


def test_the_certificate_is_written_readable_by_its_owner_only(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "kursbevis.pdf"
    code, out, err = run("certificate", str(store), "S-01", "--output", str(output), capsys=capsys)

    assert (0, "") == (code, err)
    assert f"Skrev {output}" in out
    assert 0o600 == stat.S_IMODE(output.stat().st_mode)
    assert "Kursbevis Dette bekrefter at Øyvind Ås" in text_of(output)
    assert [output] == list(tmp_path.iterdir())  # no temporary file left


def test_a_certificate_for_a_student_without_one_is_refused_and_writes_nothing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "kursbevis.pdf"
    code, out, _ = run(
        "certificate", str(store), "S-02", "--output", str(output), "--format", "json",
        "--lang", "en", capsys=capsys,
    )  # fmt: skip

    assert 2 == code
    (problem,) = json.loads(out)["problems"]
    assert "cohorts[K1].students[S-02].certificate" == problem["path"]
    assert not output.exists()


def test_the_confirmation_takes_the_day_in_either_form_and_the_signer(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "bekreftelse.pdf"
    code, _, err = run(
        "confirmation", str(store), "S-02", "--as-of", "2026-04-30", "--output", str(output),
        "--signed-by", "Kåre Krog", capsys=capsys,
    )  # fmt: skip

    assert (0, "") == (code, err)
    shown = text_of(output)
    assert "Per 30.04.2026 har deltakeren:" in shown
    assert shown.endswith("Signert av Kåre Krog")
    assert 0o600 == stat.S_IMODE(output.stat().st_mode)


def test_an_output_that_is_not_a_pdf_is_refused_so_a_store_is_never_overwritten(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.read_bytes()
    code, _, err = run(
        "certificate", str(store), "S-01", "--output", str(store), "--lang", "en", capsys=capsys
    )

    assert 2 == code
    assert "--output must be a .pdf file" in err
    assert before == store.read_bytes()


def test_the_confirmation_needs_who_signs(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run("confirmation", str(store), "S-02", "--output", "x.pdf", capsys=capsys)

    assert 2 == code
    assert "--signed-by" in err
