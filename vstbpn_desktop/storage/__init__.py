"""Storage: SQLModel tables, the engine built from the configured URL, and migrations."""
