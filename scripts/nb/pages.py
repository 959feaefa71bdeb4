"""Bokmål for pages for people: email links, the map and the portal."""

NB = {
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
    # the organisation pages of the portal (issue 16)
    "Submitted for review": "Sendt til behandling",
    "New call": "Ny utlysning",
    "Deadline reminder": "Påminnelse om frist",
    "Email": "E-post",
    "Webhook": "Webhook",
    "Inbox": "Innboks",
    "Being sent": "Sendes",
    "Delivered": "Levert",
    "Failed": "Mislyktes",
    "Skipped (unsubscribed or paused)": "Hoppet over (avmeldt eller satt på pause)",
    "In the inbox": "I innboksen",
    "Waiting for the digest": "Venter på sammendraget",
    "Title in Norwegian": "Tittel på norsk",
    "Summary in Norwegian": "Sammendrag på norsk",
    "Description in Norwegian": "Beskrivelse på norsk",
    "Kind of call": "Type utlysning",
    "Deadline date and time": "Fristens dato og klokkeslett",
    "Lowest TRL": "Laveste TRL",
    "Highest TRL": "Høyeste TRL",
    "Contact name": "Kontaktperson",
    "Contact email": "Kontakt-e-post",
    "The highest TRL must be at least the lowest.": (
        "Høyeste TRL må være minst like høy som laveste."
    ),
    "A fixed deadline needs a date and time.": (
        "En fast frist trenger dato og klokkeslett."
    ),
    "The deadline must come after the opening.": "Fristen må komme etter åpningen.",
    "Role": "Rolle",
    "Name": "Navn",
    "Name in Norwegian": "Navn på norsk",
    "Kind": "Type",
    "Click the map to place the site, or type the coordinates.": (
        "Klikk på kartet for å plassere stedet, eller skriv inn koordinatene."
    ),
    "My organisations": "Mine organisasjoner",
    "Not allowed": "Ikke tillatt",
    "Organisation": "Organisasjon",
    "Members": "Medlemmer",
    "Calls for pilots": "Utlysninger",
    "The role is changed.": "Rollen er endret.",
    "The member is removed.": "Medlemmet er fjernet.",
    "The invitation is withdrawn; its link no longer works.": (
        "Invitasjonen er trukket tilbake; lenken virker ikke lenger."
    ),
    "Member since": "Medlem siden",
    "Change": "Endre",
    "you": "deg",
    "Role of %(name)s": "Rollen til %(name)s",
    "Change the role": "Endre rollen",
    "Remove": "Fjern",
    "Invite someone": "Inviter noen",
    "They get an email with a link; once signed in with that address they join "
    "in the role you chose.": "De får en e-post med en lenke; når de er logget "
    "inn med den adressen, blir de med i rollen du valgte.",
    "Send the invitation": "Send invitasjonen",
    "Open invitations": "Åpne invitasjoner",
    "Sent": "Sendt",
    "Withdraw": "Trekk tilbake",
    "No invitations are waiting for an answer.": "Ingen invitasjoner venter på svar.",
    "Your role": "Din rolle",
    "You do not belong to any organisation yet. An organisation's admin can "
    "invite you by email.": "Du hører ikke til noen organisasjon ennå. En "
    "administrator i en organisasjon kan invitere deg på e-post.",
    "Write a call": "Skriv en utlysning",
    "Notifications sent": "Varsler sendt",
    "The organisation has no calls yet.": "Organisasjonen har ingen utlysninger ennå.",
    "The moderator rejected the call:": "Moderatoren avviste utlysningen:",
    "A moderator reviews the call before it is published.": (
        "En moderator går gjennom utlysningen før den publiseres."
    ),
    "A moderator unpublished the call:": "En moderator avpubliserte utlysningen:",
    "Change the call": "Endre utlysningen",
    "Close the call": "Steng utlysningen",
    "Channel": "Kanal",
    "Count": "Antall",
    "No notifications yet: nobody's subscription matches the call, or matching "
    "is still running.": "Ingen varsler ennå: ingen abonnementer passer til "
    "utlysningen, eller sammenligningen pågår fortsatt.",
    "Notifications go out when the call is published.": (
        "Varsler sendes når utlysningen publiseres."
    ),
    "Where the call applies comes from the sites you pick: people whose "
    "subscriptions cover them are notified when it is published.": "Hvor "
    "utlysningen gjelder, følger av stedene du velger: de som abonnerer på dem, "
    "varsles når den publiseres.",
    "Moderator (reading only)": "Moderator (bare lesetilgang)",
    "Verified": "Verifisert",
    "Yes: its calls are published without review.": (
        "Ja: utlysningene publiseres uten gjennomgang."
    ),
    "Not yet: a moderator reviews its calls before they are published.": (
        "Ikke ennå: en moderator går gjennom utlysningene før de publiseres."
    ),
    "A moderator unpublished the organisation:": (
        "En moderator avpubliserte organisasjonen:"
    ),
    "invite people, change roles": "inviter folk, endre roller",
    "add and change test arenas and labs": (
        "legg til og endre testarenaer og laboratorier"
    ),
    "write, submit and publish calls; see the notifications they sent": (
        "skriv, send inn og publiser utlysninger; se varslene de sendte"
    ),
    "Change the site": "Endre stedet",
    "Add a site": "Legg til et sted",
    "Map: click to place the site": "Kart: klikk for å plassere stedet",
    "Draw the footprint": "Tegn utstrekningen",
    "The footprint is drawn; it is saved with the site.": (
        "Utstrekningen er tegnet; den lagres med stedet."
    ),
    "The site is added.": "Stedet er lagt til.",
    "The site is saved.": "Stedet er lagret.",
    "Public": "Offentlig",
    "No: a moderator unpublished it (%(reason)s)": (
        "Nei: en moderator avpubliserte det (%(reason)s)"
    ),
    "Yes": "Ja",
    "Change %(name)s": "Endre %(name)s",
    "The organisation hosts no sites yet.": "Organisasjonen har ingen steder ennå.",
    "Only the district's moderators unpublish and republish sites.": (
        "Bare distriktets moderatorer avpubliserer og republiserer steder."
    ),
    "Only admins of this organisation may do this.": (
        "Bare administratorer i denne organisasjonen kan gjøre dette."
    ),
    "Only members of this organisation see this page.": (
        "Bare medlemmer av denne organisasjonen ser denne siden."
    ),
    "Choose submit, publish or close.": "Velg send inn, publiser eller steng.",
}
