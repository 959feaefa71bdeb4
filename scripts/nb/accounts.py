"""Bokmål for accounts, members, collaborators, invitations and privacy."""

NB = {
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
}
