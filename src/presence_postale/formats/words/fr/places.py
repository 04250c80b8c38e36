"""places"""

MESSAGES: dict[str, str] = {
    "department.not_found": "département « {department} » introuvable",
    "operator.not_found": "opérateur « {operator} » introuvable",
    # ---- sites -------------------------------------------------------------------------------
    "site.empty_search": "recherche vide : donner une partie du nom d'un site ou d'une commune",
    "site.empty_ref": "site vide : donner l'identifiant ou le nom d'un site",
    "site.not_found": (
        'site « {site} » introuvable (essayer : presence-postale sites search "{site}")'
    ),
    "site.ambiguous": "site « {site} » ambigu : {candidates}",
    "site.ambiguous_more": "site « {site} » ambigu : {candidates} et {more} autres",
    "site.commune_not_found": (
        "commune « {commune} » introuvable parmi les sites géolocalisés (importer les points "
        "de contact de La Poste, ou donner --lat et --lon)"
    ),
    "site.bad_position": (
        "position {latitude}, {longitude} invalide : latitude entre -90 et 90, longitude entre "
        "-180 et 180"
    ),
    "site.exists": "le site « {site} » existe déjà",
    "id.exists_in_other_case": (
        "« {existing} » existe déjà : « {new} » ne s'en distingue que par les majuscules ; "
        "choisir un autre identifiant"
    ),
    "site.exists_in_other_case": (
        "le site « {existing} » existe déjà : « {site} » ne s'en distingue que par les "
        "majuscules ; choisir un autre identifiant"
    ),
    "site.no_equipment": "le site {site} n'a pas l'équipement « {code} »",
    "site.no_operator": "le site {site} n'accueille pas l'opérateur « {code} »",
    "site.used_by_permanences": "{count} {count:plural:permanence|permanences}",
    "site.used_by_agents": (
        "{count} {count:plural:agent qui y est rattaché|agents qui y sont rattachés}"
    ),
    "site.used_by_spaces": "{count} {count:plural:espace de coworking|espaces de coworking}",
    "site.used_by_sessions": ("{count} {count:plural:session de médiation|sessions de médiation}"),
    "site.used_by_sites": "{count} {count:plural:site rattaché|sites rattachés}",
    "site.still_used": "le site {site} sert encore à {references} ; rien n'est supprimé",
    "site.already_closed": "le site {site} est déjà fermé du {start} au {end} ({reason})",
    # ---- agents ------------------------------------------------------------------------------
    "agent.empty_ref": "agent vide : donner l'identifiant ou le nom d'un agent",
    "agent.not_found": "agent « {agent} » introuvable (voir : presence-postale agents list)",
    "agent.ambiguous": "agent « {agent} » ambigu : {candidates}",
    "agent.exists": "l'agent « {agent} » existe déjà",
    # ---- programmes --------------------------------------------------------------------------
    "programme.not_found": (
        "programme « {programme} » introuvable (voir : presence-postale programmes list)"
    ),
    "programme.exists": "le programme « {programme} » existe déjà",
    "programme.ended_not_extended": (
        "le programme {programme} s'est terminé le {date} ; il ne peut pas être prolongé"
    ),
    "programme.before_start": (
        "{option} {date:iso} invalide : avant le début du programme, le {start}"
    ),
    "programme.not_after_end": (
        "--until {date:iso} invalide : pas après la fin prévue actuelle, le {end}"
    ),
    "programme.already_ended": "le programme {programme} s'est déjà terminé le {date}",
    "site.label": "{label:label:site_label}",
    "site.label_since": "{label:label:site_label} (depuis le {since})",
    "site.closures": "Fermetures",
    "site.week_total": "Total : {hours:number} h sur {days} {days:plural:jour|jours}",
    "site.closed": "site {site} fermé du {start} au {end} : {reason}",
    "site.commune_or_position": "donner soit --commune, soit à la fois --lat et --lon",
    "site.added": "site {site} {name} ajouté",
    "site.updated": "site {site} {name} modifié",
    "site.removed": "site {site} {name} supprimé",
    "agent.added": "agent {agent} ajouté",
    "agent.updated": "agent {agent} modifié",
    "programme.changes": "Prolongations et fin",
    "programme.added": "programme {programme} ajouté",
    "programme.extended": "programme {programme} prolongé jusqu'au {date}",
    "programme.ended": "programme {programme} terminé le {date}",
}
