"""`manage.py moderator_add EMAIL [--remove]`: put a confirmed account in (or take
it out of) the district moderators group."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser

from pilots.selectors.permissions import MODERATORS_GROUP


class Command(BaseCommand):
    help = "Add an account to the moderators group (or remove it with --remove)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--remove", action="store_true")

    def handle(self, *args: Any, email: str, remove: bool, **options: Any) -> None:
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account has the address {email}.")
        group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
        if remove:
            group.user_set.remove(user)
            self.stdout.write(f"{user.email} is no longer a moderator.")
        else:
            group.user_set.add(user)
            self.stdout.write(f"{user.email} is a moderator.")
