"""SSRF: webhook URLs reach only public addresses over https."""

from collections.abc import Iterator

import pytest
import requests
from django.test import override_settings

from pilots.notifications.webhook_safety import UnsafeWebhookURL, check_webhook_url
from pilots.notifications.webhooks import (
    DeliveryFailed,
    _http_manager,
    new_webhook_secret,
    webhook_send,
)

from .receiver import Receiver, running_receiver

REFUSED_HOSTS = [
    # IPv4 loopback in its spellings
    "127.0.0.1",
    "127.1",
    "127.0.1",
    "127.255.255.254",
    "2130706433",  # decimal
    "0x7f000001",  # hexadecimal
    "0x7f.0.0.1",
    "0177.0.0.1",  # octal
    "017700000001",
    "localhost",
    "LOCALHOST",
    "localhost.",
    # unspecified / "this network"
    "0.0.0.0",  # noqa: S104 - a refused address, never bound
    "0",
    "0.1.2.3",
    # private
    "10.0.0.1",
    "10.255.255.254",
    "012.0.0.1",  # octal 10.0.0.1
    "172.16.0.1",
    "172.31.255.254",
    "192.168.0.1",
    "192.168.255.254",
    "3232235777",  # decimal 192.168.1.1
    # link-local, cloud metadata
    "169.254.169.254",
    "0xa9fea9fe",
    "169.254.0.1",
    # carrier-grade NAT 100.64/10
    "100.64.0.1",
    "100.127.255.254",
    # multicast and broadcast, reserved
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "240.0.0.1",
    # special-purpose
    "192.0.0.170",
    "198.18.0.1",
    "192.0.2.1",
    # IPv6 loopback, unspecified
    "[::1]",
    "[0:0:0:0:0:0:0:1]",
    "[0000::0001]",
    "[::]",
    # IPv4-mapped and IPv4-compatible
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[::ffff:10.0.0.1]",
    "[::ffff:169.254.169.254]",
    "[::ffff:8.8.8.8]",  # mapped, even to a public address
    "[::127.0.0.1]",
    # NAT64
    "[64:ff9b::7f00:1]",
    "[64:ff9b::a00:1]",
    "[64:ff9b::808:808]",
    "[64:ff9b:1::1]",
    # 6to4 and Teredo
    "[2002:7f00:1::1]",
    "[2002:a9fe:a9fe::1]",
    "[2002:808:808::1]",
    "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
    # unique local, link-local, site-local, multicast, documentation
    "[fc00::1]",
    "[fd12:3456:789a::1]",
    "[fe80::1]",
    "[fec0::1]",
    "[ff02::1]",
    "[ff05::1:3]",
    "[2001:db8::1]",
]


@pytest.mark.parametrize("host", REFUSED_HOSTS)
def test_non_public_addresses_are_refused(host: str) -> None:
    with pytest.raises(UnsafeWebhookURL):
        check_webhook_url(f"https://{host}/hook")


def test_at_least_thirty_spellings_are_covered() -> None:
    assert len(set(REFUSED_HOSTS)) >= 30


@pytest.mark.parametrize(
    "url",
    [
        "http://93.184.215.14/hook",  # plain http
        "ftp://93.184.215.14/hook",
        "file:///etc/passwd",
        "gopher://93.184.215.14/",
        "https://user:pass@93.184.215.14/hook",
        "https://93.184.215.14@127.0.0.1/hook",
        "https:///hook",
        "https://[::1/hook",
        "https://does-not-exist.invalid/hook",
    ],
)
def test_malformed_or_insecure_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeWebhookURL):
        check_webhook_url(url)


@pytest.mark.parametrize(
    "url", ["https://93.184.215.14/hook", "https://[2606:4700:4700::1111]:8443/x"]
)
def test_public_addresses_are_accepted(url: str) -> None:
    assert check_webhook_url(url)


@override_settings(WEBHOOK_ALLOW_INSECURE_LOCAL=True)
def test_local_development_allows_loopback_http_only() -> None:
    assert check_webhook_url("http://127.0.0.1:8080/hook")
    with pytest.raises(UnsafeWebhookURL):
        check_webhook_url("http://10.0.0.1/hook")
    with pytest.raises(UnsafeWebhookURL):
        check_webhook_url("http://169.254.169.254/latest/meta-data")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as receiver:
        yield receiver


def test_send_time_check_refuses_before_connecting(receiver: Receiver) -> None:
    # Saved while local development was allowed; the setting is off at send time.
    with pytest.raises(DeliveryFailed):
        webhook_send(
            url=f"{receiver.base_url}/hook",
            secret=new_webhook_secret(),
            message_id="msg_1",
            payload={},
        )
    assert receiver.requests == []


def test_the_pinned_connection_refuses_loopback(receiver: Receiver) -> None:
    # Past our own check (as after a DNS change), requests-hardened resolves,
    # checks and connects to the checked address only.
    with pytest.raises(requests.RequestException):
        _http_manager().send_request("POST", f"{receiver.base_url}/hook", data=b"{}")
    assert receiver.requests == []


@override_settings(WEBHOOK_ALLOW_INSECURE_LOCAL=True)
def test_redirects_are_not_followed(receiver: Receiver) -> None:
    with pytest.raises(DeliveryFailed):
        webhook_send(
            url=f"{receiver.base_url}/redirect",
            secret=new_webhook_secret(),
            message_id="msg_2",
            payload={},
        )
    assert [r.path for r in receiver.requests] == ["/redirect"]
