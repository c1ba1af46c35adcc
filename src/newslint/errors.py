"""Errors that end a run with a one-line message and exit code 2."""


class NewslintError(Exception):
    """A usage, configuration or input error, reported in one line."""


class ConfigError(NewslintError):
    """A configuration file or YAML rule that is malformed."""


class InputError(NewslintError):
    """A file that cannot be read or decoded."""
