"""Reusable widgets the screens compose: camera preview, signature pad."""
