"""The kiosk's PDF documents: the family's statement (`family_statement`) and the manager's day
report (`day_report`), drawn with one page kit (`page`) and written whole (`pdf_file`). When a
statement is made, kept and reprinted is `ui.statements`' business."""
