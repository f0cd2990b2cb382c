"""The column a problem of a sheet of records is in: its field's, else the key column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mbprogram.services.sheet_import import blamed_column, column_of

_FIELDS = st.sampled_from(["student", "unit", "name", "email", "start", "end"])
_COLUMNS = st.dictionaries(_FIELDS, st.text(max_size=8))
_BLAMED = st.lists(st.tuples(st.sampled_from([".name", "email", "period", ".on"]), _FIELDS))


@given(_COLUMNS, _FIELDS, _FIELDS)
def test_a_field_without_a_column_falls_back_to_the_key_column(
    columns: dict[str, str], field: str, key: str
) -> None:
    found = column_of(columns, field, key)
    if columns.get(field):
        assert found == columns[field]
    else:
        assert found == columns.get(key, "")


@given(_COLUMNS, st.sampled_from(["", "students[0].name", "x.email", "period.end"]), _BLAMED)
def test_a_path_is_blamed_on_the_first_part_it_holds(
    columns: dict[str, str], path: str, blamed: list[tuple[str, str]]
) -> None:
    fields = [field for part, field in blamed if part in path]
    expected = column_of(columns, fields[0], "student") if fields else columns.get("student", "")
    assert blamed_column(columns, path, blamed, "student") == expected


def test_examples() -> None:
    columns = {"student": "Deltaker", "end": "Slutt"}
    blamed = (("period.end", "end"), ("period", "start"))
    assert blamed_column(columns, "placements[0].period.end", blamed, "student") == "Slutt"
    assert blamed_column(columns, "placements[0].period.start", blamed, "student") == "Deltaker"
    assert blamed_column(columns, "placements[0].unit", blamed, "student") == "Deltaker"
    assert column_of({}, "end", "student") == ""
