"""What the company profile says about one answer row of the question card: an answer
kept but not counted for this profile, or a row a held certificate answers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from readiness.domain.profile import CERTIFICATE_NAMES
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import AnswerKey


def profile_mark(result: AssessmentResult | None, key: AnswerKey) -> tuple[str, str]:
    """The marker's text and tooltip for the row ``key``; empty texts when there is none."""
    if result is None:
        return "", ""
    if key in result.not_counted:
        return (
            QCoreApplication.translate("QuestionCard", "Not counted for this profile"),
            QCoreApplication.translate(
                "QuestionCard",
                "The company profile says this question does not apply to what the company "
                "makes. The answer is kept and counts again if the profile changes.",
            ),
        )
    certificate = result.pre_answered.get(key)
    if certificate is None or key in result.answers:
        return "", ""
    name = CERTIFICATE_NAMES[certificate]
    value = result.fit.answers.get(key) if result.fit else None
    level = value.level if value is not None else None
    text = QCoreApplication.translate("QuestionCard", "Pre-answered from %1").replace("%1", name)
    if level is not None:
        text += " · " + QCoreApplication.translate("QuestionCard", "level %1").replace(
            "%1", str(level)
        )
    return (
        text,
        QCoreApplication.translate(
            "QuestionCard",
            "The certificate the company holds counts for this question until you answer "
            "it yourself.",
        ),
    )
