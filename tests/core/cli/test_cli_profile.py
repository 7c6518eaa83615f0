"""``readiness profile`` and ``readiness rates``: change what is given, print what is set,
refuse a bad value in one line with nothing saved."""

from __future__ import annotations

import pytest

from readiness.cli import main
from readiness.storage.opening import open_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], store_location: str) -> str:
    assert run(capsys, "demo", "--db", store_location)[0] == 0
    return store_location


@pytest.mark.both_backends
def test_profile_saves_what_is_given_and_prints_the_profile(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, out, err = run(
        capsys,
        "profile",
        "--db",
        demo,
        "--assessment",
        "1",
        "--employees",
        "280",
        "--channel",
        "traders",
        "--channel",
        "direct",
        "--product",
        "special_vehicles",
        "--certificate",
        "iatf_16949",
        "--other-certificates",
        "CCC 强制性认证",
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "employees: 280",
        "export channels: traders, direct",
        "product types: special_vehicles",
        "certificates: iatf_16949",
        "other certificates: CCC 强制性认证",
    ]
    # Given no change, it only reads, and prints the same.
    assert run(capsys, "profile", "--db", demo, "--assessment", "1", "--read-only")[1] == out
    code, out, _ = run(
        capsys, "profile", "--db", demo, "--assessment", "1", "--clear", "certificates"
    )
    assert code == 0 and "certificates: -" in out and "employees: 280" in out
    with open_store(demo) as store:
        company = store.snapshot(1).company
    assert (company.employees, company.certificates) == (280, ())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--employees", "-5"], "'-5' is not a number of employees"),
        (["--employees", "many"], "not a number of employees"),
        (["--certificate", "iso_27001"], "invalid choice: 'iso_27001'"),
        (["--channel", "online"], "invalid choice: 'online'"),
        (["--other-certificates", "a\x00b"], "--other-certificates"),
    ],
)
def test_profile_refuses_a_bad_value_in_one_line_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], demo: str, args: list[str], message: str
) -> None:
    run(capsys, "profile", "--db", demo, "--assessment", "1", "--employees", "12")
    with pytest.raises(SystemExit) as exited:
        main(["profile", "--db", demo, "--assessment", "1", "--product", "vehicles", *args])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and message in err
    with open_store(demo) as store:
        company = store.snapshot(1).company
    # The sample makes parts; the refused command changed nothing.
    assert (company.employees, company.product_types) == (12, ("parts",))


def test_profile_refuses_clearing_and_setting_one_field_at_once(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, _, err = run(
        capsys, "profile", "--db", demo, "--assessment", "1", "--clear", "products",
        "--product", "parts",
    )  # fmt: skip
    assert code != 0 and "--clear and a new value for product types" in err


def test_a_writing_profile_is_refused_read_only(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, _, err = run(
        capsys, "profile", "--db", demo, "--assessment", "1", "--employees", "3", "--read-only"
    )
    assert code != 0 and "--read-only was given" in err


@pytest.mark.both_backends
def test_rates_sets_the_currency_and_rates_and_prints_them(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, out, _ = run(capsys, "rates", "--db", demo, "--assessment", "1")
    assert code == 0 and out.splitlines() == [
        "budget currency: CNY",
        "exchange rates: none (costs in other currencies are not converted)",
    ]
    code, out, err = run(
        capsys, "rates", "--db", demo, "--assessment", "1", "--currency", "EUR",
        "--set", "EUR=7.85@2026-12-01", "--set", "USD=7.12@2026-11-30",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "budget currency: EUR",
        "EUR: 1 EUR = 7.85 CNY as of 2026-12-01",
        "USD: 1 USD = 7.12 CNY as of 2026-11-30",
    ]
    code, out, _ = run(capsys, "rates", "--db", demo, "--assessment", "1", "--remove", "USD")
    assert out.splitlines()[1:] == ["EUR: 1 EUR = 7.85 CNY as of 2026-12-01"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "EUR=7,85@2026-12-01"], "not of the form EUR=7.85@2026-12-01"),
        (["--set", "GBP=9@2026-12-01"], "currency 'GBP' is not one of EUR, USD"),
        (["--currency", "JPY"], "invalid choice: 'JPY'"),
        (["--remove", "CNY"], "invalid choice: 'CNY'"),
    ],
)
def test_rates_refuses_a_bad_value_before_reading_anything(
    capsys: pytest.CaptureFixture[str], demo: str, args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["rates", "--db", demo, "--assessment", "1", "--currency", "USD", *args])
    assert exited.value.code == 2 and message in capsys.readouterr().err
    with open_store(demo) as store:
        assert store.assessment(1).budget_currency == "CNY"


def test_a_zero_rate_is_refused_with_nothing_saved(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, _, err = run(
        capsys, "rates", "--db", demo, "--assessment", "1", "--currency", "USD",
        "--set", "EUR=0@2026-12-01",
    )  # fmt: skip
    assert code == 1 and "The rate for EUR is 0.0" in err and err.count("\n") == 1
    with open_store(demo) as store:
        assert store.assessment(1).budget_currency == "CNY"
        assert store.rates(1) == []


def test_a_missing_assessment_is_told_in_one_line(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, _, err = run(capsys, "rates", "--db", demo, "--assessment", "9")
    assert code == 1 and "no assessment with id 9" in err
