"""One module per screen of the visit; each renders the visit and forwards intent to it."""
