"""Les pages d'aide de `db` : la base de données."""

HELP: dict[str, str] = {
    "db.status": (
        "Où se trouve la base, la version de son schéma et le nombre de lignes de chaque "
        "table.\n\n"
        "Exemple : presence-postale db status"
    ),
    "db.upgrade": (
        "Applique les migrations de schéma en attente (faites aussi automatiquement à chaque "
        "ouverture).\n\n"
        "Exemple : presence-postale db upgrade"
    ),
    "db.backup": (
        "Une copie cohérente de la base, même pendant que d'autres y écrivent.\n\n"
        "Exemple : presence-postale db backup ~/sauvegardes/presence-2021-05-07.db"
    ),
    "db.check": (
        "Contrôles d'intégrité et de clés étrangères (ceux de SQLite, ou le schéma et les "
        "références sous PostgreSQL) ; sortie 1 si quelque chose ne va pas.\n\n"
        "Exemple : presence-postale db check"
    ),
    "db.copy": (
        "Copie toute la base (--db) dans une base vide, puis compare les deux table par table"
        " : nombre de lignes et somme de contrôle de chaque côté ; sortie 1 si une table "
        "diffère. Tout ou rien : un échec laisse la cible vide.\n\n"
        "Exemple : presence-postale --db gers.db db copy --to "
        "postgresql+psycopg://equipe@serveur/presence"
    ),
    "db.backup.target": "Nouveau fichier où écrire la copie.",
    "db.copy.to": (
        "La base vide où copier : une URL postgresql+psycopg://utilisateur@hote/base sans le "
        "schéma, ou un fichier SQLite qui n'existe pas encore."
    ),
}
