"""The one kind of failure an officer is shown: a refusal that names the file, row or member and the rule."""


class Refused(Exception):
    """Input or state refused. The message is Vietnamese and complete; nothing was changed."""
