import pytest

from presence_postale.domain.vocab import (
    ADMINISTRATIVE_THEMES,
    AGE_BANDS,
    THEMES,
    VOCABULARIES,
    check,
)
from presence_postale.errors import InvalidData
from presence_postale.formats.words import label, labels, say


def test_every_code_has_both_labels_in_the_domains_order() -> None:
    for name, codes in VOCABULARIES.items():
        assert len(set(codes)) == len(codes), name
        assert tuple(labels(name, "fr")) == codes == tuple(labels(name, "en")), name


def test_operator_names() -> None:
    names = labels("operator")
    assert names["caf"] == "Caisse d'allocations familiales (CAF)"
    assert names["dgfip"] == "Finances publiques (DGFiP)"
    assert len(names) == 9


def test_the_coops_lists() -> None:
    """The codes of La Coop de la médiation numérique (its Thematique and TrancheAge enums)."""
    assert len(THEMES) == 30 and THEMES[18] == "aide_aux_demarches_administratives"
    assert "gere_ses_contenus_numeriques" in THEMES
    assert ADMINISTRATIVE_THEMES == (
        "papiers_elections_citoyennete",
        "famille_scolarite",
        "social_sante",
        "travail_formation",
        "logement",
        "transports_mobilite",
        "argent_impots",
        "justice",
        "etrangers_europe",
        "loisirs_sports_culture",
        "associations",
    )
    assert AGE_BANDS == (
        "moins_de_douze",
        "douze_dix_huit",
        "dix_huit_vingt_quatre",
        "vingt_cinq_trente_neuf",
        "quarante_cinquante_neuf",
        "soixante_soixante_neuf",
        "soixante_dix_plus",
        "non_communique",
    )
    assert VOCABULARIES["place_type"] == ("lieu_activite", "domicile", "a_distance", "autre")
    assert VOCABULARIES["gender"] == ("masculin", "feminin", "non_communique")
    assert len(VOCABULARIES["redirection"]) == 7
    assert VOCABULARIES["workshop_level"] == ("debutant", "intermediaire", "avance")


def test_check_accepts_codes_and_forgives_case() -> None:
    assert check("operator", "caf", "operator") == "caf"
    assert check("operator", " Pole-Emploi ", "operator") == "pole_emploi"
    assert check("reservation_status", "no show", "status") == "no_show"
    assert check("age_band", "soixante_dix_plus", "age band") == "soixante_dix_plus"
    assert check("place_type", "A distance", "place") == "a_distance"


def test_former_codes_read_as_the_coops() -> None:
    assert check("age_band", "12-17", "age band") == "douze_dix_huit"
    assert check("age_band", "70+", "age band") == "soixante_dix_plus"
    assert check("age_band", "<12", "age band") == "moins_de_douze"
    assert check("theme", "gerer_ses_contenus_numeriques", "theme") == (
        "gere_ses_contenus_numeriques"
    )


def test_check_refuses_with_the_list() -> None:
    with pytest.raises(InvalidData) as caught:
        check("programme_status", "done", "status")
    assert say(caught.value.message, "en") == (
        "invalid status 'done': expected one of planned, running, extended, ended"
    )


def test_label() -> None:
    assert label("site_kind", "bureau_de_poste") == "Bureau de poste"
    assert label("site_kind", "bureau_de_poste", "en") == "Post office"
    assert label("theme", "unknown_code") == "unknown_code"
