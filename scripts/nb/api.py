"""Bokmål for the API: query parameters, bodies, geometries, OGC, tiles, problems."""

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
    # Moderators' take-downs of sites, organisations and opportunities
    "This item is already unpublished; republish it first.": "Dette er allerede "
    "avpublisert; publiser det på nytt først.",
    "A draft is not public; there is nothing to unpublish.": "Et utkast er ikke "
    "offentlig; det er ingenting å avpublisere.",
    "This item is not unpublished.": "Dette er ikke avpublisert.",
    # trust_net
    "Too many failed sign-ins for this account; try again later.": "For mange "
    "mislykkede innlogginger på denne kontoen; prøv igjen senere.",
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
    # integration: the last English messages
    "Still referenced by %(names)s; remove those first.": "Fortsatt brukt av "
    "%(names)s; fjern dem først.",
    "The filter is not a condition.": "Filteret er ikke en betingelse.",
    "The request body has %(length)d bytes; the limit is %(limit)d bytes.": (
        "Forespørselen har %(length)d byte; grensen er %(limit)d byte."
    ),
}
