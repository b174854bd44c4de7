"""People codes with a Damm check digit, and certificate verification codes."""

import pytest

from defensoria.registro.codes import (
    InvalidCode, damm_digit, format_person_code, new_verification_code, normalize_verification_code,
    parse_person_code, verification_hash,
)


def test_codes_are_printed_with_a_check_digit_that_validates():
    code = format_person_code(12)
    assert code == "P-00012-5"
    assert parse_person_code(code) == code


@pytest.mark.parametrize("typed", ["p-00012-5", "P 00012 5", "000125", "P000125", " P-00012-5 "])
def test_typed_variants_of_a_code_are_understood(typed):
    assert parse_person_code(typed) == "P-00012-5"


def test_every_single_wrong_digit_is_caught():
    digits = "000125"
    for position in range(len(digits)):
        for wrong in "0123456789":
            if wrong != digits[position]:
                typo = digits[:position] + wrong + digits[position + 1:]
                assert damm_digit(typo) != 0, typo


def test_every_swap_of_neighbouring_digits_is_caught():
    for number in (12, 345, 9876, 10203):
        digits = format_person_code(number).replace("P-", "").replace("-", "")
        for position in range(len(digits) - 1):
            swapped = digits[:position] + digits[position + 1] + digits[position] + digits[position + 2:]
            if swapped != digits:
                with pytest.raises(InvalidCode):
                    parse_person_code(swapped)


def test_errors_are_in_spanish_and_say_what_is_wrong():
    with pytest.raises(InvalidCode, match="dígito \\(de control\\)"):
        parse_person_code("P-00012-4")
    with pytest.raises(InvalidCode, match="no tiene la forma"):
        parse_person_code("Rosa")


def test_codes_grow_past_five_digits():
    big = format_person_code(123456)
    assert parse_person_code(big) == big


def test_verification_codes_are_random_readable_and_hashed_after_normalising():
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(code) == 14 and code.count("-") == 2
    assert not set(code.replace("-", "")) & set("ILOU")
    assert normalize_verification_code(code.lower().replace("-", " ")) == code
    assert verification_hash(code.lower()) == verification_hash(code)
    assert code not in verification_hash(code) and len(verification_hash(code)) == 64
