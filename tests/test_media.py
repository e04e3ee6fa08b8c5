"""Media: the renditions the build makes of images (sizes, formats, no metadata), the copies of
video and captions, byte-identical rebuilds with the cache and without, and the preview
re-rendering what shows an image when its `alt` or its file changes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from generator.build import Builder, build
from generator.model.media import LocalFile, rendition_widths
from generator.project import Project
from tests.helpers import FIXTURE, TEMPLATES, read_tree

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def gps_photo(width: int, height: int) -> bytes:
    """A JPEG stored on its side (EXIF orientation 6) carrying a camera make and a GPS
    position, as a journalist's phone writes them."""
    image = Image.new("RGB", (height, width), "#3060a0")
    image.paste("#e0c040", (0, 0, height // 2, width // 3))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "TestCam"
    exif.get_ifd(GPS_IFD).update(
        {
            1: "N",
            2: (TiffImagePlugin.IFDRational(33), TiffImagePlugin.IFDRational(41), 0),
            3: "E",
            4: (TiffImagePlugin.IFDRational(73), TiffImagePlugin.IFDRational(3), 0),
        }
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), quality=90)
    return buffer.getvalue()


def media_project(root: Path) -> Path:
    """The fixture, with a GPS-tagged 2400 × 1500 photo and a small transparent PNG."""
    shutil.copytree(FIXTURE / "content", root / "content")
    shutil.copytree(FIXTURE / "seeds", root / "seeds")
    (root / "content/media/photo.jpg").write_bytes(gps_photo(2400, 1500))
    small = Image.new("RGBA", (300, 200), (200, 40, 40, 128))
    small.save(root / "content/media/badge.png")
    event = root / "content/events/later-claims.md"
    text = event.read_text(encoding="utf-8")
    media = (
        "media:\n"
        "  - file: media/photo.jpg\n"
        "    alt: A blue field with a yellow corner.\n"
        "  - file: media/badge.png\n"
        '    alt: ""\n'
        "---\n"
    )
    event.write_text(text.replace("---\n", media, 2).replace(media, "---\n", 1), encoding="utf-8")
    return root


def site_media(site: Path) -> dict[str, bytes]:
    return {path: data for path, data in read_tree(site).items() if path.startswith("media/")}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return media_project(tmp_path / "project")


def test_each_image_is_made_in_every_width_it_exceeds_as_webp_and_its_fallback(
    root: Path, tmp_path: Path
) -> None:
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "site"))
    files = site_media(tmp_path / "site")
    made = {}
    for path, data in files.items():
        if not path.endswith((".webm", ".vtt")):
            with Image.open(io.BytesIO(data)) as image:
                made[path.rsplit("/", 1)[1]] = (image.format, image.size, image.mode)
    # Upright (EXIF orientation 6 applied): 2400 × 1500, never upscaled past its own width.
    assert {name: made[name][:2] for name in made if name.startswith("photo")} == {
        "photo-480.webp": ("WEBP", (480, 300)),
        "photo-960.webp": ("WEBP", (960, 600)),
        "photo-1600.webp": ("WEBP", (1600, 1000)),
        "photo-480.jpg": ("JPEG", (480, 300)),
        "photo-960.jpg": ("JPEG", (960, 600)),
        "photo-1600.jpg": ("JPEG", (1600, 1000)),
    }
    # Narrower than every width: its own width only; transparent, so PNG beside the WebP.
    assert {name: made[name] for name in made if name.startswith("badge")} == {
        "badge-300.webp": ("WEBP", (300, 200), "RGBA"),
        "badge-300.png": ("PNG", (300, 200), "RGBA"),
    }
    # Video and captions are copied byte for byte.
    copied = {path.rsplit("/", 1)[1]: data for path, data in files.items()}
    assert copied["senate-plot.webm"] == (root / "content/media/senate-plot.webm").read_bytes()
    assert copied["senate-plot.vtt"] == (root / "content/media/senate-plot.vtt").read_bytes()


@pytest.mark.parametrize(
    ("width", "widths"),
    [
        (300, (300,)),
        (480, (480,)),
        (481, (480, 481)),
        (960, (480, 960)),
        (1000, (480, 960, 1000)),
        (1599, (480, 960, 1599)),
        (1600, (480, 960, 1600)),
        (2400, (480, 960, 1600)),
    ],
)
def test_an_image_gets_each_width_up_to_its_own(width: int, widths: tuple[int, ...]) -> None:
    assert rendition_widths(width) == widths
    image = LocalFile("media/exact.png", "0" * 64, width, 100, "png")
    assert [r.width for r in image.renditions() if r.kind == "png"] == list(widths)


def test_no_metadata_survives_in_any_rendition(root: Path, tmp_path: Path) -> None:
    with Image.open(root / "content/media/photo.jpg") as original:  # the test's own premise
        assert original.getexif().get_ifd(GPS_IFD) and original.getexif()[MAKE] == "TestCam"
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "site"))
    images = {p: d for p, d in site_media(tmp_path / "site").items() if "/photo-" in p}
    assert len(images) == 6
    for path, data in images.items():
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            assert len(exif) == 0, path
            assert not exif.get_ifd(GPS_IFD), path
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & image.info.keys()
        assert b"TestCam" not in data and b"Exif" not in data, path


def test_rebuilds_are_byte_identical_with_the_cache_and_without(root: Path, tmp_path: Path) -> None:
    project = Project.at(root, templates=TEMPLATES, output=tmp_path / "a")
    build(project, tmp_path / "cache")  # makes the renditions and keeps them
    kept = sorted((tmp_path / "cache" / "media").iterdir())
    assert len(kept) == 20  # photo 6, badge 2, forum 6, rubicon map 4, coin 2
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "b"), tmp_path / "cache")
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "c"))  # no cache at all
    first = read_tree(tmp_path / "a")
    assert first == read_tree(tmp_path / "b") == read_tree(tmp_path / "c")
    assert sorted((tmp_path / "cache" / "media").iterdir()) == kept


def test_a_tampered_cache_file_is_made_again(root: Path, tmp_path: Path) -> None:
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "a"), tmp_path / "cache")
    for kept in (tmp_path / "cache" / "media").iterdir():
        kept.write_bytes(gps_photo(64, 64))  # a JPEG with GPS where a rendition should be
    build(Project.at(root, templates=TEMPLATES, output=tmp_path / "b"), tmp_path / "cache")
    assert read_tree(tmp_path / "a") == read_tree(tmp_path / "b")


def test_the_preview_renders_again_what_shows_an_edited_alt_or_image(root: Path) -> None:
    builder = Builder(Project.at(root, templates=TEMPLATES))
    builder.build()
    page = "events/later-claims/index.html"
    event = root / "content/events/later-claims.md"
    event.write_text(
        event.read_text(encoding="utf-8").replace("a yellow corner", "a golden corner"),
        encoding="utf-8",
    )
    result = builder.build()
    assert page in result.changed
    assert b"A blue field with a golden corner." in (root / "site" / page).read_bytes()
    # The image itself: new bytes, new renditions, a page that links to them.
    (root / "content/media/photo.jpg").write_bytes(gps_photo(1000, 800))
    result = builder.build()
    assert page in result.changed
    html = (root / "site" / page).read_bytes().decode()
    names = {p.rsplit("/", 1)[1] for p in result.paths if "/photo-" in p}
    assert names == {
        "photo-480.webp",
        "photo-960.webp",
        "photo-1000.webp",
        "photo-480.jpg",
        "photo-960.jpg",
        "photo-1000.jpg",
    }
    assert 'width="1000" height="800"' in html
    # A body's image: its page and the feed change with the file.
    before = (root / "site/events/augustus-reign/index.html").read_bytes()
    Image.new("RGB", (400, 400), "#204020").save(root / "content/media/coin.webp")
    result = builder.build()
    assert "events/augustus-reign/index.html" in result.changed
    assert "feed.xml" in result.changed
    after = (root / "site/events/augustus-reign/index.html").read_bytes()
    assert before != after and b'width="400" height="400"' in after
