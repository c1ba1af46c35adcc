"""Python rules, one module per family; each rule registers itself with ``@register``."""
