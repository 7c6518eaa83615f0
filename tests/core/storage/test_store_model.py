"""The store behaves like a plain dictionary of answers, whatever the order of edits.

Notes are any text: what the text policy refuses is refused and changes nothing,
what it cleans (a carriage return) is stored cleaned.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.text import clean_text
from readiness.exchange.document import (
    document_json,
    export_document,
    import_document,
    read_document,
)
from readiness.files import write_text_atomically
from readiness.storage.opening import open_store
from readiness.storage.refusals import RefusedValueError

ITEMS = st.sampled_from(["CERT-001", "LOGI-002", "TALE-003", "QUAL-004"])
MARKETS = st.sampled_from([None, "IT", "MA"])
VALUES = st.sampled_from(list(AnswerValue))
NOTES = st.none() | st.text(max_size=12)

Key = tuple[str, str | None]


class StoreMatchesDictionary(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.store = open_store(str(self.folder / "model.sqlite3"), backup_on_open=False)
        company = self.store.create_company("Model Motors")
        assert company.id is not None
        assessment = self.store.create_assessment(
            company.id, "model", "test", [MarketChoice("IT"), MarketChoice("MA")]
        )
        assert assessment.id is not None
        self.assessment_id = assessment.id
        self.model: dict[Key, tuple[str, str]] = {}

    @rule(item=ITEMS, market=MARKETS, value=VALUES, note=NOTES)
    def answer(self, item: str, market: str | None, value: AnswerValue, note: str | None) -> None:
        refused = False
        try:
            expected = None if note is None else clean_text(note)
        except ValueError:
            refused = True
        if refused:
            with pytest.raises(RefusedValueError):
                self.store.set_answer(self.assessment_id, item, market, value, note=note)
            return
        self.store.set_answer(self.assessment_id, item, market, value, note=note)
        note = expected
        previous_note = self.model.get((item, market), ("", ""))[1]
        self.model[(item, market)] = (value.value, previous_note if note is None else note)

    @rule(item=ITEMS, market=MARKETS)
    def clear(self, item: str, market: str | None) -> None:
        self.store.clear_answer(self.assessment_id, item, market)
        self.model.pop((item, market), None)

    @rule()
    def export_and_import(self) -> None:
        path = self.folder / "exchange.json"
        write_text_atomically(path, document_json(export_document(self.store, self.assessment_id)))
        self.assessment_id = import_document(self.store, read_document(path))

    @invariant()
    def same_answers(self) -> None:
        stored = {
            (a.item_id, a.market_code or None): (a.value, a.note)
            for a in self.store.answers(self.assessment_id)
        }
        assert stored == self.model

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


TestStoreMatchesDictionary = StoreMatchesDictionary.TestCase
TestStoreMatchesDictionary.settings = settings(
    max_examples=30, stateful_step_count=15, deadline=None
)
