"""The Bokmål table, one module per area; the writer merges them."""

from . import accounts, admin, api, booking, pages, publishing

AREAS = (api, accounts, publishing, pages, booking, admin)

NB: dict[str, str] = {}
for _area in AREAS:
    if _clash := NB.keys() & _area.NB.keys():
        raise ValueError(f"translated twice: {sorted(_clash)}")
    NB.update(_area.NB)

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
