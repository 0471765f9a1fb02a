"""Direct-billing kiosk core: everything the desk does, without Qt widgets."""

__version__ = "0.1.0"
