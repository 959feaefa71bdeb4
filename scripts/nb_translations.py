"""Writes locale/nb/LC_MESSAGES/django.po from the table below (issue 5).

`python scripts/nb_translations.py && msgfmt -o locale/nb/LC_MESSAGES/django.mo
locale/nb/LC_MESSAGES/django.po`. Django's own messages come translated with
Django and DRF; this covers the registry's.
"""

from pathlib import Path

NB = {
    # Permissions and errors
    "Only the owner or a collaborator may change this pilot, and only while it is "
    "a draft or has changes requested.": "Bare eieren eller en medarbeider kan endre "
    "dette pilotprosjektet, og bare mens det er et utkast eller har fått "
    "endringsønsker.",
    "Only admins of the site's host organisation may change it.": "Bare "
    "administratorer i vertsorganisasjonen kan endre dette stedet.",
    "Only admins of this organisation may change it.": "Bare administratorer i "
    "denne organisasjonen kan endre den.",
    "Only district moderators may do this.": "Bare distriktets moderatorer kan "
    "gjøre dette.",
    "The resource changed since you read it (If-Match does not match its ETag); "
    "fetch it again and reapply your change.": "Ressursen er endret siden du leste "
    "den (If-Match stemmer ikke med ETag); hent den på nytt og gjør endringen igjen.",
    # Accounts
    "Check your inbox for a link to confirm the address.": "Se i innboksen etter "
    "en lenke for å bekrefte adressen.",
    "Email address confirmed; you can sign in.": "E-postadressen er bekreftet; du "
    "kan logge inn.",
    "Wrong email or password, or the address is not confirmed yet.": "Feil e-post "
    "eller passord, eller adressen er ikke bekreftet ennå.",
    "No such token.": "Finner ikke nøkkelen.",
    "Too many sign-in attempts; try again later.": "For mange innloggingsforsøk; "
    "prøv igjen senere.",
    "If the address has an account, a reset link is on its way.": "Hvis adressen "
    "har en konto, er en lenke for å nullstille passordet på vei.",
    "Password changed; sign in again.": "Passordet er endret; logg inn på nytt.",
    "The verification link is invalid or has expired.": "Bekreftelseslenken er "
    "ugyldig eller utløpt.",
    "The reset link is invalid or has expired.": "Lenken for å nullstille passordet "
    "er ugyldig eller utløpt.",
    "This account has %(limit)d API tokens; revoke one first.": "Denne kontoen har "
    "%(limit)d API-nøkler; trekk tilbake én først.",
    "English": "Engelsk",
    "Norwegian Bokmål": "Norsk bokmål",
    "Language of the emails the registry sends.": "Språket i e-postene registeret "
    "sender.",
    # Members, collaborators, history
    "Only owners, organisation admins and moderators see the history.": "Bare "
    "eiere, organisasjonsadministratorer og moderatorer ser historikken.",
    "Only admins of this organisation manage members.": "Bare administratorer i "
    "denne organisasjonen forvalter medlemmer.",
    "Only members of this organisation see this.": "Bare medlemmer av denne "
    "organisasjonen ser dette.",
    "No confirmed account has this address.": "Ingen bekreftet konto har denne "
    "adressen.",
    "This user is not a member.": "Denne brukeren er ikke medlem.",
    "This field is required.": "Dette feltet er påkrevd.",
    "Only the owner, collaborators and moderators see the history.": "Bare eieren, "
    "medarbeidere og moderatorer ser historikken.",
    "Only the owner and collaborators see this.": "Bare eieren og medarbeidere ser "
    "dette.",
    "This user is not a collaborator.": "Denne brukeren er ikke medarbeider.",
    "Only the owner manages collaborators.": "Bare eieren forvalter medarbeidere.",
    "An organisation keeps at least one admin.": "En organisasjon må ha minst én "
    "administrator.",
    "Admin": "Administrator",
    "Member": "Medlem",
    # Workflow
    "Submit": "Send inn",
    "Approve": "Godkjenn",
    "Request changes": "Be om endringer",
    "Reject": "Avvis",
    "Start": "Start",
    "Complete": "Fullfør",
    "Unpublish": "Avpubliser",
    "Draft": "Utkast",
    "Submitted": "Innsendt",
    "Changes requested": "Endringer ønsket",
    "Published": "Publisert",
    "Active": "Aktiv",
    "Completed": "Fullført",
    "Rejected": "Avvist",
    "Unknown action “%(action)s”.": "Ukjent handling «%(action)s».",
    "Only moderators may %(action)s a pilot.": "Bare moderatorer kan utføre "
    "«%(action)s» på et pilotprosjekt.",
    "Only the owner or a collaborator may %(action)s a pilot.": "Bare eieren eller "
    "en medarbeider kan utføre «%(action)s» på et pilotprosjekt.",
    "A pilot in status “%(status)s” cannot %(action)s; allowed from here: "
    "%(allowed)s.": "Et pilotprosjekt med status «%(status)s» kan ikke "
    "«%(action)s»; tillatt herfra: %(allowed)s.",
    "none": "ingen",
    "This action needs a reason.": "Denne handlingen krever en begrunnelse.",
    # Emails
    "Confirm your email address for Trondheim Tech Port": "Bekreft e-postadressen "
    "din for Trondheim Tech Port",
    "Welcome to the Trondheim Tech Port registry.\n\nConfirm your email address by "
    "opening this link:\n%(link)s\n\nOr send uid=%(uid)s and token=%(token)s to "
    "POST /api/v1/auth/verify-email/.\n": "Velkommen til registeret for Trondheim "
    "Tech Port.\n\nBekreft e-postadressen din ved å åpne denne lenken:\n%(link)s"
    "\n\nEller send uid=%(uid)s og token=%(token)s til "
    "POST /api/v1/auth/verify-email/.\n",
    "Someone tried to sign up with your email address": "Noen prøvde å registrere "
    "seg med e-postadressen din",
    "Somebody tried to create a Trondheim Tech Port account with this address, "
    "which already has one. If it was you, sign in, or reset your password with "
    "POST /api/v1/auth/password-reset/. Otherwise you can ignore this message.\n": ""
    "Noen prøvde å opprette en konto i Trondheim Tech Port med denne adressen, som "
    "allerede har en. Var det deg, logg inn, eller nullstill passordet med "
    "POST /api/v1/auth/password-reset/. Ellers kan du se bort fra denne meldingen.\n",
    "Reset your Trondheim Tech Port password": "Nullstill passordet ditt i "
    "Trondheim Tech Port",
    "Choose a new password by opening this link:\n%(link)s\n\nOr send "
    "uid=%(uid)s, token=%(token)s and new_password to "
    "POST /api/v1/auth/password-reset/confirm/.\nIf you did not ask for this, "
    "ignore this message.\n": "Velg et nytt passord ved å åpne denne lenken:\n"
    "%(link)s\n\nEller send uid=%(uid)s, token=%(token)s og new_password til "
    "POST /api/v1/auth/password-reset/confirm/.\nHar du ikke bedt om dette, kan "
    "du se bort fra meldingen.\n",
    "Pilot “%(title)s”: %(status)s": "Pilotprosjekt «%(title)s»: %(status)s",
    "%(actor)s moved the pilot “%(title)s” from “%(from)s” to “%(to)s”.": ""
    "%(actor)s flyttet pilotprosjektet «%(title)s» fra «%(from)s» til «%(to)s».",
    "Reason: %(reason)s": "Begrunnelse: %(reason)s",
    "Pilot: /api/v1/pilots/%(slug)s/": "Pilotprosjekt: /api/v1/pilots/%(slug)s/",
    # Moderators' take-downs of sites, organisations and opportunities
    "This item is already unpublished; republish it first.": "Dette er allerede "
    "avpublisert; publiser det på nytt først.",
    "A draft is not public; there is nothing to unpublish.": "Et utkast er ikke "
    "offentlig; det er ingenting å avpublisere.",
    "This item is not unpublished.": "Dette er ikke avpublisert.",
    # Opportunity emails (subjects in pilots/notifications/content.py, bodies in
    # pilots/templates/notifications/email.txt and email.html)
    "Deadline in 3 days: %(title)s": "Frist om 3 dager: %(title)s",
    "New opportunity: %(title)s": "Ny mulighet: %(title)s",
    "A deadline is 3 days away:": "En frist er om 3 dager:",
    'New opportunities matching "%(subscription)s":': "Nye muligheter som passer "
    "til «%(subscription)s»:",
    'A new opportunity matches "%(subscription)s":': "En ny mulighet passer til "
    "«%(subscription)s»:",
    "New opportunities matching “%(subscription)s”:": "Nye muligheter som passer "
    "til «%(subscription)s»:",
    "A new opportunity matches “%(subscription)s”:": "En ny mulighet passer til "
    "«%(subscription)s»:",
    "example, not a real call": "eksempel, ikke en ekte utlysning",
    "Deadline: %(deadline)s UTC": "Frist: %(deadline)s UTC",
    "No fixed deadline": "Ingen fast frist",
    'You receive this because of your subscription "%(subscription)s".': "Du får "
    "dette fordi du abonnerer på «%(subscription)s».",
    "You receive this because of your subscription “%(subscription)s”.": "Du får "
    "dette fordi du abonnerer på «%(subscription)s».",
    "Unsubscribe with one click:": "Avslutt abonnementet med ett klikk:",
    "Unsubscribe": "Avslutt abonnementet",
    "with one click.": "med ett klikk.",
    # contract_answers (issue 14): CQL2 parse failures, unknown query parameters
    "The filter does not parse: %(reason)s": "Filteret kan ikke tolkes: %(reason)s",
    "it is not a CQL2 expression.": "det er ikke et CQL2-uttrykk.",
    "a bbox is 4 or 6 finite numbers.": "en bbox er 4 eller 6 endelige tall.",
    "unknown operator %(op)r.": "ukjent operator %(op)r.",
    "the operator %(op)r needs its args.": "operatoren %(op)r trenger args.",
    "between takes a property, a lower and an upper bound.": (
        "between tar en egenskap, en nedre og en øvre grense."
    ),
    "it is not JSON (%(reason)s at column %(column)d).": (
        "det er ikke JSON (%(reason)s i kolonne %(column)d)."
    ),
    "it ends before the expression is complete.": (
        "det slutter før uttrykket er fullstendig."
    ),
    "unexpected %(text)s at column %(column)s.": (
        "uventet %(text)s i kolonne %(column)s."
    ),
    "BBOX coordinates must be in %(crs)s": "BBOX-koordinater må være i %(crs)s",
    "Unknown query parameter. Known parameters: %(known)s.": (
        "Ukjent spørreparameter. Kjente parametere: %(known)s."
    ),
}

# Messages with a plural form: (singular, plural) -> (nb singular, nb plural).
NB_PLURAL = {
    (
        "Trondheim Tech Port: %(count)d new opportunity",
        "Trondheim Tech Port: %(count)d new opportunities",
    ): (
        "Trondheim Tech Port: %(count)d ny mulighet",
        "Trondheim Tech Port: %(count)d nye muligheter",
    ),
}

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: ttp-registry\\n"
"Language: nb\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(parts) == 1:
        return f'"{parts[0]}"'
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def main() -> None:
    path = Path(__file__).resolve().parent.parent / "locale/nb/LC_MESSAGES/django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [HEADER]
    for msgid, msgstr in NB.items():
        flags = "#, python-format\n" if "%(" in msgid else ""
        entries.append(f"{flags}msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n")
    for (singular, plural), (nb_one, nb_other) in NB_PLURAL.items():
        entries.append(
            f"#, python-format\nmsgid {quote(singular)}\n"
            f"msgid_plural {quote(plural)}\n"
            f"msgstr[0] {quote(nb_one)}\nmsgstr[1] {quote(nb_other)}\n"
        )
    path.write_text("\n".join(entries), encoding="utf-8")


if __name__ == "__main__":
    main()
