"""Les pages d'aide de `agents` : les agents."""

HELP: dict[str, str] = {
    "agents.list": (
        "Liste les agents.\n\nExemple : presence-postale agents list --role mediateur_numerique"
    ),
    "agents.show": (
        "Un agent et ses permanences.\n\nExemple : presence-postale agents show allier-mediateur"
    ),
    "agents.add": (
        "Ajoute un agent.\n\n"
        'Exemple : presence-postale agents add --name "Camille Durand" --role '
        "mediateur_numerique --weekly-hours 18"
    ),
    "agents.update": (
        "Modifie les informations d'un agent.\n\n"
        "Après un changement de poste (--inactive), de site de rattachement ou d'heures "
        "hebdomadaires, ce avec quoi le planning de l'agent entre en conflit sur l'année à "
        "venir est nommé aussitôt (avertissements ; --strict refuse alors le changement) : "
        "les occurrences qu'un agent inactif tient encore, ses séances, les semaines où un "
        "médiateur est planifié en dessous de son contrat.\n\n"
        "Exemple : presence-postale agents update allier-mediateur --weekly-hours 21"
    ),
    "agents.absent": (
        "Enregistre l'absence d'un agent : ses occurrences pendant la période sont sautées ; "
        "--undo la retire. Refusé sur une occurrence dont le bilan est saisi.\n\n"
        "Ce que le changement laisse en conflit sur ces dates est nommé aussitôt "
        "(avertissements ; --strict refuse alors le changement) : les semaines où un "
        "médiateur est désormais planifié en dessous de son contrat, une occurrence rendue "
        "qui en chevauche une autre.\n\n"
        "Exemple : presence-postale agents absent vigny-conseillere-1 --from 2021-05-10 --to "
        "2021-05-21 --reason congés"
    ),
    "agents.absences": (
        "Liste les absences des agents.\n\n"
        "Exemple : presence-postale agents absences --agent vigny-conseillere-1"
    ),
    "agents.list.site": "Seulement les agents de ce site de rattachement.",
    "agents.absent.start": "Premier jour d'absence.",
    "agents.absent.end": "Dernier jour d'absence.",
    "agents.absent.reason": (
        "Motif (congés, formation) : montré dans les rapports, les plannings et l'agenda de "
        "l'agent ; jamais dans les avis aux sites d'accueil ni dans les flux publiés."
    ),
    "agents.add.name": "Nom complet.",
    "agents.update.name": "Nom complet.",
    "agents.add.email": "E-mail professionnel.",
    "agents.update.email": "E-mail professionnel.",
    "agents.list.role": "Seulement ce rôle.",
    "agents.absences.agent": "Seulement cet agent (identifiant ou nom).",
    "agents.add.agent_id": "Identifiant (par défaut : tiré du nom).",
    "agents.update.active": "Toujours en poste ?",
    "agents.absent.undo": "Retirer l'absence enregistrée pour ces dates.",
}
