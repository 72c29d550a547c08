"""Contacts are read however residents type them, and matched in one stored form."""

import pytest

from bot.booking.contact import InvalidContact, masked, parse, same


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("07700 900123", "phone", "07700900123"),
        ("+44 7700 900123", "phone", "07700900123"),
        ("447700900123", "phone", "07700900123"),
        ("(0113) 496-0000", "phone", "01134960000"),
        ("  Sam.Jones@Example.COM ", "email", "Sam.Jones@example.com"),
        ("my email is jo.bloggs@example.com", "email", "jo.bloggs@example.com"),
        ("its jo.bloggs@example.com thanks", "email", "jo.bloggs@example.com"),
        ("my number is 07700 900123", "phone", "07700900123"),
        ("ring me on +44 7700 900123 after 3", "phone", "07700900123"),
    ],
)
def test_contacts_are_stored_in_one_form(typed, kind, value):
    contact = parse(typed)
    assert (contact.kind, contact.value) == (kind, value)


@pytest.mark.parametrize(
    "typed", ["", "sam", "0770090", "+33 6 12 34 56 78", "sam@", "sam@example", "07700 9001234567",
              "call me maybe", "00447700900123x", "my email is sam@",
              "07700 900123 or 07700 900456"],  # two numbers: which one?
)  # fmt: skip
def test_what_is_not_a_contact_is_refused_with_an_example(typed):
    with pytest.raises(InvalidContact, match="07700 900123 or an email address"):
        parse(typed)


def test_the_same_contact_matches_however_it_is_written():
    assert same("+44 (0)7700 900123".replace("(0)", ""), "07700900123")
    assert same("SAM@example.com", "sam@example.com")
    assert not same("07700 900124", "07700900123")
    assert not same("not a contact", "07700900123")
    assert not same("07700900123", None)


def test_only_mobiles_can_get_texts_and_contacts_are_masked_when_shown():
    assert parse("07700 900123").mobile and not parse("0113 496 0000").mobile
    assert masked("07700900123") == "\u2022" * 7 + "0123"
    assert masked("sam@example.com") == "s\u2022\u2022\u2022@example.com"
