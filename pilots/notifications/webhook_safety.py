"""SSRF protection for webhook URLs: https only, public addresses only.

A URL is checked when a subscription is saved and again just before each send;
the send then goes through requests-hardened, which resolves the host once,
refuses a non-public address and pins the connection to the address it checked
(the Host header and TLS SNI keep the name). Redirects are never followed.
`WEBHOOK_ALLOW_INSECURE_LOCAL` (for local development and tests only) allows
plain http and loopback addresses; private and other ranges stay refused.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Everything that is not a unicast address on the public Internet. `is_global`
# already excludes most; the list makes the policy explicit and version-proof.
BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network", unspecified
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local (cloud metadata)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
        "::/128",  # unspecified
        "::1/128",  # loopback
        "::/96",  # IPv4-compatible (deprecated)
        "::ffff:0:0/96",  # IPv4-mapped
        "64:ff9b::/96",  # NAT64
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments (Teredo, ORCHID, ...)
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
LOOPBACK_NETWORKS = (
    ipaddress.ip_network("127.0.0.0/8"),
    ipaddress.ip_network("::1/128"),
)


class UnsafeWebhookURL(ValueError):
    """The URL may not receive webhooks; `message` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def insecure_local_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOK_ALLOW_INSECURE_LOCAL", False))


def address_is_allowed(address: IPAddress, *, allow_loopback: bool = False) -> bool:
    """True for a public unicast address (and loopback when allowed)."""
    if allow_loopback and any(address in net for net in LOOPBACK_NETWORKS):
        return True
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None or address.sixtofour is not None:
            return False
        if address.teredo is not None:
            return False
    if any(
        address.version == net.version and address in net for net in BLOCKED_NETWORKS
    ):
        return False
    return address.is_global and not address.is_multicast


def _unresolved(host: str) -> str:
    return _("The host %(host)r does not resolve.") % {"host": host}


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the name resolves to (numeric spellings included)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnsafeWebhookURL(_unresolved(host)) from error
    addresses = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        addresses.append(ipaddress.ip_address(text))
    return addresses


def check_webhook_url(url: str) -> list[IPAddress]:
    """Refuse a URL that is not https or reaches a non-public address."""
    allow_local = insecure_local_allowed()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeWebhookURL(_("The URL cannot be parsed.")) from error
    if parts.scheme != "https" and not (allow_local and parts.scheme == "http"):
        raise UnsafeWebhookURL(_("Webhook URLs must use https."))
    if parts.username is not None or parts.password is not None:
        raise UnsafeWebhookURL(_("Webhook URLs may not carry credentials."))
    host = parts.hostname
    if not host:
        raise UnsafeWebhookURL(_("The URL has no host."))
    port = port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(host, port)
    if not addresses:
        raise UnsafeWebhookURL(_unresolved(host))
    for address in addresses:
        if not address_is_allowed(address, allow_loopback=allow_local):
            raise UnsafeWebhookURL(
                _(
                    "Webhook URLs must resolve to public Internet addresses only; "
                    "%(host)r resolves to a refused address."
                )
                % {"host": host}
            )
    return addresses
