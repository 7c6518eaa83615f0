"""Whatever a user types, the workbook shows it as text and never runs it."""

from __future__ import annotations

import io

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from readiness.exchange.spreadsheet import FORMULA_LEADERS, keep_text_as_text

# Text a spreadsheet can hold: no control characters but tab and CR (those are
# refused at the door, a separate rule).
printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\r"),
    min_size=1,
    max_size=40,
)


def as_xml_reads(text: str) -> str:
    """The workbook is XML, whose readers turn CR and CR LF into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=150, deadline=None)
@given(leader=st.sampled_from(FORMULA_LEADERS), rest=printable, plain=printable)
def test_text_comes_back_as_typed_and_never_as_a_formula(
    leader: str, rest: str, plain: str
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([leader + rest, plain, 42])
    keep_text_as_text(book)
    stream = io.BytesIO()
    book.save(stream)

    reread = openpyxl.load_workbook(io.BytesIO(stream.getvalue())).active
    assert reread is not None
    first, second, number = reread["A1"], reread["B1"], reread["C1"]
    assert (first.value, first.data_type, first.quotePrefix) == (
        as_xml_reads(leader + rest),
        "s",
        True,
    )
    assert second.value == as_xml_reads(plain) and second.data_type == "s"
    assert number.value == 42 and number.data_type == "n"
