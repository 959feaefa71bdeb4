"""Writes locale/nb/LC_MESSAGES/django.po from the table in scripts/nb/ (issue 5).

`make messages` runs it, merges new strings from the code and compiles. Django's
own messages come translated with Django and DRF; this covers the registry's. Add a
message to the area's module in scripts/nb/.
"""

from pathlib import Path

from nb import NB, NB_PLURAL

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: ttp-registry\\n"
"Language: nb\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(parts) == 1:
        return f'"{parts[0]}"'
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def main() -> None:
    path = Path(__file__).resolve().parent.parent / "locale/nb/LC_MESSAGES/django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [HEADER]
    for msgid, msgstr in NB.items():
        flags = "#, python-format\n" if "%(" in msgid else ""
        entries.append(f"{flags}msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n")
    for (singular, plural), (nb_one, nb_other) in NB_PLURAL.items():
        entries.append(
            f"#, python-format\nmsgid {quote(singular)}\n"
            f"msgid_plural {quote(plural)}\n"
            f"msgstr[0] {quote(nb_one)}\nmsgstr[1] {quote(nb_other)}\n"
        )
    path.write_text("\n".join(entries), encoding="utf-8")


if __name__ == "__main__":
    main()
