"""A bad OGC request: raised by the parameter parsers, answered as a 400 problem."""


class OGCRequestError(ValueError):
    """A query parameter the server cannot honour; `parameter` names it."""

    def __init__(self, parameter: str, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.status = status
