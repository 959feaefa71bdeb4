"""Bokmål for booking shared labs and test arenas (issue 18)."""

NB = {
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
}
