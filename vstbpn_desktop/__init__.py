"""VSTBPN Desktop core: storage, domain rules, bundles, reports and the command line.

Nothing in this package imports Qt; `ui/` builds the window on top of it.
"""

__version__ = "0.1.0"
APP_NAME = "VSTBPN Desktop"
