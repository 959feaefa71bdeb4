"""The secret key outside production: generated once per installation.

A fixed default in the code would let anyone forge what the key signs
(unsubscribe links, password-reset tokens, sessions). Instead the first start
writes a random key to an ignored file (`.secret_key`, mode 0600) and every
later start, and every other process of the installation, reads it back.
"""

import contextlib
import os
import secrets
from pathlib import Path


def local_secret_key(path: Path) -> str:
    """The key stored at `path`, created (atomically, 0600) if there is none."""
    with contextlib.suppress(FileNotFoundError):
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(50) + "\n")
        # Publish with a hard link: of processes starting at once, one wins and
        # all read the winner's key.
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        draft.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()
