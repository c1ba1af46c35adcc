"""newslint: a linter and fixer for news copy."""

__version__ = "0.1.0"
