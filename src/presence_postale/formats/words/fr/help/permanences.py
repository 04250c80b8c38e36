"""Les pages d'aide de `permanences` : les permanences."""

HELP: dict[str, str] = {
    "permanences.list": (
        "Liste les permanences.\n\n"
        "Exemple : presence-postale permanences list --programme vigny-2021"
    ),
    "permanences.show": (
        "Une permanence, ses occurrences annulées ou déplacées, et ses bilans saisis.\n\n"
        "Exemple : presence-postale permanences show 1"
    ),
    "permanences.add": (
        "Ajoute une permanence ; refusé quand l'agent est ailleurs ou que le site d'accueil "
        "est fermé, sauf avec --force.\n\n"
        "Exemple : presence-postale permanences add --programme vigny-2021 --agent "
        "vigny-conseillere-1 --site mairie-grisy-les-platres --every tuesday --start 14:00 "
        "--end 16:00 --valid-from 2021-05-04"
    ),
    "permanences.cancel": (
        "Annule une occurrence, ou toutes celles de --from à --to (gardées, avec le motif) ; "
        "--undo les rétablit.\n\n"
        'Exemple : presence-postale permanences cancel 1 --date 2021-05-11 --reason "agent en'
        ' formation"'
    ),
    "permanences.move": (
        "Déplace une occurrence à un autre jour ou à une autre heure ; --undo la remet en "
        "place.\n\n"
        "Exemple : presence-postale permanences move 1 --date 2021-05-11 --to 2021-05-12 "
        '--reason "salle prise"'
    ),
    "permanences.log": (
        "Enregistre le bilan d'une occurrence : personnes reçues, demandes par opérateur, une"
        " note.\n\n"
        "Exemple : presence-postale permanences log 1 --date 2021-04-27 --visitors 6 "
        "--requests caf=2,cnav=1"
    ),
    "permanences.schedule": (
        "Les occurrences d'une période : tenues, prévues, déplacées, annulées, sautées (avec "
        "la raison).\n\n"
        "Exemple : presence-postale permanences schedule --programme vigny-2021 --from "
        "2021-04-27 --to 2021-07-27"
    ),
    "permanences.move.to": "Nouveau jour.",
    "permanences.list.site": "Seulement sur ce site (identifiant ou nom).",
    "permanences.add.site": "Site d'accueil (identifiant ou nom).",
    "permanences.schedule.site": "Seulement sur ce site.",
    "permanences.schedule.week": "2021-W17, this, next, last ou une date.",
    "permanences.add.start": "Heure de début.",
    "permanences.cancel.start": "Premier jour d'une période.",
    "permanences.move.start": "Nouvelle heure de début.",
    "permanences.add.end": "Heure de fin.",
    "permanences.cancel.end": "Dernier jour d'une période.",
    "permanences.move.end": "Nouvelle heure de fin.",
    "permanences.add.valid_from": "Premier jour.",
    "permanences.list.agent": "Seulement cet agent (identifiant ou nom).",
    "permanences.add.agent": "Agent (identifiant ou nom).",
    "permanences.schedule.agent": "Seulement cet agent.",
    "permanences.add.programme": "Code du programme : vigny-2021.",
    "permanences.add.every": "tuesday, mardi, mon,thu, weekdays, '1st,3rd thursday'.",
    "permanences.add.rrule": "Règle RFC 5545 brute : FREQ=WEEKLY;BYDAY=TU.",
    "permanences.add.valid_until": "Dernier jour (par défaut : la fin du programme).",
    "permanences.add.operators": "Opérateurs servis : laposte,caf,msa.",
    "permanences.add.force": "La créer malgré les conflits (ils sont listés).",
    "permanences.log.visitors": "Personnes reçues.",
    "permanences.log.requests": "Demandes par opérateur : caf=3,msa=1.",
    "permanences.log.moved_from": (
        "Pour une occurrence déplacée sur --date qui a aussi une occurrence régulière : sa "
        "date d'origine."
    ),
}
