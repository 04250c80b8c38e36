import pytest

from presence_postale.domain.vocab import (
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


def test_design_lists() -> None:
    assert len(THEMES) == 19 and THEMES[-1] == "aide_aux_demarches_administratives"
    assert AGE_BANDS == (
        "<12",
        "12-17",
        "18-24",
        "25-39",
        "40-59",
        "60-69",
        "70+",
        "non_communique",
    )


def test_check_accepts_codes_and_forgives_case() -> None:
    assert check("operator", "caf", "operator") == "caf"
    assert check("operator", " Pole-Emploi ", "operator") == "pole_emploi"
    assert check("reservation_status", "no show", "status") == "no_show"
    assert check("age_band", "12-17", "age band") == "12-17"
    assert check("age_band", "70+", "age band") == "70+"


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
