"""The manager's side of the kiosk: the staff sign-in (`signin`), the area that holds it and the
dashboard (`area`, `screen`), one module per dashboard tab, and the names of figures and
findings (`names`). The day report and the signed bill copies the claims tab opens are
documents, in `ui.documents`."""
