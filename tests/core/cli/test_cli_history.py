"""One answer's history from the command line: every change, newest first, who, when,
value, note and evidence, in English or Chinese or as JSON."""

from __future__ import annotations

import json

import pytest

from readiness.cli import main

pytestmark = pytest.mark.both_backends


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(store_location: str, capsys: pytest.CaptureFixture[str]) -> str:
    run(capsys, "new", "--db", store_location, "--company", "Acme", "--markets", "IT")
    run(capsys, "answer", "--db", store_location, "--assessment", "1", "--item", "CERT-004",
        "--market", "IT", "--value", "1", "--note", "asked TÜV",
        "--as", "Chen Jie 陈杰")  # fmt: skip
    run(capsys, "answer", "--db", store_location, "--assessment", "1", "--item", "cert-004",
        "--market", "it", "--value", "3", "--note", "certificate\nreceived",
        "--as", "Li Wei")  # fmt: skip
    return store_location


def test_the_changes_newest_first_in_both_languages(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "CERT-004",
                       "--market", "IT")  # fmt: skip
    lines = out.splitlines()
    assert (
        code == 0
        and lines[0] == "History of the answer to CERT-004 (IT): 2 change(s), newest first"
    )
    assert lines[1].split() == ["When", "Who", "Change", "Value", "Note", "Evidence"]
    # A note's line break does not break the table.
    assert lines[2].split()[3:] == ["Li", "Wei", "changed", "3", "certificate", "received"]
    assert lines[3].split()[3:] == ["Chen", "Jie", "陈杰", "answered", "1", "asked", "TÜV"]
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "CERT-004",
                       "--market", "IT", "--lang", "zh")  # fmt: skip
    assert code == 0 and out.splitlines()[0] == "CERT-004（IT）的答案：共 2 次修改，最新的在前"
    assert "已修改" in out and "已回答" in out and "证明材料" in out


def test_as_json_with_the_state_before_and_after(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "CERT-004",
                       "--market", "IT", "--json")  # fmt: skip
    changed, answered = json.loads(out)
    assert code == 0 and answered["before"] is None
    assert changed["before"] == {"value": "1", "note": "asked TÜV", "evidence": []}
    assert changed["after"] == {"value": "3", "note": "certificate\nreceived", "evidence": []}
    assert (changed["changed_by"], changed["version"], changed["market"]) == ("Li Wei", 2, "IT")


def test_an_action_and_an_unchanged_answer(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "CERT-004",
                       "--market", "IT", "--action")  # fmt: skip
    assert code == 0 and out.strip() == "No change of the action on CERT-004 (IT) is recorded."
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "TALE-001")
    assert code == 0 and out.strip() == "No change of the answer to TALE-001 (company) is recorded."


def test_bad_input_says_what_and_where(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "NOPE-999")
    assert code == 1 and "--item: unknown question 'NOPE-999'" in err
    code, _, err = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "a b")
    assert code == 1 and "'a b' is not a question id" in err
    code, _, err = run(capsys, "history", "--db", db, "--assessment", "7", "--item", "CERT-004")
    assert code == 1 and "no assessment with id 7" in err


def test_an_actions_history_shows_owner_status_and_due_date(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    import datetime as dt

    from readiness.storage.opening import open_store

    with open_store(db, user="Wang Fang") as store:
        store.set_action(1, "CERT-004", "IT", owner="Zhou Lin", due_date=dt.date(2027, 3, 1))
    code, out, _ = run(capsys, "history", "--db", db, "--assessment", "1", "--item", "CERT-004",
                       "--market", "IT", "--action", "--lang", "zh")  # fmt: skip
    lines = out.splitlines()
    assert code == 0 and lines[0] == "CERT-004（IT）的行动：共 1 次修改，最新的在前"
    assert lines[1].split() == ["时间", "修改人", "修改", "负责人", "状态", "截止日期", "备注"]
    assert lines[2].split()[3:] == ["Wang", "Fang", "已创建", "Zhou", "Lin", "open", "2027-03-01"]
