"""Domain rules: validation of records (validation.py) and what a period lock covers (locks.py).
The figures computed from the records are figures.py, a layer above records.py."""
