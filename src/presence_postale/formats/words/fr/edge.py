"""Ce que toute commande peut dire : erreurs à la frontière, usage, avertissements."""

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "erreur : {message}",
    "error.interrupted": "interrompu ; la commande inachevée n'a rien changé",
    "error.out_of_memory": (
        "mémoire insuffisante : la commande s'est arrêtée, une écriture inachevée est annulée "
        "(la mémoire permise au processus, ulimit -v, ou celle de la machine est trop juste)"
    ),
    "error.internal": (
        "défaut interne de presence-postale ({kind} : {detail}), à signaler ; "
        "PRESENCE_POSTALE_DEBUG=1 montre où il se produit"
    ),
    "error.aborted": "abandonné",
    "error.cannot_use": "impossible d'utiliser « {path} » : {reason}",
    "error.cannot_use_unnamed": "opération impossible : {reason}",
    "db.server_no_database": "le serveur PostgreSQL {server} n'a pas de base « {name} »",
    "db.server_no_role": "le serveur PostgreSQL {server} ne connaît pas l'utilisateur « {name} »",
    "db.server_password": "le serveur PostgreSQL {server} refuse le mot de passe",
    "db.server_no_ssl": (
        "le serveur PostgreSQL {server} n'accepte pas SSL, que l'URL demande (sslmode) : "
        "l'activer sur le serveur, ou changer sslmode"
    ),
    "db.server_unknown_host": (
        "impossible de trouver le serveur PostgreSQL « {host} » : ce nom d'hôte ne donne "
        "aucune adresse (faute de frappe, ou réseau absent ?)"
    ),
    "db.server_not_postgres": (
        "ce qui répond à {server} n'est pas un serveur PostgreSQL : vérifier l'hôte et le port "
        "de l'URL"
    ),
    "db.server_timeout": (
        "le serveur PostgreSQL n'a pas répondu en {seconds} s : est-ce bien un serveur "
        "PostgreSQL, à cette adresse, et le réseau passe-t-il ?"
    ),
    "db.server_starting": (
        "le serveur PostgreSQL {server} démarre ou s'arrête et n'accepte pas encore de "
        "connexion : rien n'est enregistré ; réessayer dans un instant"
    ),
    "db.server_down": (
        "impossible de joindre le serveur PostgreSQL {server} : "
        "est-il démarré, et à cette adresse ?"
    ),
    "db.server_read_only": (
        "le serveur PostgreSQL n'accepte ici que des lectures (base ou session en lecture "
        "seule) : rien n'est enregistré"
    ),
    "db.server_not_allowed": (
        "l'utilisateur PostgreSQL n'a pas le droit de faire cela dans cette base : rien n'est "
        "enregistré ; demander ce droit à qui administre le serveur"
    ),
    "db.server_disk_full": ("le disque du serveur PostgreSQL est plein : rien n'est enregistré"),
    "db.server_out_of_memory": (
        "le serveur PostgreSQL manque de mémoire : rien n'est enregistré ; réessayer plus tard"
    ),
    "db.server_too_many": (
        "le serveur PostgreSQL a déjà toutes les connexions qu'il accepte : réessayer plus tard"
    ),
    "db.server_busy": (
        "une autre écriture en cours sur le serveur PostgreSQL a gêné celle-ci : rien n'est "
        "enregistré ; relancer la commande"
    ),
    "db.server_cancelled": (
        "le serveur PostgreSQL a interrompu la commande (délai dépassé ou annulation) : "
        "rien n'est enregistré"
    ),
    "db.server_stopped": (
        "le serveur PostgreSQL s'est arrêté pendant la commande : rien n'est enregistré ; "
        "réessayer quand il sera redémarré"
    ),
    "db.server_lost": (
        "la connexion au serveur PostgreSQL a été perdue : rien n'est enregistré ; réessayer"
    ),
    "error.database": "erreur de la base de données : {reason}",
    "notice.warning": "attention : {message}",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.line": "{message} (voir « {command} --help »)",
    "usage.bad_lang": "langue « {value} » inconnue : choisir parmi {expected}",
    "usage.bad_value": "{option} : {reason}",
    "usage.bad_choice": "{option} « {value} » invalide : choisir parmi {expected}",
    "usage.whole_number": "{option} « {value} » invalide : un nombre entier est attendu",
    "usage.number": "{option} « {value} » invalide : un nombre est attendu",
    "usage.at_least": "{option} « {value} » invalide : au moins {low}",
    "usage.at_most": "{option} « {value} » invalide : au plus {high}",
    "usage.missing_option": "l'option {option} est obligatoire",
    "usage.missing_argument": "l'argument {argument} est obligatoire",
    "usage.needs_value": "l'option {option} attend une valeur",
    "usage.no_such_option": "option inconnue : {option}",
    "usage.no_such_option_hint": "option inconnue : {option} (peut-être : {suggestions})",
    "usage.no_such_command": "commande inconnue : {command}",
    "usage.extra_arguments": "argument en trop : {arguments}",
    "usage.invalid": "usage incorrect : {detail}",
    "usage.excel_needs_csv": "--excel va avec --format csv",
    "usage.one_of": "donner {first} ou {second}",
    "usage.not_both": "donner {first} ou {second}, pas les deux",
    "usage.together": "{first} et {second} vont ensemble",
    "usage.both": "donner à la fois {first} et {second}",
    "usage.exactly_one": "donner exactement une option parmi {options}",
    "usage.takes_no_value": "l'option {option} ne prend pas de valeur",
    "usage.month_or_range": "donner --month, ou à la fois --from et --to",
}
