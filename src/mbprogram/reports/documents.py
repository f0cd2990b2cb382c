"""Printable documents: a graduate's certificate and an attendance confirmation, as PDF.

Needs the ``pdf`` extra (fpdf2). Each function returns the PDF's bytes, in
bokmål or English; the command line writes them to a file readable by its
owner only (``mbprogram certificate``, ``mbprogram confirmation``,
docs/cli.md). The documents carry the student's name, for they are the
student's; never the identity number or anything sensitive.

- :func:`certificate_pdf`, the *kursbevis*: the name, the programme and its
  requirements, the cohort, the date and the certificate's id. Refused for a
  student without a certificate.
- :func:`attendance_confirmation_pdf`, for NAV or an employer: the theory
  hours and practice weeks (and the shares the rules ask for) as of a date,
  signed with the coordinator's name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mbprogram.catalogue import Lang, text
from mbprogram.exceptions import InvalidValueError
from mbprogram.model import validators as v
from mbprogram.model.history import student_path
from mbprogram.reports.pdf import Page
from mbprogram.reports.progress import percent_of
from mbprogram.rules.student import floor2

if TYPE_CHECKING:
    from mbprogram.model.cohort import Cohort
    from mbprogram.model.programme import ProgrammeRules
    from mbprogram.register.aggregate import Register

__all__ = ["attendance_confirmation_pdf", "certificate_pdf", "requirement_lines"]


def requirement_lines(rules: ProgrammeRules, lang: Lang = "nb") -> list[str]:
    """The programme's requirements as the documents list them, one line each."""
    lines = []
    if rules.theory_hours.value or rules.min_theory_share is None:
        hours = rules.theory_hours.value
        lines.append(text("documents.requirement.theory_hours", lang, hours=hours))
    if rules.min_theory_share is not None:
        share = rules.min_theory_share.value
        lines.append(text("documents.requirement.theory_share", lang, share=share))
    if rules.practice_weeks or rules.min_practice_share is None:
        weeks = rules.practice_weeks
        lines.append(text("documents.requirement.practice_weeks", lang, weeks=weeks))
    if rules.min_practice_share is not None:
        share = rules.min_practice_share.value
        lines.append(text("documents.requirement.practice_share", lang, share=share))
    if rules.literature_sign_off:
        lines.append(text("documents.requirement.literature", lang))
    if rules.assignment_approval:
        lines.append(text("documents.requirement.assignment", lang))
    return lines


def _cohort_line(cohort: Cohort, lang: Lang) -> str:
    period = cohort.period
    return text(
        "documents.cohort", lang, cohort=cohort.id, name=cohort.name, start=period.start,
        end=period.end,
    )  # fmt: skip


def certificate_pdf(
    register: Register, student_id: str, *, lang: Lang = "nb", font: Path | None = None
) -> bytes:
    """The certificate (*kursbevis*) of a graduate, as a PDF.

    ``font`` is a TrueType font file to set it in (default DejaVu Sans where
    the machine has it, :mod:`mbprogram.reports.pdf`).

    Raises:
        NotFoundError: if there is no such student.
        InvalidValueError: if the student has no certificate (path
            ``cohorts[C].students[S].certificate``), or the name has letters
            that no font at hand can print.
        MissingExtraError: without fpdf2.
    """
    student = register.student(student_id)
    certificate = student.certificate
    if certificate is None:
        path = f"{student_path(student.cohort, student.id)}.certificate"
        raise InvalidValueError(path, text("documents.certificate.missing", lang))
    cohort = register.cohort(certificate.cohort)
    title = text("documents.certificate.title", lang)
    page = Page(title, lang=lang, font=font, made_on=certificate.issued_on)
    page.space(20)
    page.title(title)
    page.space(6)
    page.line(text("documents.certificate.intro", lang), centred=True)
    page.line(student.name, size=20, centred=True)
    page.space(2)
    page.line(text("documents.certificate.completed", lang), centred=True)
    page.line(certificate.programme, size=16, centred=True)
    page.space(4)
    page.line(_cohort_line(cohort, lang), centred=True)
    page.space(10)
    page.line(text("documents.requirements", lang))
    page.items(requirement_lines(cohort.rules, lang))
    page.space(10)
    page.line(text("documents.certificate.issued", lang, day=certificate.issued_on))
    page.line(text("documents.certificate.id", lang, id=certificate.id), size=10)
    return page.pdf()


def attendance_confirmation_pdf(
    register: Register,
    student_id: str,
    as_of: dt.date,
    *,
    signed_by: str,
    lang: Lang = "nb",
    issued_on: dt.date | None = None,
    font: Path | None = None,
) -> bytes:
    """A confirmation of attendance as of ``as_of``, signed by ``signed_by``, as a PDF.

    It says the student's theory hours and practice weeks as of ``as_of``
    beside the requirements, and the attended shares the rules set a minimum
    for; it is dated ``issued_on`` (default ``as_of``) and signed with the
    coordinator's name ``signed_by``.

    Raises:
        NotFoundError: if there is no such student.
        InvalidValueError: if ``as_of`` or ``issued_on`` is not a date, ``signed_by``
            not a name of one line (at most 200 characters), or the text has
            letters that no font at hand can print.
        MissingExtraError: without fpdf2.
    """
    v.check_date(as_of, "as_of")
    day = as_of if issued_on is None else issued_on
    v.check_date(day, "issued_on")
    if not isinstance(signed_by, str) or not signed_by.strip() or len(signed_by) > 200:
        raise InvalidValueError("signed_by", "expected the name of who signs, 1 to 200 characters")
    if "\n" in signed_by or "\r" in signed_by:
        raise InvalidValueError("signed_by", "expected a name of one line")
    progress = register.progress(student_id, as_of)
    student = register.student(student_id)
    cohort = register.cohort(student.cohort)
    rules = cohort.rules
    title = text("documents.confirmation.title", lang)
    page = Page(title, lang=lang, font=font, made_on=day)
    page.title(title)
    intro = text("documents.confirmation.intro", lang, name=student.name, programme=rules.name)
    page.line(intro)
    page.line(_cohort_line(cohort, lang))
    status = progress.status.value if progress.status is not None else "none"
    page.line(text("documents.confirmation.status", lang, day=as_of,
                   status=text(f"documents.status.{status}", lang)))  # fmt: skip
    page.space(4)
    page.line(text("documents.confirmation.as_of", lang, day=as_of))
    lines = [
        text("documents.confirmation.theory_hours", lang,
             hours=floor2(progress.theory_hours.value),
             required=rules.theory_hours.value),
        text("documents.confirmation.practice_weeks", lang,
             weeks=floor2(progress.practice_weeks),
             required=rules.practice_weeks),
    ]  # fmt: skip
    theory, practice = percent_of(progress.theory_share), percent_of(progress.practice_share)
    if rules.min_theory_share is not None and theory is not None:
        lines.insert(1, text("documents.confirmation.theory_share", lang, share=theory,
                             minimum=rules.min_theory_share.value))  # fmt: skip
    if rules.min_practice_share is not None and practice is not None:
        lines.append(text("documents.confirmation.practice_share", lang, share=practice,
                          minimum=rules.min_practice_share.value))  # fmt: skip
    page.items(lines)
    page.line(text("documents.requirements", lang))
    page.items(requirement_lines(rules, lang))
    page.space(10)
    page.line(text("documents.confirmation.date", lang, day=day))
    page.rule()
    page.line(text("documents.confirmation.signature", lang), size=9)
    page.line(text("documents.confirmation.signed", lang, name=signed_by))
    return page.pdf()
