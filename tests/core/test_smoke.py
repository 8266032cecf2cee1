"""The home page answers in both languages, with the right direction."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("fa", "rtl")])
def test_home_page_is_bilingual(client, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'dir="{direction}"' in response.content.decode()
