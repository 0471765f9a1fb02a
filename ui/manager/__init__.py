"""The manager's side of the kiosk: names of figures and findings, the PDF day report, and the
signed bill copies opened from the claims list."""
