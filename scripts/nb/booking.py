"""Bokmål for booking shared labs and test arenas (issue 18)."""

NB = {
    # booking (issue 18)
    # the portal's booking pages (issue 18)
    "My bookings": "Mine bookinger",
    "Labs to book": "Laber å booke",
    "All labs to book": "Alle laber å booke",
    "Shared labs, instruments and test arenas of the district. Open one to see "
    "its week and request a free slot.": "Delte laber, instrumenter og "
    "testarenaer i distriktet. Åpne en for å se uken og be om en ledig tid.",
    "Resource": "Ressurs",
    "Site": "Sted",
    "Places": "Plasser",
    "example": "eksempel",
    "Previous page": "Forrige side",
    "Next page": "Neste side",
    "Nothing can be booked yet.": "Ingenting kan bookes ennå.",
    "example, not a real offer": "eksempel, ikke et reelt tilbud",
    "The host confirms each request.": "Verten bekrefter hver forespørsel.",
    "A request that fits is confirmed at once.": "En forespørsel som passer, "
    "bekreftes med en gang.",
    "Places: %(places)s.": "Plasser: %(places)s.",
    "Times are Norwegian time (Europe/Oslo).": "Tidene er norsk tid (Europe/Oslo).",
    "Weeks": "Uker",
    "Previous week": "Forrige uke",
    "Next week": "Neste uke",
    "Week of %(first)s": "Uken fra %(first)s",
    "Sign in to request a slot.": "Logg inn for å be om en tid.",
    "Yours %(when)s: %(state)s": "Din %(when)s: %(state)s",
    "Busy %(when)s": "Opptatt %(when)s",
    "Request %(day)s %(when)s": "Be om %(day)s %(when)s",
    "No free slots.": "Ingen ledige tider.",
    "Open at all hours": "Åpent hele døgnet",
    "Give the week as YYYY-MM-DD, at most three years away.": "Oppgi uken som "
    "ÅÅÅÅ-MM-DD, høyst tre år unna.",
    "Request a booking": "Be om en booking",
    "Choose a free slot in the week.": "Velg en ledig tid i uken.",
    "Request the booking": "Be om bookingen",
    "You book on behalf of an organisation: ask one of its admins to add you.": (
        "Du booker på vegne av en organisasjon: be en av administratorene om å "
        "legge deg til."
    ),
    "Back to the week": "Tilbake til uken",
    "On behalf of": "På vegne av",
    "Purpose": "Formål",
    "Pilot (optional)": "Pilot (valgfritt)",
    "Done. The people concerned are notified.": "Gjort. De det gjelder, er varslet.",
    "Requests to decide": "Forespørsler å avgjøre",
    "For %(organization)s": "For %(organization)s",
    "Reason (required to decline)": "Begrunnelse (påkrevd for å avslå)",
    "Booked by me": "Booket av meg",
    "For": "For",
    "State": "Status",
    "Cancel the booking of %(name)s": "Avbestill bookingen av %(name)s",
    "You have no bookings.": "Du har ingen bookinger.",
    "Choose confirm or decline.": "Velg bekreft eller avslå.",
    "A booking can lie at most three years ahead.": "En booking kan ligge "
    "høyst tre år frem i tid.",
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
}
