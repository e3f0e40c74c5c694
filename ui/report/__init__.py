"""The official report in the window: print, PDF, Word and Excel."""
