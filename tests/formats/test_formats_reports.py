"""Reports in words: the charter's reasons, the decision block of an evaluation."""

from __future__ import annotations

from datetime import date, time, timedelta

from presence_postale.domain import charter
from presence_postale.domain.hours import DayHours
from presence_postale.formats import words
from presence_postale.formats.reports.compliance import reason
from presence_postale.formats.reports.programme import decision

MONDAY = date(2021, 4, 26)


def _week(*hours_per_day: tuple[int, int]) -> list[DayHours]:
    return [
        DayHours(MONDAY + timedelta(days=n), ((time(start), time(end)),))
        for n, (start, end) in enumerate(hours_per_day)
    ]


def _row(check: charter.CharterCheck) -> dict[str, object]:
    return {"days_open": check.days_open, "hours": check.hours, "staff": check.staff}


def test_the_charters_reasons_in_words() -> None:
    result = charter.check(_week((9, 12), (9, 12), (9, 11)), staff=1, hours_known=True)
    said = [words.say(reason(code, _row(result))) for code in result.reasons]
    assert said == [
        "ouvert 3 jours (minimum 5)",
        "ouvert 8 h (minimum 24 h)",
        "1 personnel polyvalent (minimum 2)",
    ]
    said = [words.say(reason(code, _row(result)), "en") for code in result.reasons]
    assert said == [
        "open 3 days (at least 5)",
        "open 8 h (at least 24 h)",
        "1 polyvalent staff (at least 2)",
    ]
    half = charter.CharterCheck(charter.FAIL, 2, 6.5, 2, ("too_few_hours",))
    assert words.say(reason("too_few_hours", _row(half))) == "ouvert 6,5 h (minimum 24 h)"
    assert words.say(reason("too_few_hours", _row(half)), "en") == "open 6.5 h (at least 24 h)"
    unknown = charter.CharterCheck(
        charter.UNKNOWN, 0, 0.0, None, ("hours_unknown", "staff_unknown")
    )
    said = [words.say(reason(code, _row(unknown))) for code in unknown.reasons]
    assert said == ["horaires inconnus", "effectif polyvalent inconnu"]


def test_the_decision_block_in_words() -> None:
    facts = {
        "trend": "up",
        "recent": 4.5,
        "before": 3.0,
        "status": "extended",
        "ended_on": None,
        "horizon": date(2021, 12, 31),
    }
    assert [words.say(line) for line in decision(facts)] == [
        "Fréquentation récente : 4,5 visiteurs par permanence tenue (contre 3,0 auparavant) "
        "— tendance : hausse.",
        "Fin prévue le 31 décembre 2021 : décider de prolonger ou d'arrêter.",
    ]
    assert [words.say(line, "en") for line in decision(facts)] == [
        "Recent attendance: 4.5 visitors per held occurrence (against 3.0 before) — trend: up.",
        "Planned end 31 December 2021: decide whether to extend or end.",
    ]
    ended = {**facts, "trend": None, "status": "ended", "ended_on": date(2021, 7, 7)}
    assert [words.say(line) for line in decision(ended)] == [
        "Pas assez de bilans saisis pour dégager une tendance.",
        "Programme terminé le 7 juillet 2021.",
    ]
