"""Bokmål for the pilot workflow, opportunity review and the emails both send."""

NB = {
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
    # Opportunity emails (subjects in pilots/notifications/content.py, bodies in
    # pilots/templates/notifications/email.txt and email.html)
    "New opportunity: %(title)s": "Ny mulighet: %(title)s",
    'New opportunities matching "%(subscription)s":': "Nye muligheter som passer "
    "til «%(subscription)s»:",
    'A new opportunity matches "%(subscription)s":': "En ny mulighet passer til "
    "«%(subscription)s»:",
    "New opportunities matching “%(subscription)s”:": "Nye muligheter som passer "
    "til «%(subscription)s»:",
    "A new opportunity matches “%(subscription)s”:": "En ny mulighet passer til "
    "«%(subscription)s»:",
    "example, not a real call": "eksempel, ikke en ekte utlysning",
    "No fixed deadline": "Ingen fast frist",
    'You receive this because of your subscription "%(subscription)s".': "Du får "
    "dette fordi du abonnerer på «%(subscription)s».",
    "You receive this because of your subscription “%(subscription)s”.": "Du får "
    "dette fordi du abonnerer på «%(subscription)s».",
    "Unsubscribe with one click:": "Avslutt abonnementet med ett klikk:",
    "Unsubscribe": "Avslutt abonnementet",
    "with one click.": "med ett klikk.",
    # trust_publish (issue 13): slugs, opportunity review, the notification cap
    "A slug must be a string.": "En slug må være en tekststreng.",
    "This slug is taken; choose another.": "Denne slugen er tatt; velg en annen.",
    "Publish": "Publiser",
    "Close": "Lukk",
    "Only moderators may %(action)s an opportunity.": "Bare moderatorer kan "
    "utføre «%(action)s» på en mulighet.",
    "Only the publishing organisation's admins or moderators may do this.": ""
    "Bare administratorene i den publiserende organisasjonen eller moderatorer "
    "kan gjøre dette.",
    "The publishing organisation is not verified yet: submit the opportunity for "
    "review and a moderator publishes it.": "Den publiserende organisasjonen er "
    "ikke verifisert ennå: send muligheten til gjennomgang, så publiserer en "
    "moderator den.",
    "An opportunity in status “%(status)s” cannot %(action)s; allowed from here: "
    "%(allowed)s.": "En mulighet med status «%(status)s» kan ikke "
    "«%(action)s»; tillatt herfra: %(allowed)s.",
    "The deadline has already passed.": "Fristen er allerede passert.",
    "An opportunity in status “%(status)s” cannot be changed by its publisher "
    "now; a draft or one with changes requested can.": "En mulighet med status "
    "«%(status)s» kan ikke endres av utgiveren nå; et utkast eller en med "
    "forespurte endringer kan.",
    "Publishing this opportunity would notify %(requested)d people; your "
    "organisation has notified %(used)d in the last 24 hours and may notify at "
    "most %(limit)d a day.": "Å publisere denne muligheten ville varsle "
    "%(requested)d personer; organisasjonen din har varslet %(used)d de siste "
    "24 timene og kan varsle høyst %(limit)d per døgn.",
    "Only the publisher's admins and moderators see the review history.": "Bare "
    "utgiverens administratorer og moderatorer ser gjennomgangshistorikken.",
    "Verify: publish opportunities without review": "Verifiser: publiser "
    "muligheter uten gjennomgang",
    "Withdraw verification": "Trekk tilbake verifiseringen",
}
