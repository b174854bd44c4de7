"""`make zip`: the built site as one folder in a zip, the same bytes every time."""

import zipfile

import pytest

from defensoria.site.package import FOLDER, make_zip


@pytest.mark.build
def test_zip_holds_the_site_under_one_folder_and_is_reproducible(built_site, tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    count = make_zip(built_site, first)
    make_zip(built_site, second)
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert len(names) == count
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/qu/index.html" in names
    assert f"{FOLDER}/search/search_index.js" in names and f"{FOLDER}/qu/search/search_index.js" in names
    assert all(name.startswith(f"{FOLDER}/") for name in names)


def test_zip_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(SystemExit, match="make site"):
        make_zip(tmp_path, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
