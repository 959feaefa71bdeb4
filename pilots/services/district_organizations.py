"""The organisations named in trondheim_sites.json, normalised.

The source names organisations loosely ("NTNU Department of Geoscience",
"NTNU and SINTEF", "Kjeldsberg", "Equinor (Statoil)"). Each known organisation
has one row here with the spellings that mean it. Organisation numbers are given
only where they are known for certain (and pass the mod-11 check); the rest stay
blank rather than guessed.
"""

import re
from dataclasses import dataclass, field

from django.utils.text import slugify

from ..models import Organization

Kind = Organization.Kind


@dataclass(frozen=True)
class KnownOrganization:
    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    org_number: str = ""
    prefixes: tuple[str, ...] = field(default=())


KNOWN = (
    KnownOrganization("ntnu", "NTNU", Kind.UNIVERSITY,
                      ("Norwegian University of Science and Technology",),
                      "974767880", ("NTNU ",)),
    KnownOrganization("sintef", "SINTEF", Kind.RESEARCH_INSTITUTE,
                      ("SINTEF AS", "SINTEF Digital"), "948007029"),
    KnownOrganization("sintef-energy-research", "SINTEF Energy Research",
                      Kind.RESEARCH_INSTITUTE, ("SINTEF Energi",)),
    KnownOrganization("sintef-ocean", "SINTEF Ocean", Kind.RESEARCH_INSTITUTE,
                      ("MARINTEK",)),
    KnownOrganization("university-of-oslo", "University of Oslo", Kind.UNIVERSITY),
    KnownOrganization("st-olavs-hospital", "St. Olavs hospital", Kind.HOSPITAL),
    KnownOrganization("helse-midt-norge", "Helse Midt-Norge", Kind.PUBLIC_BODY),
    KnownOrganization("trondheim-kommune", "Trondheim kommune", Kind.PUBLIC_BODY),
    KnownOrganization("trondelag-fylkeskommune", "Trøndelag fylkeskommune",
                      Kind.PUBLIC_BODY),
    KnownOrganization("statsbygg", "Statsbygg", Kind.PUBLIC_BODY),
    KnownOrganization("statens-vegvesen", "Statens vegvesen", Kind.PUBLIC_BODY),
    KnownOrganization("miljopakken", "Miljøpakken", Kind.PUBLIC_BODY),
    KnownOrganization("innovasjon-norge", "Innovasjon Norge", Kind.PUBLIC_BODY),
    KnownOrganization("enova", "Enova", Kind.PUBLIC_BODY),
    KnownOrganization("trondheim-havn", "Trondheim Havn", Kind.PUBLIC_BODY),
    KnownOrganization("sjofartsdirektoratet", "Sjøfartsdirektoratet",
                      Kind.PUBLIC_BODY),
    KnownOrganization("kystverket", "Kystverket", Kind.PUBLIC_BODY),
    KnownOrganization("trondheim-tech-port", "Trondheim Tech Port", Kind.CLUSTER),
    KnownOrganization("sparebank-1-smn", "SpareBank 1 SMN", Kind.FINANCIAL),
    KnownOrganization("dnb", "DNB", Kind.FINANCIAL),
    KnownOrganization("atb", "AtB", Kind.COMPANY),
    KnownOrganization("vy", "Vy", Kind.COMPANY),
    KnownOrganization("statnett", "Statnett", Kind.COMPANY),
    KnownOrganization("equinor", "Equinor", Kind.COMPANY, ("Statoil",)),
    KnownOrganization("aneo", "Aneo", Kind.COMPANY, ("TrønderEnergi",)),
    KnownOrganization("volue", "Volue", Kind.COMPANY, ("Powel",)),
    KnownOrganization("tensio", "Tensio", Kind.COMPANY),
    KnownOrganization("r-kjeldsberg", "R. Kjeldsberg", Kind.COMPANY,
                      ("Kjeldsberg",)),
    KnownOrganization("veidekke", "Veidekke", Kind.COMPANY),
    KnownOrganization("entra", "Entra", Kind.COMPANY),
    KnownOrganization("siemens", "Siemens", Kind.COMPANY),
    KnownOrganization("siemens-energy", "Siemens Energy", Kind.COMPANY),
    KnownOrganization("telenor", "Telenor", Kind.COMPANY),
    KnownOrganization("schibsted", "Schibsted", Kind.COMPANY),
    KnownOrganization("norconsult", "Norconsult", Kind.COMPANY),
    KnownOrganization("ge-vingmed-ultrasound", "GE Vingmed Ultrasound",
                      Kind.COMPANY),
    KnownOrganization("kongsberg-maritime", "Kongsberg Maritime", Kind.COMPANY),
    KnownOrganization("kongsberg-seatex", "Kongsberg Seatex", Kind.COMPANY),
    KnownOrganization("maritime-robotics", "Maritime Robotics", Kind.COMPANY),
    KnownOrganization("applied-autonomy", "Applied Autonomy", Kind.COMPANY),
    KnownOrganization("easymile", "EasyMile", Kind.COMPANY),
    KnownOrganization("zeabuz", "Zeabuz", Kind.COMPANY),
    KnownOrganization("electreon", "Electreon", Kind.COMPANY),
)  # fmt: skip

_BY_NAME = {
    spelling.casefold(): known
    for known in KNOWN
    for spelling in (known.name, *known.aliases)
}
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# "NTNU and SINTEF", "NTNU / Statsbygg", "NTNU Dept. X, with SINTEF Digital".
_JOINERS = re.compile(r"\s*,?\s+with\s+|\s+and\s+|\s*/\s*")


def clean_name(raw: str) -> str:
    """Drop parenthesised remarks and extra spaces: 'Equinor (Statoil)' -> 'Equinor'."""
    return " ".join(_PARENTHESES.sub("", raw).split()).strip(" ,")


def resolve(raw: str) -> KnownOrganization:
    """The organisation a loose name means; unknown names become kind 'other'."""
    name = clean_name(raw)
    folded = name.casefold()
    if folded in _BY_NAME:
        return _BY_NAME[folded]
    for spelling, known in _BY_NAME.items():
        if "/" in name and spelling in {p.strip().casefold() for p in name.split("/")}:
            return known
    for known in KNOWN:
        if any(folded.startswith(prefix.casefold()) for prefix in known.prefixes):
            return known
    return KnownOrganization(slugify(name)[:100], name[:200], Kind.OTHER)


def _is_known(name: str) -> bool:
    return resolve(name) in KNOWN


def host_and_partners(raw: str) -> tuple[KnownOrganization, list[KnownOrganization]]:
    """'NTNU and SINTEF Ocean (built by Statsbygg)' -> NTNU, [SINTEF Ocean].

    A piece that is no known organisation stays part of the name before it, so
    "NTNU Department of Energy and Process Engineering" remains NTNU.
    """
    pieces = _JOINERS.split(clean_name(raw))
    joiners = [match.group(0) for match in _JOINERS.finditer(clean_name(raw))]
    names = [pieces[0]]
    for joiner, piece in zip(joiners, pieces[1:], strict=True):
        if piece and _is_known(piece):
            names.append(piece)
        else:
            names[-1] += joiner + piece
    organisations = [resolve(name) for name in names]
    return organisations[0], organisations[1:]
