"""Signed bundles in the window: sending, receiving, return for correction, the children's keys
and the reporting status of the children."""
