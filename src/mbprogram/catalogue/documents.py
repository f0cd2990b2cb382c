"""The printable documents' texts: the certificate and the attendance confirmation.

Keys ``documents.…`` are the documents' own words (``reports/documents.py``);
keys ``cli.certificate.…`` and ``cli.confirmation.…`` the commands that write
them (``cli/documents.py``, docs/cli.md), and ``cli.group.documents`` the
title ``mbprogram --help`` lists them under.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["TEXTS"]

TEXTS: Final[Mapping[str, Mapping[str, str]]] = {
    # -- the title ``mbprogram --help`` lists the document commands under
    "cli.group.documents": {"nb": "dokumenter", "en": "documents"},
    # -- the certificate (kursbevis)
    "documents.certificate.title": {"nb": "Kursbevis", "en": "Certificate"},
    "documents.certificate.intro": {
        "nb": "Dette bekrefter at",
        "en": "This is to certify that",
    },
    "documents.certificate.completed": {
        "nb": "har fullført opplæringsprogrammet",
        "en": "has completed the training programme",
    },
    "documents.certificate.issued": {"nb": "Utstedt {day}", "en": "Issued on {day}"},
    "documents.certificate.id": {"nb": "Kursbevis nr. {id}", "en": "Certificate no. {id}"},
    "documents.certificate.missing": {
        "nb": "deltakeren har ikke kursbevis: et kursbevis skrives bare ut for en som er "
        "uteksaminert",
        "en": "the student has no certificate: a certificate is printed only for a graduate",
    },
    # -- what both documents say of the cohort and the programme
    "documents.cohort": {
        "nb": "Kull {cohort} ({name}), {start} til {end}",
        "en": "Cohort {cohort} ({name}), {start} to {end}",
    },
    "documents.requirements": {
        "nb": "Programmets krav:",
        "en": "The programme's requirements:",
    },
    "documents.requirement.theory_hours": {
        "nb": "{hours} {hours:time|timer} godkjent teoriundervisning",
        "en": "{hours} {hours:hour|hours} of credited theory teaching",
    },
    "documents.requirement.theory_share": {
        "nb": "oppmøte i minst {share} % av teoriundervisningen",
        "en": "attendance at no less than {share} % of the theory teaching",
    },
    "documents.requirement.practice_weeks": {
        "nb": "{weeks} {weeks:uke|uker} praksis",
        "en": "{weeks} {weeks:week|weeks} of practice",
    },
    "documents.requirement.practice_share": {
        "nb": "oppmøte i minst {share} % av praksisdagene",
        "en": "attendance on no less than {share} % of the practice days",
    },
    "documents.requirement.literature": {
        "nb": "godkjente litteraturstudier",
        "en": "literature studies signed off",
    },
    "documents.requirement.assignment": {
        "nb": "godkjent avsluttende oppgave",
        "en": "an approved final assignment",
    },
    # -- the attendance confirmation (for NAV or an employer)
    "documents.confirmation.title": {
        "nb": "Bekreftelse på deltakelse",
        "en": "Confirmation of attendance",
    },
    "documents.confirmation.intro": {
        "nb": "Det bekreftes at {name} er deltaker i opplæringsprogrammet {programme}.",
        "en": "This confirms that {name} is a student of the training programme {programme}.",
    },
    "documents.confirmation.status": {
        "nb": "Status per {day}: {status}.",
        "en": "Status as of {day}: {status}.",
    },
    "documents.confirmation.as_of": {
        "nb": "Per {day} har deltakeren:",
        "en": "As of {day} the student has:",
    },
    "documents.confirmation.theory_hours": {
        "nb": "{hours} {hours:time|timer} godkjent teoriundervisning (kravet er {required} t)",
        "en": "{hours} {hours:hour|hours} of credited theory teaching ({required} h required)",
    },
    "documents.confirmation.theory_share": {
        "nb": "deltatt i {share} % av teoriundervisningen som er holdt (kravet er minst "
        "{minimum} %)",
        "en": "attended {share} % of the theory teaching held ({minimum} % required at least)",
    },
    "documents.confirmation.practice_weeks": {
        "nb": "{weeks} {weeks:uke|uker} praksis (kravet er {required})",
        "en": "{weeks} {weeks:week|weeks} of practice ({required} required)",
    },
    "documents.confirmation.practice_share": {
        "nb": "vært til stede {share} % av praksisdagene så langt (kravet er minst {minimum} %)",
        "en": "been present on {share} % of the practice days so far ({minimum} % required "
        "at least)",
    },
    "documents.confirmation.signed": {"nb": "Signert av {name}", "en": "Signed by {name}"},
    "documents.confirmation.signature": {"nb": "Signatur", "en": "Signature"},
    "documents.confirmation.date": {"nb": "Dato: {day}", "en": "Date: {day}"},
    "documents.status.applicant": {"nb": "søker", "en": "applicant"},
    "documents.status.admitted": {"nb": "tatt opp", "en": "admitted"},
    "documents.status.active": {"nb": "aktiv deltaker", "en": "active student"},
    "documents.status.on-leave": {"nb": "i permisjon", "en": "on leave"},
    "documents.status.withdrawn": {"nb": "sluttet", "en": "withdrawn"},
    "documents.status.graduated": {"nb": "uteksaminert", "en": "graduated"},
    "documents.status.none": {"nb": "ikke registrert ennå", "en": "not registered yet"},
    "documents.font.missing": {
        "nb": "teksten har tegn som PDF-ens innebygde skrift ikke har: installer skriften "
        "DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core) eller gi en TrueType-skrift med font=",
        "en": "the text has characters that the PDF's built-in font lacks: install the "
        "DejaVu Sans font (Debian/Ubuntu: fonts-dejavu-core) or give a TrueType font with font=",
    },
    # -- the commands
    "cli.certificate.help": {
        "nb": "skriv ut kursbeviset til en uteksaminert deltaker som PDF",
        "en": "print a graduate's certificate as a PDF",
    },
    "cli.certificate.description": {
        "nb": "Skriv kursbeviset (navnet, programmet og kravene, kullet, datoen og "
        "kursbevisnummeret) til en PDF-fil, lesbar bare for eieren. Nektes for en deltaker "
        "uten kursbevis. Trenger tillegget pdf: pip install 'mbprogram[pdf]'.",
        "en": "Write the certificate (the name, the programme and its requirements, the "
        "cohort, the date and the certificate number) to a PDF file readable by its owner "
        "only. Refused for a student without a certificate. Needs the pdf extra: pip install "
        "'mbprogram[pdf]'.",
    },
    "cli.confirmation.help": {
        "nb": "skriv ut en bekreftelse på deltakelse (for NAV eller en arbeidsgiver) som PDF",
        "en": "print a confirmation of attendance (for NAV or an employer) as a PDF",
    },
    "cli.confirmation.description": {
        "nb": "Skriv en bekreftelse på deltakerens teoritimer og praksisuker per en dag, signert "
        "med koordinatorens navn, til en PDF-fil, lesbar bare for eieren. Trenger tillegget "
        "pdf: pip install 'mbprogram[pdf]'.",
        "en": "Write a confirmation of the student's theory hours and practice weeks as of a "
        "day, signed with the coordinator's name, to a PDF file readable by its owner only. "
        "Needs the pdf extra: pip install 'mbprogram[pdf]'.",
    },
    "cli.documents.output": {
        "nb": "PDF-filen som skal skrives (FIL.pdf; erstattes hvis den finnes)",
        "en": "the PDF file to write (FILE.pdf; replaced if it exists)",
    },
    "cli.option.signed_by": {
        "nb": "navnet til koordinatoren som signerer",
        "en": "the name of the coordinator who signs",
    },
    "cli.documents.not_pdf": {
        "nb": "--output må være en .pdf-fil",
        "en": "--output must be a .pdf file",
    },
    "cli.documents.wrote": {"nb": "Skrev {file}", "en": "Wrote {file}"},
}
