"""What each market fact is: its key, its unit, how its value is written, the range it
must lie in and what qualifies it (a year, an agreement, an exporter group)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from readiness.content.model import LocalizedText


class FactKey(StrEnum):
    """The facts a market can carry."""

    DUTY_MFN_CARS = "duty_mfn_8703"
    DUTY_MFN_TRUCKS = "duty_mfn_8704"
    DUTY_MFN_PARTS = "duty_mfn_8708"
    DUTY_MFN_BATTERIES = "duty_mfn_850760"
    DUTY_PREF_CARS = "duty_pref_8703"
    DUTY_PREF_TRUCKS = "duty_pref_8704"
    DUTY_PREF_PARTS = "duty_pref_8708"
    DUTY_PREF_BATTERIES = "duty_pref_850760"
    TRADE_DEFENCE_BEV = "trade_defence_bev"
    FTA_CHINA = "fta_china"
    NEW_VEHICLE_SALES = "new_vehicle_sales"
    NEW_VEHICLE_SALES_GROWTH = "new_vehicle_sales_growth"
    LPI_SCORE = "lpi_score"
    TRANSIT_DAYS = "transit_days"
    SEA_DISTANCE = "sea_distance_nm"
    UNECE_1958 = "unece_1958"
    DRIVE_SIDE = "drive_side"
    CURRENCY = "currency"
    COUNTRY_RISK = "country_risk_oecd"


class ValueKind(StrEnum):
    """How a fact's value is written."""

    NUMBER = "number"
    YES_NO = "yes_no"
    SIDE = "side"
    CURRENCY = "currency"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class FactDefinition:
    """What one fact means, its unit, the range its value must lie in, and what qualifies it."""

    key: FactKey
    label: LocalizedText
    unit: str
    kind: ValueKind
    qualifier: LocalizedText | None = None  # what the qualifier names, when one is required
    minimum: float | None = None
    maximum: float | None = None


def _duty(key: FactKey, en: str, zh: str, qualifier: LocalizedText | None = None) -> FactDefinition:
    return FactDefinition(
        key, LocalizedText(en=en, zh=zh), "%", ValueKind.NUMBER, qualifier, 0.0, 1000.0
    )


_AGREEMENT = LocalizedText(en="agreement", zh="协定")

DEFINITIONS: Mapping[FactKey, FactDefinition] = {
    d.key: d
    for d in (
        _duty(
            FactKey.DUTY_MFN_CARS,
            "Import duty, passenger cars (HS 8703), MFN",
            "乘用车（HS 8703）进口关税，最惠国税率",
        ),
        _duty(
            FactKey.DUTY_MFN_TRUCKS,
            "Import duty, goods vehicles (HS 8704), MFN",
            "货车（HS 8704）进口关税，最惠国税率",
        ),
        _duty(
            FactKey.DUTY_MFN_PARTS,
            "Import duty, vehicle parts (HS 8708), MFN",
            "汽车零部件（HS 8708）进口关税，最惠国税率",
        ),
        _duty(
            FactKey.DUTY_MFN_BATTERIES,
            "Import duty, lithium-ion batteries (HS 8507.60), MFN",
            "锂离子蓄电池（HS 8507.60）进口关税，最惠国税率",
        ),
        _duty(
            FactKey.DUTY_PREF_CARS,
            "Import duty, passenger cars (HS 8703), China-origin preference",
            "乘用车（HS 8703）进口关税，中国原产优惠税率",
            _AGREEMENT,
        ),
        _duty(
            FactKey.DUTY_PREF_TRUCKS,
            "Import duty, goods vehicles (HS 8704), China-origin preference",
            "货车（HS 8704）进口关税，中国原产优惠税率",
            _AGREEMENT,
        ),
        _duty(
            FactKey.DUTY_PREF_PARTS,
            "Import duty, vehicle parts (HS 8708), China-origin preference",
            "汽车零部件（HS 8708）进口关税，中国原产优惠税率",
            _AGREEMENT,
        ),
        _duty(
            FactKey.DUTY_PREF_BATTERIES,
            "Import duty, lithium-ion batteries (HS 8507.60), China-origin preference",
            "锂离子蓄电池（HS 8507.60）进口关税，中国原产优惠税率",
            _AGREEMENT,
        ),
        _duty(
            FactKey.TRADE_DEFENCE_BEV,
            "Trade-defence duty on China-made battery-electric cars",
            "对中国产纯电动汽车征收的贸易救济税",
            LocalizedText(en="exporter group", zh="出口企业组别"),
        ),
        FactDefinition(
            FactKey.FTA_CHINA,
            LocalizedText(en="Free-trade agreement with China", zh="与中国的自由贸易协定"),
            "-",
            ValueKind.TEXT,
        ),
        FactDefinition(
            FactKey.NEW_VEHICLE_SALES,
            LocalizedText(en="New-vehicle sales", zh="新车销量"),
            "vehicles",
            ValueKind.NUMBER,
            LocalizedText(en="year", zh="年份"),
            0.0,
            1e9,
        ),
        FactDefinition(
            FactKey.NEW_VEHICLE_SALES_GROWTH,
            LocalizedText(en="New-vehicle sales growth", zh="新车销量增长"),
            "%",
            ValueKind.NUMBER,
            LocalizedText(en="period", zh="期间"),
            -100.0,
            1000.0,
        ),
        FactDefinition(
            FactKey.LPI_SCORE,
            LocalizedText(
                en="Logistics Performance Index (World Bank)", zh="物流绩效指数（世界银行）"
            ),
            "score 1-5",
            ValueKind.NUMBER,
            LocalizedText(en="edition", zh="版次"),
            1.0,
            5.0,
        ),
        FactDefinition(
            FactKey.TRANSIT_DAYS,
            LocalizedText(en="Transit time from China", zh="自中国出发的运输时间"),
            "days",
            ValueKind.NUMBER,
            LocalizedText(en="from", zh="起运地"),
            0.0,
            365.0,
        ),
        FactDefinition(
            FactKey.SEA_DISTANCE,
            LocalizedText(en="Sea distance from China", zh="自中国出发的海运距离"),
            "nautical miles",
            ValueKind.NUMBER,
            LocalizedText(en="route", zh="航线"),
            0.0,
            30000.0,
        ),
        FactDefinition(
            FactKey.UNECE_1958,
            LocalizedText(
                en="Party to the UNECE 1958 Agreement", zh="联合国欧洲经济委员会1958年协定缔约方"
            ),
            "-",
            ValueKind.YES_NO,
        ),
        FactDefinition(
            FactKey.DRIVE_SIDE,
            LocalizedText(en="Traffic drives on the", zh="车辆行驶方向"),
            "-",
            ValueKind.SIDE,
        ),
        FactDefinition(
            FactKey.CURRENCY, LocalizedText(en="Currency", zh="货币"), "-", ValueKind.CURRENCY
        ),
        FactDefinition(
            FactKey.COUNTRY_RISK,
            LocalizedText(
                en="OECD country risk class (0 = lowest)", zh="经合组织国家风险等级（0为最低）"
            ),
            "class 0-7",
            ValueKind.NUMBER,
            None,
            0.0,
            7.0,
        ),
    )
}

REQUIRED_QUALIFIER = frozenset(
    {
        FactKey.DUTY_PREF_CARS,
        FactKey.DUTY_PREF_TRUCKS,
        FactKey.DUTY_PREF_PARTS,
        FactKey.DUTY_PREF_BATTERIES,
        FactKey.TRADE_DEFENCE_BEV,
        FactKey.NEW_VEHICLE_SALES,
        FactKey.NEW_VEHICLE_SALES_GROWTH,
        FactKey.LPI_SCORE,
        FactKey.TRANSIT_DAYS,
        FactKey.SEA_DISTANCE,
    }
)
