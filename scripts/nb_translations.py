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
    # Moderators' take-downs of sites, organisations and opportunities
    "This item is already unpublished; republish it first.": "Dette er allerede "
    "avpublisert; publiser det på nytt først.",
    "A draft is not public; there is nothing to unpublish.": "Et utkast er ikke "
    "offentlig; det er ingenting å avpublisere.",
    "This item is not unpublished.": "Dette er ikke avpublisert.",
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
    # trust_net
    "Too many failed sign-ins for this account; try again later.": "For mange "
    "mislykkede innlogginger på denne kontoen; prøv igjen senere.",
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
    # web_pages (issue 15): email links, times in emails, pages for people
    "Deadline today: %(title)s": "Frist i dag: %(title)s",
    "A deadline is coming up:": "En frist nærmer seg:",
    "Deadline: %(deadline)s": "Frist: %(deadline)s",
    "Pilot: %(url)s": "Pilotprosjekt: %(url)s",
    "This unsubscribe link is not valid.": "Denne lenken for å avslutte "
    "abonnementet er ikke gyldig.",
    "Unsubscribed from “%(name)s”.": "Abonnementet «%(name)s» er avsluttet.",
    "New password": "Nytt passord",
    "New password again": "Nytt passord en gang til",
    "The two passwords differ.": "De to passordene er ulike.",
    "This page does not exist, or it is not public.": "Denne siden finnes ikke, "
    "eller den er ikke offentlig.",
    "partner": "partner",
    "host": "vert",
    "lead": "ansvarlig",
    "publisher": "utlyser",
    "Skip to the content": "Hopp til innholdet",
    "Language": "Språk",
    "Map": "Kart",
    "API documentation": "API-dokumentasjon",
    "Not found": "Ikke funnet",
    "See the district on the map": "Se distriktet på kartet",
    "Confirm your email address": "Bekreft e-postadressen din",
    "This link is incomplete. Open the whole link from the email, or copy it "
    "into the address bar.": "Lenken er ufullstendig. Åpne hele lenken fra "
    "e-posten, eller kopier den inn i adressefeltet.",
    "Sign up again to get a new link, or sign in if the address is already "
    "confirmed.": "Registrer deg på nytt for å få en ny lenke, eller logg inn "
    "hvis adressen allerede er bekreftet.",
    "Press the button to confirm the address and activate your account.": ""
    "Trykk på knappen for å bekrefte adressen og aktivere kontoen din.",
    "Confirm my address": "Bekreft adressen min",
    "Choose a new password": "Velg et nytt passord",
    "Ask for a new link if this one has expired.": "Be om en ny lenke hvis denne "
    "er utløpt.",
    "Set the new password": "Lagre det nye passordet",
    "Unsubscribed": "Abonnementet er avsluttet",
    "You will get no more messages from the subscription “%(name)s”.": "Du får "
    "ikke flere meldinger fra abonnementet «%(name)s».",
    "Subscribed again": "Abonnementet er gjenopprettet",
    "You get messages from the subscription “%(name)s” again.": "Du får "
    "meldinger fra abonnementet «%(name)s» igjen.",
    "Unsubscribe?": "Avslutte abonnementet?",
    "Stop the messages of the subscription “%(name)s”.": "Stopp meldingene fra "
    "abonnementet «%(name)s».",
    "Subscription": "Abonnement",
    "Sectors": "Sektorer",
    "Keywords": "Søkeord",
    "Undo: keep the subscription": "Angre: behold abonnementet",
    "Map showing where %(place_name)s is": "Kart som viser hvor %(place_name)s er",
    "Organisations": "Organisasjoner",
    "Access": "Tilgang",
    "Zone": "Sone",
    "Technology readiness (TRL)": "Teknologimodenhet (TRL)",
    "Facilities": "Fasiliteter",
    "Pricing": "Priser",
    "Website": "Nettsted",
    "Location": "Plassering",
    "approximate": "omtrentlig",
    "Pilot projects here": "Pilotprosjekter her",
    "Opportunities here": "Muligheter her",
    "Pilot project": "Pilotprosjekt",
    "example, not a real pilot": "eksempel, ikke et ekte pilotprosjekt",
    "Test sites": "Teststeder",
    "open": "åpen",
    "closed": "stengt",
    "Deadline": "Frist",
    "Opens": "Åpner",
    "Test arena": "Testarena",
    "Shared lab": "Delt laboratorium",
    "Planned": "Planlagt",
    "Under construction": "Under bygging",
    "Operational": "I drift",
    "Retired": "Nedlagt",
    "Open": "Åpen",
    "On application": "Etter søknad",
    "Members only": "Bare for medlemmer",
    "Open call": "Åpen utlysning",
    "Testbed access": "Tilgang til testarena",
    "Innovation partnership": "Innovasjonspartnerskap",
    "Pre-commercial procurement": "Førkommersiell anskaffelse",
    "Market dialogue": "Markedsdialog",
    "Fixed deadline": "Fast frist",
    "Rolling": "Løpende",
    "Continuous": "Kontinuerlig",
    # booking (issue 18)
    "A booking must end after it starts.": "En booking må slutte etter at den "
    "begynner.",
    "A booking of this resource lasts at least %(minutes)d minutes.": "En booking "
    "av denne ressursen varer minst %(minutes)d minutter.",
    "A booking of this resource lasts at most %(minutes)d minutes.": "En booking "
    "av denne ressursen varer høyst %(minutes)d minutter.",
    "A closure must end after it starts.": "En stengning må slutte etter at den "
    "begynner.",
    "At least 1.": "Minst 1.",
    "At most %(days)d days at once.": "Høyst %(days)d dager om gangen.",
    "Booking of %(resource)s: %(state)s": "Booking av %(resource)s: %(state)s",
    "Cancel": "Avbestill",
    "Cancelled": "Avbestilt",
    "Closing time must be after opening time.": "Stengetid må være etter åpningstid.",
    "Confirm": "Bekreft",
    "Confirmed": "Bekreftet",
    "Decline": "Avslå",
    "Declined": "Avslått",
    "Request": "Be om",
    "Requested": "Forespurt",
    "Demo data: not a real offer.": "Demodata: ikke et reelt tilbud.",
    "Give the time with its offset, e.g. 2026-10-25T01:00:00+02:00.": "Oppgi "
    "tidspunktet med tidsforskyvning, f.eks. 2026-10-25T01:00:00+02:00.",
    "How long before its start a booking must be made.": "Hvor lenge før start "
    "en booking må gjøres.",
    "Must be after from.": "Må være etter from.",
    "Must be between 1 and max_minutes.": "Må være mellom 1 og max_minutes.",
    "Not an RFC 5545 recurrence rule (RRULE).": "Ikke en gjentakelsesregel etter "
    "RFC 5545 (RRULE).",
    "Off: bookings that fit are confirmed at once.": "Av: bookinger som passer, "
    "bekreftes med en gang.",
    "Only the admins of the resource's host may do this.": "Bare "
    "administratorene i ressursens vertsorganisasjon kan gjøre dette.",
    "Only the admins of the site's host organisation manage its resources.": "Bare "
    "administratorene i stedets vertsorganisasjon forvalter ressursene.",
    "The resource is closed from %(start)s to %(end)s.": "Ressursen er stengt fra "
    "%(start)s til %(end)s.",
    "The resource is not open for all of this period.": "Ressursen er ikke åpen "
    "i hele denne perioden.",
    "The resource is taken from %(start)s to %(end)s.": "Ressursen er opptatt fra "
    "%(start)s til %(end)s.",
    "This resource must be booked at least %(minutes)d minutes ahead.": "Denne "
    "ressursen må bookes minst %(minutes)d minutter i forveien.",
    "Tomorrow: %(resource)s at %(site)s": "I morgen: %(resource)s ved %(site)s",
    "You can only book for an organisation you belong to.": "Du kan bare booke "
    "for en organisasjon du hører til.",
    "You can only link a pilot you work on.": "Du kan bare knytte til et "
    "pilotprosjekt du arbeider med.",
    "bookable resource": "bookbar ressurs",
    "No such %(name)s.": "Finner ingen %(name)s.",
    "A booking in state “%(state)s” cannot %(action)s; allowed from here: "
    "%(allowed)s.": "En booking med status «%(state)s» kan ikke %(action)s; "
    "tillatt herfra: %(allowed)s.",
    "%(resource)s at %(site)s, %(start)s to %(end)s, for %(organization)s.\n"
    "State: %(state)s.\n\n%(link)s\n": "%(resource)s ved %(site)s, %(start)s til "
    "%(end)s, for %(organization)s.\nStatus: %(state)s.\n\n%(link)s\n",
    "A reminder of your booking: %(resource)s at %(site)s, %(start)s to %(end)s, "
    "for %(organization)s.\n\n%(link)s\n": "En påminnelse om bookingen din: "
    "%(resource)s ved %(site)s, %(start)s til %(end)s, for "
    "%(organization)s.\n\n%(link)s\n",
    # trust_accounts: accounts and privacy (issue 13)
    "Shown instead of the email address; empty: a neutral name.": "Vises i stedet "
    "for e-postadressen; tomt: et nøytralt navn.",
    "Set when the person deleted the account (data erased).": "Settes når "
    "personen slettet kontoen (dataene er slettet).",
    "Former member": "Tidligere medlem",
    "Registry member #%(id)s": "Registermedlem nr. %(id)s",
    "The invitation link is invalid, used or expired.": "Invitasjonslenken er "
    "ugyldig, brukt eller utløpt.",
    "This invitation is for another address; sign in with that one.": "Denne "
    "invitasjonen gjelder en annen adresse; logg inn med den.",
    "%(inviter)s invites you to %(place)s on the Trondheim Tech Port registry.\n\n"
    "Accept by opening this link while signed in with this address:\n"
    "%(link)s\n\n"
    "Or send token=%(token)s to POST /api/v1/invitations/accept/.\n"
    "No account yet? Sign up with this address first, then open the link.\n"
    "If you do not know the sender, ignore this message.\n": "%(inviter)s inviterer "
    "deg til %(place)s i Trondheim Tech Port-registeret.\n\n"
    "Godta ved å åpne denne lenken mens du er logget inn med denne adressen:\n"
    "%(link)s\n\n"
    "Eller send token=%(token)s til POST /api/v1/invitations/accept/.\n"
    "Ingen konto ennå? Registrer deg med denne adressen først, og åpne så "
    "lenken.\n"
    "Kjenner du ikke avsenderen, kan du se bort fra denne meldingen.\n",
    "A registry member": "Et registermedlem",
    "Invitation to %(place)s": "Invitasjon til %(place)s",
    "An invitation is on its way to this address.": "En invitasjon er på vei til "
    "denne adressen.",
    "Invitation accepted.": "Invitasjonen er godtatt.",
    "If the address has an account waiting for confirmation, a new link is on its "
    "way.": "Hvis adressen har en konto som venter på bekreftelse, er en ny lenke "
    "på vei.",
    "The password is not right.": "Passordet er feil.",
    "A display name cannot be an email address.": "Et visningsnavn kan ikke være "
    "en e-postadresse.",
    "A display name cannot contain control characters.": "Et visningsnavn kan ikke "
    "inneholde kontrolltegn.",
    # accept-invitation page (integration)
    "Invitation": "Invitasjon",
    "You are invited to join the organisation %(place)s.": "Du er invitert til å "
    "bli med i organisasjonen %(place)s.",
    "You are invited to work on the pilot %(place)s.": "Du er invitert til å "
    "arbeide med pilotprosjektet %(place)s.",
    "Accept the invitation": "Godta invitasjonen",
    "Sign in with the address the invitation was sent to, then accept it here.": (
        "Logg inn med adressen invitasjonen ble sendt til, og godta den her."
    ),
    "Sign in": "Logg inn",
    # --- web_admin (issue 15): problem titles, validation messages, the admin ---
    "The request has invalid values.": "Forespørselen har ugyldige verdier.",
    "The request body is too large.": "Forespørselen er for stor.",
    "The database is unavailable; retry soon.": "Databasen er utilgjengelig; prøv "
    "igjen om litt.",
    "An unexpected error occurred.": "Det oppstod en uventet feil.",
    "Bad Request": "Ugyldig forespørsel",
    "Unauthorized": "Ikke autentisert",
    "Forbidden": "Ingen tilgang",
    "Not Found": "Ikke funnet",
    "Method Not Allowed": "Metoden er ikke tillatt",
    "Not Acceptable": "Ikke akseptabelt format",
    "Conflict": "Konflikt",
    "Gone": "Fjernet",
    "Precondition Failed": "Forutsetningen slo feil",
    "Request Entity Too Large": "Forespørselen er for stor",
    "Unsupported Media Type": "Medietypen støttes ikke",
    "Precondition Required": "Forutsetning kreves",
    "Too Many Requests": "For mange forespørsler",
    "Internal Server Error": "Intern serverfeil",
    "Bad Gateway": "Ugyldig svar fra mellomtjener",
    "Service Unavailable": "Tjenesten er utilgjengelig",
    "Gateway Timeout": "Tidsavbrudd i mellomtjener",
    "Bad request syntax or unsupported method": "Ugyldig forespørsel eller metode "
    "som ikke støttes",
    "No permission -- see authorization schemes": "Ingen tillatelse; se "
    "autentiseringsmåtene",
    "Request forbidden -- authorization will not help": "Forespørselen er ikke "
    "tillatt; innlogging hjelper ikke",
    "Nothing matches the given URI": "Ingenting finnes på denne adressen",
    "Specified method is invalid for this resource": "Metoden er ikke gyldig for "
    "denne ressursen",
    "URI not available in preferred format": "Adressen finnes ikke i ønsket format",
    "Request conflict": "Forespørselen er i konflikt med ressursens tilstand",
    "URI no longer exists and has been permanently removed": "Adressen finnes ikke "
    "lenger og er fjernet for godt",
    "Precondition in headers is false": "Forutsetningen i hodefeltene stemmer ikke",
    "Entity is too large": "Innholdet er for stort",
    "Entity body in unsupported format": "Innholdet har et format som ikke støttes",
    "The origin server requires the request to be conditional": "Serveren krever "
    "en betinget forespørsel",
    'The user has sent too many requests in a given amount of time ("rate '
    'limiting")': "For mange forespørsler på kort tid (begrensning av antall "
    "forespørsler)",
    "Server got itself in trouble": "Serveren fikk et problem",
    "Invalid responses from another server/proxy": "Ugyldig svar fra en annen "
    "server eller mellomtjener",
    "The server cannot process the request due to a high load": "Serveren kan "
    "ikke behandle forespørselen på grunn av høy belastning",
    "The gateway server did not receive a timely response": "Mellomtjeneren fikk "
    "ikke svar i tide",
    # Query parameters (bbox, near, radius, lists)
    "%(name)s needs %(count)d comma-separated numbers.": "%(name)s trenger "
    "%(count)d tall skilt med komma.",
    "%(name)s needs numbers, got %(value)r.": "%(name)s trenger tall, fikk %(value)r.",
    "%(name)s needs finite numbers.": "%(name)s trenger endelige tall.",
    "Longitude %(lon)s is outside -180..180.": "Lengdegrad %(lon)s er utenfor "
    "-180..180.",
    "Latitude %(lat)s is outside -90..90.": "Breddegrad %(lat)s er utenfor -90..90.",
    "minLon is greater than maxLon (the order is minLon,minLat,maxLon,maxLat).": (
        "minLon er større enn maxLon (rekkefølgen er minLon,minLat,maxLon,maxLat)."
    ),
    "minLat is greater than maxLat (the order is minLon,minLat,maxLon,maxLat).": (
        "minLat er større enn maxLat (rekkefølgen er minLon,minLat,maxLon,maxLat)."
    ),
    "%(message)s at %(path)s": "%(message)s ved %(path)s",
    "Expected comma-separated whole numbers, got %(value)r.": "Ventet hele tall "
    "skilt med komma, fikk %(value)r.",
    "%(number)d is outside %(min)d..%(max)d.": "%(number)d er utenfor "
    "%(min)d..%(max)d.",
    "radius (metres) is required with near.": "radius (meter) er påkrevd sammen "
    "med near.",
    "near=lon,lat is required with radius.": "near=lengdegrad,breddegrad er "
    "påkrevd sammen med radius.",
    "Expected true or false, got %(value)r.": "Ventet true eller false, fikk "
    "%(value)r.",
    # Request bodies
    "trl_max must be at least trl_min.": "trl_max må være minst trl_min.",
    "A fixed deadline needs a date-time.": "En fast frist trenger dato og klokkeslett.",
    "The deadline must come after opens_at.": "Fristen må komme etter opens_at.",
    "planned_end must not be before planned_start.": "planned_end kan ikke være "
    "før planned_start.",
    "A pilot needs a location (Point) or an area.": "Et pilotprosjekt trenger en "
    "posisjon (Point) eller et område.",
    "zone": "sone",
    "organisation": "organisasjon",
    "Unknown %(noun)s: %(slugs)s.": "Ukjent %(noun)s: %(slugs)s.",
    "Unknown sector: %(sectors)s (see /api/v1/sectors/).": "Ukjent sektor: "
    "%(sectors)s (se /api/v1/sectors/).",
    # Geometries (geo/validation.py)
    "A geometry needs a 'coordinates' member.": "En geometri trenger feltet "
    "'coordinates'.",
    "Not a usable geometry: %(error)s": "Geometrien kan ikke brukes: %(error)s",
    "Geometry text is not UTF-8.": "Geometriteksten er ikke UTF-8.",
    "Geometry is not valid JSON.": "Geometrien er ikke gyldig JSON.",
    "Expected a GeoJSON geometry object with 'type' and 'coordinates'.": "Ventet "
    "et GeoJSON-geometriobjekt med 'type' og 'coordinates'.",
    "A geometry needs a 'type' member (text).": "En geometri trenger feltet "
    "'type' (tekst).",
    "Unsupported geometry type %(type)r; use one of: %(types)s.": "Geometritypen "
    "%(type)r støttes ikke; bruk en av: %(types)s.",
    "Geometry type %(type)s is not allowed here; use one of: %(types)s.": (
        "Geometritypen %(type)s er ikke tillatt her; bruk en av: %(types)s."
    ),
    "Too many vertices: at most %(limit)d are accepted.": "For mange punkter: "
    "høyst %(limit)d godtas.",
    "Expected an array.": "Ventet en liste.",
    "Empty coordinates are not accepted.": "Tomme koordinater godtas ikke.",
    "Expected a position [longitude, latitude].": "Ventet en posisjon "
    "[lengdegrad, breddegrad].",
    "3D coordinates are not supported; send [longitude, latitude] only.": (
        "3D-koordinater støttes ikke; send bare [lengdegrad, breddegrad]."
    ),
    "A position needs longitude and latitude.": "En posisjon trenger lengdegrad "
    "og breddegrad.",
    "Coordinates must be numbers.": "Koordinatene må være tall.",
    "Coordinates must be finite numbers.": "Koordinatene må være endelige tall.",
    "Longitude must be between -180 and 180.": "Lengdegraden må være mellom -180 "
    "og 180.",
    "Latitude must be between -90 and 90.": "Breddegraden må være mellom -90 og 90.",
    "A line needs at least 2 positions.": "En linje trenger minst 2 posisjoner.",
    "A polygon ring needs at least 4 positions.": "En polygonring trenger minst 4 "
    "posisjoner.",
    "A polygon ring must end where it starts (closed ring).": "En polygonring må "
    "slutte der den begynner (lukket ring).",
    "Invalid geometry: %(reason)s.": "Ugyldig geometri: %(reason)s.",
    "Invalid geometry: %(reason)s at %(x).6f %(y).6f.": "Ugyldig geometri: "
    "%(reason)s ved %(x).6f %(y).6f.",
    # The admin: sections, labels, the map widget, workflow actions
    "Trondheim Tech Port registry": "Trondheim Tech Port-registeret",
    "Registry admin": "Registeradministrasjon",
    "District staff": "Distriktets ansatte",
    "Registry": "Registeret",
    "Registry: sites, pilots and organisations": "Registeret: steder, "
    "pilotprosjekter og organisasjoner",
    "Review and members": "Behandling og medlemmer",
    "Calls and notifications": "Utlysninger og varsler",
    "Vocabularies": "Kodelister",
    "This is not GeoJSON of the expected type; the map shows the last valid "
    "shape.": "Dette er ikke GeoJSON av forventet type; kartet viser siste gyldige "
    "form.",
    "Map of the location": "Kart over posisjonen",
    "Drag the marker or click the map to move the point. The coordinates below "
    "are GeoJSON (longitude, latitude).": "Dra markøren eller klikk i kartet for "
    "å flytte punktet. Koordinatene under er GeoJSON (lengdegrad, breddegrad).",
    "The shape is drawn on the map; edit it as GeoJSON (longitude, latitude) "
    "below.": "Formen vises i kartet; endre den som GeoJSON (lengdegrad, "
    "breddegrad) under.",
    "sector": "sektor",
    "sectors": "sektorer",
    "Reason (sent to the owner)": "Begrunnelse (sendes til eieren)",
    "%(count)d pilot(s) moved: %(action)s.": "%(count)d pilotprosjekt(er) "
    "flyttet: %(action)s.",
    "Submit the selected pilots for review": "Send de valgte pilotprosjektene "
    "til behandling",
    "Approve and publish the selected pilots": "Godkjenn og publiser de valgte "
    "pilotprosjektene",
    "Request changes to the selected pilots (with a reason)": "Be om endringer i "
    "de valgte pilotprosjektene (med begrunnelse)",
    "Reject the selected pilots (with a reason)": "Avslå de valgte "
    "pilotprosjektene (med begrunnelse)",
    "Mark the selected pilots as started": "Merk de valgte pilotprosjektene som "
    "startet",
    "Mark the selected pilots as completed": "Merk de valgte pilotprosjektene som "
    "fullført",
    "Unpublish the selected pilots (with a reason)": "Avpubliser de valgte "
    "pilotprosjektene (med begrunnelse)",
    "Home": "Hjem",
    "Back to the list": "Tilbake til listen",
    "The owner receives this reason by email, and it is kept in the pilot's "
    "review log.": "Eieren får begrunnelsen på e-post, og den lagres i "
    "pilotprosjektets behandlingslogg.",
    "SDGs (UN Sustainable Development Goals)": "bærekraftsmål (FNs bærekraftsmål)",
    "SDG (UN Sustainable Development Goal)": "bærekraftsmål (FNs bærekraftsmål)",
    "TRL (technology readiness level)": "TRL (teknologisk modenhetsnivå)",
    "TRLs (technology readiness levels)": "TRL-nivåer (teknologisk modenhet)",
    "lowest TRL": "laveste TRL",
    "highest TRL": "høyeste TRL",
    "title (Norwegian)": "tittel (norsk)",
    "summary (Norwegian)": "sammendrag (norsk)",
    "description (Norwegian)": "beskrivelse (norsk)",
    "description (English)": "beskrivelse (engelsk)",
    "name (Norwegian)": "navn (norsk)",
    "name (English)": "navn (engelsk)",
    "statement (Norwegian)": "formulering (norsk)",
    "statement (English)": "formulering (engelsk)",
    "source URLs": "kildeadresser",
    "organisations": "organisasjoner",
    "pilot project": "pilotprosjekt",
    "pilot projects": "pilotprosjekter",
    "site (test arena or lab)": "sted (testarena eller lab)",
    "sites (test arenas and labs)": "steder (testarenaer og laber)",
    # Organisation numbers and webhook addresses
    "An organisation number has 9 digits.": "Et organisasjonsnummer har 9 sifre.",
    "The organisation number's check digit is wrong.": "Kontrollsifferet i "
    "organisasjonsnummeret er feil.",
    "The URL cannot be parsed.": "Adressen kan ikke tolkes.",
    "Webhook URLs must use https.": "Webhook-adresser må bruke https.",
    "Webhook URLs may not carry credentials.": "Webhook-adresser kan ikke "
    "inneholde brukernavn eller passord.",
    "The URL has no host.": "Adressen mangler vertsnavn.",
    "The host %(host)r does not resolve.": "Vertsnavnet %(host)r finnes ikke i DNS.",
    "Webhook URLs must resolve to public Internet addresses only; %(host)r "
    "resolves to a refused address.": "Webhook-adresser må peke til offentlige "
    "Internett-adresser; %(host)r peker til en adresse som ikke er tillatt.",
    # OGC API - Features parameters
    "limit must be an integer.": "limit må være et heltall.",
    "limit must be at least 1.": "limit må være minst 1.",
    "offset must be an integer.": "offset må være et heltall.",
    "offset must not be negative.": "offset kan ikke være negativ.",
    "%(parameter)s %(value)r is not supported; use: %(supported)s": "%(parameter)s "
    "%(value)r støttes ikke; bruk: %(supported)s",
    "bbox must be comma-separated numbers.": "bbox må være tall skilt med komma.",
    "bbox must have 4 or 6 finite numbers.": "bbox må ha 4 eller 6 endelige tall.",
    "bbox: the southern edge is north of the north.": "bbox: sørkanten ligger nord "
    "for nordkanten.",
    "bbox latitudes must be within [-90, 90].": "Breddegradene i bbox må være "
    "innenfor [-90, 90].",
    "bbox longitudes must be within [-180, 180].": "Lengdegradene i bbox må være "
    "innenfor [-180, 180].",
    "bbox: the western edge is east of the east.": "bbox: vestkanten ligger øst "
    "for østkanten.",
    "bbox lies outside its CRS's area.": "bbox ligger utenfor området til "
    "koordinatsystemet.",
    "%(text)r needs a time zone (Z or an offset).": "%(text)r trenger en tidssone "
    "(Z eller en forskyvning).",
    "%(text)r is not an RFC 3339 date-time or a date.": "%(text)r er ikke et "
    "tidspunkt etter RFC 3339 eller en dato.",
    "datetime has at most one '/'.": "datetime har høyst én '/'.",
    "datetime %(value)r: %(error)s": "datetime %(value)r: %(error)s",
    "datetime '../..' has no bound.": "datetime '../..' har ingen grense.",
    "datetime: the start is after the end.": "datetime: starten er etter slutten.",
    "Unknown query parameter(s): %(names)s.": "Ukjente parametre: %(names)s.",
    "f must be json (the only format).": "f må være json (det eneste formatet).",
    "There is no collection %(id)r.": "Det finnes ingen samling %(id)r.",
    "There is no feature %(feature)r in %(collection)s.": "Det finnes ikke noe "
    "objekt %(feature)r i %(collection)s.",
    # Vector tiles
    "Zoom %(z)d is outside %(min)d..%(max)d.": "Zoomnivå %(z)d er utenfor "
    "%(min)d..%(max)d.",
    "%(name)s=%(value)d is outside 0..%(last)d at zoom %(z)d.": "%(name)s=%(value)d "
    "er utenfor 0..%(last)d på zoomnivå %(z)d.",
    # trust_robust (issue 13): conflicts, hostile input, titles
    "This value is already taken.": "Denne verdien er allerede i bruk.",
    "The data conflicts with a stored row (a unique value is taken or a rule is "
    "broken).": "Dataene er i konflikt med en lagret rad (en unik verdi er i bruk "
    "eller en regel er brutt).",
    "The cursor holds the wrong types.": "Pekeren inneholder verdier av feil type.",
    "The JSON body is nested more than %(limit)d levels deep.": "JSON-innholdet er "
    "nøstet dypere enn %(limit)d nivåer.",
    "numbers must be finite": "tall må være endelige",
    "IS NULL applies to a property": "IS NULL gjelder en egenskap",
    "LIKE compares a property with a pattern": "LIKE sammenligner en egenskap med "
    "et mønster",
    "The filter is nested too deeply.": "Filteret er nøstet for dypt.",
    "The filter is not usable.": "Filteret kan ikke brukes.",
    "A number in the filter is out of range.": "Et tall i filteret er utenfor "
    "gyldig område.",
    "offset must be at most %(maximum)d.": "offset kan være høyst %(maximum)d.",
    "Control characters (line breaks, tabs, ...) are not allowed here.": "Kontroll"
    "tegn (linjeskift, tabulatorer, ...) er ikke tillatt her.",
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
    # map_page (issue 16): the map page
    "Map of the district": "Kart over området",
    "Search by name or organisation": "Søk på navn eller organisasjon",
    "Legend: show": "Tegnforklaring: vis",
    "Pilot projects": "Pilotprosjekter",
    "Opportunities": "Muligheter",
    "Zones": "Soner",
    "Sector": "Sektor",
    "All sectors": "Alle sektorer",
    "Sustainable Development Goal": "Bærekraftsmål",
    "All goals": "Alle mål",
    "Any level": "Alle nivåer",
    "All zones": "Alle soner",
    "In view": "I kartutsnittet",
    "Opportunity": "Mulighet",
    "Host": "Vert",
    "Lead": "Leder",
    "Publisher": "Utlyser",
    "Open the page": "Åpne siden",
    "Details in the API": "Detaljer i API-et",
    "Nothing in view matches.": "Ingenting i kartutsnittet passer.",
    "The basemap could not be loaded; showing the plain map.": "Bakgrunnskartet "
    "kunne ikke lastes; viser det enkle kartet.",
    "Closed": "Stengt",
    # portal (issue 16): the registration portal's pages
    "Title": "Tittel",
    "Summary": "Sammendrag",
    "Description": "Beskrivelse",
    "Sustainable Development Goals": "Bærekraftsmål",
    "Technology readiness level (TRL)": "Teknologimodenhetsnivå (TRL)",
    "Sites": "Steder",
    "Partner organisations": "Partnerorganisasjoner",
    "Longitude": "Lengdegrad",
    "Latitude": "Breddegrad",
    "Click the map to place the pilot, or type the coordinates.": (
        "Klikk i kartet for å plassere piloten, eller skriv inn koordinatene."
    ),
    "Email address": "E-postadresse",
    "Password": "Passord",
    "Too many attempts from your network; wait a minute and try again.": (
        "For mange forsøk fra nettverket ditt; vent et minutt og prøv igjen."
    ),
    "Account": "Konto",
    "My pilots": "Mine piloter",
    "Review queue": "Behandlingskø",
    "Sign out": "Logg ut",
    "Create an account": "Opprett en konto",
    "Create the account": "Opprett kontoen",
    "I have an account: sign in": "Jeg har en konto: logg inn",
    "You are signed out.": "Du er logget ut.",
    "Register your pilots in the district's catalogue. We email you a link to "
    "confirm the address.": (
        "Registrer pilotene dine i distriktets katalog. Vi sender deg en lenke "
        "på e-post for å bekrefte adressen."
    ),
    "Forgot the password?": "Glemt passordet?",
    "We email a link to choose a new password.": (
        "Vi sender en lenke på e-post for å velge et nytt passord."
    ),
    "If the address has an account, a link to choose a new password is on its way.": (
        "Hvis adressen har en konto, er en lenke for å velge et nytt passord på vei."
    ),
    "Email me a link": "Send meg en lenke",
    "Pilot": "Pilot",
    "Pilots": "Piloter",
    "Status": "Status",
    "Last changed": "Sist endret",
    "The moderator asks for changes:": "Moderatoren ber om endringer:",
    "The moderator rejected the pilot:": "Moderatoren avviste piloten:",
    "A moderator reviews the pilot before it is public.": (
        "En moderator går gjennom piloten før den blir offentlig."
    ),
    "Change the pilot": "Endre piloten",
    "The public page": "Den offentlige siden",
    "Submit for review": "Send til behandling",
    "History": "Historikk",
    "When": "Når",
    "What": "Hva",
    "Reason": "Begrunnelse",
    "Not submitted yet.": "Ikke sendt inn ennå.",
    "Register a pilot": "Registrer en pilot",
    "You have not registered any pilots yet.": (
        "Du har ikke registrert noen piloter ennå."
    ),
    "Please correct the fields marked below.": (
        "Rett opp feltene som er merket nedenfor."
    ),
    "Where": "Hvor",
    "Map: click to place the pilot": "Kart: klikk for å plassere piloten",
    "Save": "Lagre",
    "Reason (required to request changes or reject)": (
        "Begrunnelse (påkrevd for å be om endringer eller avvise)"
    ),
    "Decision recorded; the owner is emailed.": (
        "Avgjørelsen er lagret; eieren får e-post."
    ),
    "No pilots wait for review.": "Ingen piloter venter på behandling.",
    "No opportunities wait for review.": "Ingen muligheter venter på behandling.",
    "Submitted %(when)s": "Sendt inn %(when)s",
    "Submitted %(when)s by %(who)s": "Sendt inn %(when)s av %(who)s",
    "Choose approve, request changes or reject.": (
        "Velg godkjenn, be om endringer eller avvis."
    ),
    "A pilot needs a location: a point or an area.": (
        "En pilot trenger en plassering: et punkt eller et område."
    ),
    "Give both the longitude and the latitude.": (
        "Oppgi både lengdegrad og breddegrad."
    ),
    "The drawn area: %(error)s": "Det tegnede området: %(error)s",
    "Draw an area": "Tegn et område",
    "Status and history": "Status og historikk",
    "Finish the area": "Fullfør området",
    "Remove the area": "Fjern området",
    "Click the corners of the area, then “Finish the area”.": (
        "Klikk på hjørnene i området, deretter «Fullfør området»."
    ),
    "The area is drawn; it is saved with the pilot.": (
        "Området er tegnet; det lagres med piloten."
    ),
    # integration: the last English messages
    "Still referenced by %(names)s; remove those first.": "Fortsatt brukt av "
    "%(names)s; fjern dem først.",
    "The filter is not a condition.": "Filteret er ikke en betingelse.",
    "The request body has %(length)d bytes; the limit is %(limit)d bytes.": (
        "Forespørselen har %(length)d byte; grensen er %(limit)d byte."
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
    # web_pages (issue 15)
    (
        "Deadline in %(count)d day: %(title)s",
        "Deadline in %(count)d days: %(title)s",
    ): ("Frist om %(count)d dag: %(title)s", "Frist om %(count)d dager: %(title)s"),
    (
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ): (
        "Passordet er for kort. Det må inneholde minst %d tegn.",
        "Passordet er for kort. Det må inneholde minst %d tegn.",
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
