"""Domain rules: validation of records, figures (derived and consolidated indicators), org units."""
