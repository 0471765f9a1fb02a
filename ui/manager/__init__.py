"""The manager's side of the kiosk: the staff sign-in (`signin`), the area that holds it and the
dashboard (`area`, `screen`), and one module per dashboard tab. The words for figures and
findings are `ui.manager_text` (the day report uses them too); the day report and the signed
bill copies the claims tab opens are documents, in `ui.documents`."""
