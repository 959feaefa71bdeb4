"""How the reports write numbers: milliseconds, rates and ratios."""


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def rate(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value >= 10 else f"{value:.2g}"


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"
