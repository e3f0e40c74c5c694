"""The window (PySide6). Views lay out widgets, controllers wire signals to core calls, table
models adapt core records to Qt. Everything the officer sees is Vietnamese source text wrapped
in tr() so a translation can be added later."""
