"""argparse's own words (headings, the help of ``--help``, wrong usage) in bokmål and English."""

from __future__ import annotations

import argparse
import inspect
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbprogram.catalogue import argparse_words
from mbprogram.cli.common import Parser, UsageError, terminal_columns
from mbprogram.cli.parser_words import MESSAGE_KEYS, translated
from tests.cli_runner import run

#: Values as argparse fills them in: no line breaks, never empty.
VALUE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20)


def made_by_argparse(message_id: str, values: object) -> str:
    """The message argparse makes of ``message_id`` and ``values`` (as it does: with ``%``)."""
    return message_id % values


def test_every_message_id_is_one_argparse_uses() -> None:
    source = inspect.getsource(argparse)
    missing = [m for m in MESSAGE_KEYS if f"'{m}'" not in source and f'"{m}"' not in source]
    assert [] == missing


def test_every_message_id_has_a_text_of_the_section_and_every_text_an_id() -> None:
    assert set(MESSAGE_KEYS.values()) == set(argparse_words.TEXTS)


@given(name=VALUE, value=VALUE, choices=st.lists(VALUE, min_size=1, max_size=4))
def test_english_gives_argparse_s_own_message_and_bokmal_keeps_the_values(
    name: str, value: str, choices: list[str]
) -> None:
    quoted = ", ".join(map(repr, choices))
    made = [
        made_by_argparse(
            "argument %(argument_name)s: %(message)s",
            {
                "argument_name": name,
                "message": made_by_argparse(
                    "invalid choice: %(value)r (choose from %(choices)s)",
                    {"value": value, "choices": quoted},
                ),
            },
        ),
        made_by_argparse("the following arguments are required: %s", ", ".join(choices)),
        made_by_argparse("unrecognized arguments: %s", " ".join(choices)),
        made_by_argparse("invalid %(type)s value: %(value)r", {"type": name, "value": value}),
        made_by_argparse(
            "ambiguous option: %(option)s could match %(matches)s",
            {"option": name, "matches": value},
        ),
    ]
    for message in made:
        assert message == translated(message, "en")
        assert message != translated(message, "nb")
    assert repr(value) in translated(made[0], "nb")
    assert all(c in translated(made[1], "nb") for c in choices)


@given(n=st.integers(min_value=0, max_value=1000))
def test_a_count_of_arguments_takes_its_plural(n: int) -> None:
    message = made_by_argparse("expected %s argument" if n == 1 else "expected %s arguments", n)
    assert message == translated(message, "en")
    assert f"ventet {n} {'verdi' if n == 1 else 'verdier'}" == translated(message, "nb")


@given(message=VALUE)
def test_a_message_argparse_did_not_make_is_left_as_it_is(message: str) -> None:
    if not any(message.startswith(w) for w in ("argument ", "the following", "unrecognized")):
        assert message == translated(message, "nb")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", ["bruk: mbprogram", "argumenter:", "valg:", "vis denne hjelpeteksten og avslutt"]),
        ("en", ["usage: mbprogram", "positional arguments:", "options:", "show this help"]),
    ],
)
def test_the_help_s_headings_are_in_the_language_asked_for(
    lang: str, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["--help"], ["progress", "--help"]):
        code, out, _ = run(*argv, "--lang", lang, capsys=capsys)
        assert 0 == code
        assert out.startswith(words[0])
        assert all(w in out for w in words)
    if lang == "nb":
        assert not any(w in out for w in ("usage:", "options:", "positional arguments:"))


@pytest.mark.parametrize(
    ("argv", "nb", "en"),
    [
        (["progress"], "disse argumentene mangler: FILE", "the following arguments are required"),
        (["nope"], "argumentet COMMAND: ugyldig valg: 'nope' (velg blant 'init'", "invalid choice"),
        (["progress", "a.json", "b"], "ukjente argumenter: b", "unrecognized arguments: b"),
        (["progress", "a.json", "--as-of"], "--as-of: ventet én verdi", "expected one argument"),
    ],
)
def test_wrong_usage_is_explained_in_the_language_asked_for(
    argv: list[str], nb: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(*argv, "--lang", "nb", capsys=capsys)
    assert 2 == code
    assert err.startswith("bruk: mbprogram")
    assert nb in err
    code, _, err = run(*argv, "--lang", "en", capsys=capsys)
    assert 2 == code
    assert err.startswith("usage: mbprogram")
    assert en in err


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nb", "disse argumentene mangler: COMMAND"), ("en", "the following arguments are required")],
)
def test_no_command_at_all_is_explained_in_the_language_of_the_environment(
    lang: str, words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MBPROGRAM_LANG", lang)
    code, _, err = run(capsys=capsys)
    assert 2 == code
    assert words in err


def test_wrong_usage_as_json_is_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run("progress", "--format", "json", "--lang", "nb", capsys=capsys)
    assert 2 == code
    assert "disse argumentene mangler: FILE" in json.loads(out)["problems"][0]["message"]


def test_a_value_of_the_wrong_type_is_explained_in_bokmal() -> None:
    parser = Parser(prog="p", lang="nb")
    parser.add_argument("--n", type=int)
    with pytest.raises(UsageError) as raised:
        parser.parse_args(["--n", "x"])
    assert "p: argumentet --n: ugyldig verdi for int: 'x'" == str(raised.value)


@pytest.mark.parametrize("columns", [None, "", "abc", "-3", "0", "1", "57", "200"])
def test_the_help_is_as_wide_as_argparse_would_make_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil  # noqa: PLC0415

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert shutil.get_terminal_size().columns == terminal_columns()
