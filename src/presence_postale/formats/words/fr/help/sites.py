"""Les pages d'aide de `sites` : les sites."""

HELP: dict[str, str] = {
    "sites.list": (
        "Liste les sites, par département, nature ou label.\n\n"
        "Exemple : presence-postale sites list --department 95 --format csv"
    ),
    "sites.search": (
        "Trouve des sites par nom ou par commune, quels que soient les accents, la casse ou "
        "les abréviations.\n\n"
        'Exemple : presence-postale sites search "st gerand"'
    ),
    "sites.show": (
        "Tout sur un site : adresse, horaires, labels, équipements, opérateurs, fermetures.\n\n"
        "Exemple : presence-postale sites show 17510A --format json"
    ),
    "sites.hours": (
        "Les horaires d'ouverture de chaque jour d'une semaine, jours fériés et fermetures "
        "compris.\n\n"
        "Exemple : presence-postale sites hours 17510A --week 2021-W18"
    ),
    "sites.close": (
        "Enregistre une fermeture (travaux, congés) ; les permanences et réservations prévues"
        " sur le site pendant ce temps sont sautées.\n\n"
        "Les permanences, réservations et séances de médiation qu'elle touche sont nommées "
        "aussitôt (avertissements ; --strict refuse alors la fermeture).\n\n"
        "Exemple : presence-postale sites close 17510A --from 2021-06-01 --to 2021-06-15 "
        "--reason travaux"
    ),
    "sites.nearest": (
        "Les sites les plus proches d'une commune ou d'un point, avec les distances en km.\n\n"
        'Exemple : presence-postale sites nearest --commune "Grisy-les-Plâtres" --label '
        "france_services"
    ),
    "sites.add": (
        "Ajoute un site (une mairie, un commerce, un point de contact pas encore importé).\n\n"
        'Exemple : presence-postale sites add --name "Mairie de Vigny" --kind mairie '
        "--department 95"
    ),
    "sites.update": (
        "Modifie les coordonnées, les horaires, les labels, les équipements ou les opérateurs"
        " d'un site.\n\n"
        "Les horaires, l'effectif et les labels ont un historique : un changement vaut à "
        "partir de --from (par défaut aujourd'hui) et les rapports des semaines antérieures "
        "gardent ce qui était en vigueur alors. Les permanences, réservations et séances de "
        "médiation avec lesquelles les nouveaux horaires entrent en conflit sont nommées "
        "aussitôt (avertissements ; --strict refuse alors le changement).\n\n"
        'Exemple : presence-postale sites update 00518A --hours "Mo-Fr 09:00-12:00; PH off" '
        "--staff 2"
    ),
    "sites.remove": (
        "Supprime un site ; refusé tant que des permanences, des agents, des espaces ou des "
        "séances y renvoient.\n\n"
        "Exemple : presence-postale sites remove mairie-de-vigny"
    ),
    "sites.list.department": "Code du département : 03, 2A, 971.",
    "sites.search.department": "Code du département : 03, 2A, 971.",
    "sites.add.department": "Code du département : 03, 2A, 971.",
    "sites.update.department": "Code du département : 03, 2A, 971.",
    "sites.list.kind": "bureau_de_poste, mairie, ...",
    "sites.nearest.kind": "Seulement les sites de cette nature.",
    "sites.list.label": "france_services ou msap.",
    "sites.nearest.label": "Seulement les sites qui ont ce label.",
    "sites.add.label": "Labels à ajouter, séparés par des virgules : france_services,msap.",
    "sites.search.query": "Une partie d'un nom ou d'une commune : \"st gerand\".",
    "sites.hours.week": "2021-W18, this, next, last, ou une date dans la semaine.",
    "sites.close.start": "Premier jour de fermeture.",
    "sites.close.end": "Dernier jour de fermeture (par défaut : --from).",
    "sites.close.reason": "Motif : travaux, congés, ...",
    "sites.nearest.commune": "À partir de cette commune.",
    "sites.nearest.lat": "À partir de cette latitude.",
    "sites.nearest.lon": "À partir de cette longitude.",
    "sites.nearest.limit": "Combien de sites.",
    "sites.add.site_id": (
        "Identifiant : celui de La Poste pour un point de contact, sinon un identifiant court"
        " (slug)."
    ),
    "sites.add.equipment": (
        "Équipements à ajouter, séparés par des virgules : ilot_numerique,wifi."
    ),
    "sites.add.operator": "Opérateurs à ajouter, séparés par des virgules : caf,msa.",
    "sites.update.add_label": "Labels à ajouter, séparés par des virgules : france_services,msap.",
    "sites.update.add_equipment": (
        "Équipements à ajouter, séparés par des virgules : ilot_numerique,wifi."
    ),
    "sites.update.add_operator": "Opérateurs à ajouter, séparés par des virgules : caf,msa.",
    "sites.update.remove_label": "Labels à retirer.",
    "sites.update.remove_equipment": "Équipements à retirer.",
    "sites.update.remove_operator": "Opérateurs à retirer.",
    "sites.update.valid_from": (
        "Le jour à partir duquel --hours, --staff et les labels s'appliquent (par défaut : "
        "aujourd'hui). Les versions antérieures restent ; une date entre deux versions vaut "
        "jusqu'à la suivante."
    ),
}
