"""Storage: the only package that talks to SQLAlchemy, SQLite files and servers."""
