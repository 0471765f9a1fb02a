"""The kiosk's PDF documents: the family's statement (`family_statement`), the manager's day
report (`day_report`) and the statement copy the claims list opens (`signed_copy`), all drawn
with one page kit (`page`) and written whole (`pdf_file`)."""
