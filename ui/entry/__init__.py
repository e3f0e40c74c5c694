"""Entering the half-year's work: the pages, their widgets and table models, undo/redo, and the
import of Excel/CSV files."""
