"""Les pages d'aide de `programmes` : les programmes."""

HELP: dict[str, str] = {
    "programmes.list": (
        "Liste les programmes.\n\nExemple : presence-postale programmes list --format csv"
    ),
    "programmes.show": (
        "Un programme, avec ses prolongations et sa fin.\n\n"
        "Exemple : presence-postale programmes show vigny-2021"
    ),
    "programmes.add": (
        "Ajoute un programme.\n\n"
        'Exemple : presence-postale programmes add agen-2022 --title "Agen" --start '
        "2022-01-03 -d 47"
    ),
    "programmes.extend": (
        "Prolonge un programme ; ses permanences se tiennent jusqu'à la nouvelle fin.\n\n"
        "Exemple : presence-postale programmes extend vigny-2021 --until 2021-12-31 --reason "
        '"retours"'
    ),
    "programmes.end": (
        "Termine un programme (par défaut aujourd'hui) ; aucune permanence n'a lieu après son"
        " dernier jour.\n\n"
        "Ce qu'il laisse derrière lui est nommé aussitôt (avertissements ; --strict refuse "
        "alors la fin) : les bilans, annulations et déplacements enregistrés après son "
        "dernier jour, qu'aucun rapport ne montre plus, ses séances après cette date, et les "
        "semaines où ses médiateurs passent sous leur contrat.\n\n"
        "Exemple : presence-postale programmes end saint-amand-2021 --on 2021-07-07"
    ),
    "programmes.extend.reason": "Motif : retours des usagers, ...",
    "programmes.end.reason": "Pourquoi il se termine.",
    "programmes.end.strict": "Refuser la fin si elle entre en conflit avec ce qui est enregistré.",
    "programmes.add.title": "Intitulé.",
    "programmes.add.model": "france_services_mobilite, coworking, mediation_numerique, ...",
    "programmes.add.planned_end": "Dernier jour prévu.",
    "programmes.add.funder": "Qui finance.",
    "programmes.add.funding": "Financement, en euros.",
    "programmes.add.description": "Ce que fait l'expérimentation.",
    "programmes.extend.until": "Nouvelle fin prévue.",
    "programmes.end.on": "Dernier jour (par défaut : aujourd'hui).",
}
