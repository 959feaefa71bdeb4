"""Bokmål for the admin: sections, labels, the map widget, workflow actions."""

NB = {
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
}
