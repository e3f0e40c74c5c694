"""Excel and CSV in: the .xlsx template and the import of table files (shared/CLI.md, "Table files").

`columns` describes the four tables once; `template` writes the workbook; `tables` reads a
`.csv` or `.xlsx` into raw rows; `importer` validates every row and writes all or nothing.
"""

from .importer import ImportResult, import_file
from .template import write_template

__all__ = ["ImportResult", "import_file", "write_template"]
