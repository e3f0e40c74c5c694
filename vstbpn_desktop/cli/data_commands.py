"""Table-file commands: data template, data import."""


def register(commands) -> None:
    pass
