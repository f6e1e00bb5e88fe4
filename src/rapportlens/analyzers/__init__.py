"""Built-in analyzers. Each module declares its features and one Analyzer subclass."""
