"""Help pages of `db`: the database."""

HELP: dict[str, str] = {
    "db.status": (
        "Where the database is, its schema version, and how many rows each table holds.\n\n"
        "Example: presence-postale db status"
    ),
    "db.upgrade": (
        "Apply pending schema migrations (done automatically on every open too).\n\n"
        "Example: presence-postale db upgrade"
    ),
    "db.backup": (
        "A consistent copy of the database, even while others write to it.\n\n"
        "Example: presence-postale db backup ~/sauvegardes/presence-2021-05-07.db"
    ),
    "db.check": (
        "Integrity and foreign-key checks (SQLite's, or the schema and references on "
        "PostgreSQL); exit 1 if anything is wrong.\n\n"
        "Example: presence-postale db check"
    ),
    "db.copy": (
        "Copy the whole database (--db) into an empty one, then compare both table by table: "
        "rows and a checksum of each side; exit 1 if any table differs. All or nothing: a "
        "failure leaves the target empty.\n\n"
        "Example: presence-postale --db gers.db db copy --to "
        "postgresql+psycopg://equipe@serveur/presence"
    ),
    "db.backup.target": "New file to write the copy to.",
    "db.copy.to": (
        "The empty database to copy into: a postgresql+psycopg://user@host/dbname URL without"
        " the schema, or a SQLite file that does not exist yet."
    ),
}
