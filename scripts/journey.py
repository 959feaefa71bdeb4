"""The pilot owner's journey against a running registry, through HTTP only.

    make run            # in one terminal (web, Celery worker, beat)
    make journey        # in another: python scripts/journey.py

Signs up an owner and a moderator, verifies both addresses from the emailed
links, gets API tokens, creates a pilot, submits it, the moderator requests
changes, the owner edits (with If-Match) and resubmits, the moderator approves;
then the pilot must be public in the JSON list, the GeoJSON and a vector tile,
and every step must have sent its emails. Exit status 0 when all held.

Emails are read from the folder the development email backend writes to
(EMAIL_FILE_PATH, `.emails/` by default; see config/settings/tasks.py). The
moderator is appointed with `manage.py moderator_add`, the operator's step, so
this script needs the same DATABASE_URL as the server. Standard library only.
"""

import argparse
import email
import email.policy
import json
import math
import os
import re
import secrets
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAIL_SEPARATOR = "\n" + "-" * 79 + "\n"
LON, LAT = 10.4025, 63.4190  # Gløshaugen, inside the district
LOCATION = [LON, LAT]
TILE_ZOOM = 14


class JourneyFailed(Exception):
    """A step of the journey did not hold; the message says which and why."""


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Journey:
    base_url: str
    mail_dir: Path
    timeout: float
    run: str = field(
        default_factory=lambda: "".join(
            secrets.choice(string.ascii_lowercase) for _ in range(10)
        )
    )
    steps: int = 0

    # HTTP ---------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """One request; a 429 waits for Retry-After and tries again (twice)."""
        sent = {"Accept": "application/json", "Accept-Language": "en"}
        sent.update(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        if token:
            sent["Authorization"] = f"Token {token}"
        for attempt in range(3):
            request = urllib.request.Request(  # noqa: S310 (a URL the user gave)
                self.base_url + path, data=data, headers=sent, method=method
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    return Answer(
                        response.status, dict(response.headers), response.read()
                    )
            except urllib.error.HTTPError as error:
                answer = Answer(error.code, dict(error.headers), error.read())
            if answer.status != 429 or attempt == 2:
                return answer
            wait = float(answer.headers.get("Retry-After") or 10)
            print(f"     throttled; waiting {wait:.0f} s", flush=True)
            time.sleep(min(wait, 70) + 0.5)
        raise AssertionError("unreachable")

    def expect(self, answer: Answer, status: int, what: str) -> Answer:
        if answer.status != status:
            raise JourneyFailed(
                f"{what}: expected HTTP {status}, got {answer.status}: "
                f"{answer.body[:500].decode(errors='replace')}"
            )
        return answer

    def step(self, text: str) -> None:
        self.steps += 1
        print(f"ok {self.steps:2d} {text}", flush=True)

    # Email --------------------------------------------------------------

    def emails_to(self, address: str) -> list[EmailMessage]:
        """Messages to `address` in the mail folder, oldest first."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log"), key=os.path.getmtime):
            text = path.read_text(encoding="utf-8", errors="replace")
            for chunk in text.split(MAIL_SEPARATOR):
                if not chunk.strip():
                    continue
                message = email.message_from_string(
                    chunk.lstrip("\n"), policy=email.policy.default
                )
                if address in str(message.get("To", "")):
                    found.append(message)
        return found

    def wait_for_email(
        self, address: str, count: int, contains: str, what: str
    ) -> EmailMessage:
        """The `count`-th email to `address`; its subject must contain `contains`."""
        deadline = time.monotonic() + self.timeout
        while True:
            messages = self.emails_to(address)
            if len(messages) >= count:
                message = messages[count - 1]
                if contains not in str(message["Subject"]):
                    raise JourneyFailed(
                        f"{what}: email {count} to {address} is "
                        f"“{message['Subject']}”, expected “{contains}”"
                    )
                return message
            if time.monotonic() > deadline:
                raise JourneyFailed(
                    f"{what}: no email {count} to {address} in {self.mail_dir} "
                    f"after {self.timeout:.0f} s (is the Celery worker running, "
                    "and EMAIL_BACKEND the file backend?)"
                )
            time.sleep(0.25)

    # Accounts -----------------------------------------------------------

    def account(self, role: str) -> tuple[str, str]:
        """Sign up, verify from the emailed link; the address and a token."""
        address = f"journey-{role}-{self.run}@example.org"
        password = secrets.token_urlsafe(18)
        self.expect(
            self.call(
                "POST",
                "/api/v1/auth/sign-up/",
                {"email": address, "password": password, "language": "en"},
            ),
            202,
            f"{role} sign-up",
        )
        message = self.wait_for_email(
            address, 1, "Confirm your email", f"{role} verification email"
        )
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        match = re.search(r"uid=([\w-]+)\S*?token=([\w-]+)", text)
        if not match:
            raise JourneyFailed(f"{role} verification email has no uid/token: {text}")
        self.step(f"{role} signed up; verification email received")
        self.expect(
            self.call(
                "POST",
                "/api/v1/auth/verify-email/",
                {"uid": match[1], "token": match[2]},
            ),
            200,
            f"{role} verification",
        )
        login = self.expect(
            self.call(
                "POST",
                "/api/v1/auth/login/",
                {"email": address, "password": password},
            ),
            201,
            f"{role} login",
        )
        self.step(f"{role} verified the address and got an API token")
        return address, login.json()["token"]

    def appoint_moderator(self, address: str) -> None:
        done = subprocess.run(
            [sys.executable, "manage.py", "moderator_add", address],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise JourneyFailed(f"manage.py moderator_add: {done.stderr[-1000:]}")
        self.step(f"{address} appointed moderator (manage.py moderator_add)")

    # The journey --------------------------------------------------------

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                if self.call("GET", "/readyz").status == 200:
                    return
            except OSError:  # not listening yet: try again until the deadline
                pass
            if time.monotonic() > deadline:
                raise JourneyFailed(f"{self.base_url}/readyz did not answer 200")
            time.sleep(0.5)

    def transition(self, pilot: str, action: str, token: str, reason: str = "") -> None:
        body = {"reason": reason} if reason else {}
        answer = self.call(
            "POST", f"/api/v1/pilots/{pilot}/{action}/", body, token=token
        )
        self.expect(answer, 200, action)

    def go(self) -> None:
        self.wait_until_ready()
        owner, owner_token = self.account("owner")
        moderator, moderator_token = self.account("moderator")
        self.appoint_moderator(moderator)

        title = f"Journey ferry trial {self.run}"
        slug = f"journey-{self.run}"
        detail = f"/api/v1/pilots/{slug}/"
        created = self.expect(
            self.call(
                "POST",
                "/api/v1/pilots/",
                {
                    "title": title,
                    "slug": slug,
                    "summary": "Crossing the Nidelva.",
                    "location": {"type": "Point", "coordinates": LOCATION},
                },
                token=owner_token,
            ),
            201,
            "create a pilot",
        )
        if created.json()["status"] != "draft":
            raise JourneyFailed(f"a new pilot is {created.json()['status']}")
        self.expect(self.call("GET", detail), 404, "anonymous read of the draft")
        self.step("owner created a draft pilot, not public yet")

        self.transition(slug, "submit", owner_token)
        self.wait_for_email(owner, 2, "Submitted", "submission email to the owner")
        self.wait_for_email(
            moderator, 2, "Submitted", "submission email to the moderator"
        )
        self.step("owner submitted; owner and moderator emailed")

        reason = "Name the test site."
        self.transition(slug, "request-changes", moderator_token, reason)
        message = self.wait_for_email(
            owner, 3, "Changes requested", "changes-requested email"
        )
        if reason not in str(message.get_body(preferencelist=("plain",))):
            raise JourneyFailed("the changes-requested email lacks the reason")
        self.step("moderator requested changes; owner emailed with the reason")

        current = self.expect(
            self.call("GET", detail, token=owner_token), 200, "owner reads"
        )
        if current.json().get("moderation_reason") != reason:
            raise JourneyFailed("the pilot does not show the moderation reason")
        etag = current.headers.get("ETag", "")
        self.expect(
            self.call(
                "PATCH",
                detail,
                {"summary": "Crossing the Nidelva at Sluppen test arena."},
                token=owner_token,
                headers={"If-Match": etag},
            ),
            200,
            "owner edits with If-Match",
        )
        self.transition(slug, "submit", owner_token)
        self.wait_for_email(owner, 4, "Submitted", "resubmission email")
        self.wait_for_email(moderator, 3, "Submitted", "resubmission email")
        self.step("owner edited (If-Match) and resubmitted; both emailed")

        self.transition(slug, "approve", moderator_token)
        self.wait_for_email(owner, 5, "Published", "approval email")
        self.step("moderator approved; owner emailed")

        self.check_public(slug, title)

    def check_public(self, slug: str, title: str) -> None:
        detail = self.expect(self.call("GET", f"/api/v1/pilots/{slug}/"), 200, "read")
        if detail.json()["status"] != "published":
            raise JourneyFailed(f"the pilot is {detail.json()['status']}")
        listed = self.expect(
            self.call("GET", f"/api/v1/pilots/?q={self.run}"), 200, "list"
        )
        if slug not in [row["slug"] for row in listed.json()["results"]]:
            raise JourneyFailed("the pilot is not in the public list")
        geojson = self.expect(
            self.call(
                "GET",
                f"/api/v1/pilots/?format=geojson&q={self.run}",
                headers={"Accept": "application/geo+json"},
            ),
            200,
            "GeoJSON",
        ).json()
        features = [f for f in geojson["features"] if f["properties"]["slug"] == slug]
        if not features or features[0]["geometry"]["coordinates"] != LOCATION:
            raise JourneyFailed("the pilot is not in the GeoJSON at its location")
        x, y = tile_containing(LON, LAT, TILE_ZOOM)
        tile = self.expect(
            self.call(
                "GET",
                f"/tiles/pilots/{TILE_ZOOM}/{x}/{y}.mvt",
                headers={"Accept": "application/vnd.mapbox-vector-tile"},
            ),
            200,
            "vector tile",
        )
        if title.encode() not in tile.body:
            raise JourneyFailed(f"the pilot is not in tile {TILE_ZOOM}/{x}/{y}")
        self.step("the pilot is public in the list, the GeoJSON and the tile")


def tile_containing(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """The Web Mercator (XYZ) tile holding lon/lat at `zoom`."""
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    rad = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)
    return x, y


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base-url",
        default=os.environ.get("JOURNEY_BASE_URL", "http://127.0.0.1:8000"),
    )
    parser.add_argument(
        "--mail-dir",
        type=Path,
        default=Path(os.environ.get("EMAIL_FILE_PATH", ROOT / ".emails")),
        help="the folder the file email backend writes to",
    )
    parser.add_argument("--timeout", type=float, default=60.0)
    options = parser.parse_args(argv)
    journey = Journey(options.base_url.rstrip("/"), options.mail_dir, options.timeout)
    print(f"Journey {journey.run} against {journey.base_url}", flush=True)
    try:
        journey.go()
    except (JourneyFailed, OSError) as error:
        print(f"FAILED after {journey.steps} steps: {error}", file=sys.stderr)
        return 1
    print(f"Journey {journey.run}: all {journey.steps} steps held.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
