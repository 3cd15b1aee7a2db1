"""Family member photos: whatever is uploaded, only a clean 256×256 JPEG data URL comes out."""
from __future__ import annotations

import base64
import io
import os
import struct
import zlib

import pytest
from PIL import ExifTags, Image

from board.elements import ElementType, PropsError, validate_props
from board.photos import PREFIX, PhotoError, clean_data_url, thumbnail_data_url

RED, BLUE = (220, 30, 30), (30, 30, 220)


def encode(image: Image.Image, format_: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format_, **options)
    return out.getvalue()


def decode(url: str) -> bytes:
    assert url.startswith(PREFIX)
    return base64.b64decode(url[len(PREFIX):], validate=True)


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def phone_photo() -> bytes:
    """A landscape JPEG stored sideways, as phones do: red on top, blue below, orientation 6, with GPS."""
    image = Image.new('RGB', (400, 200), RED)
    image.paste(BLUE, (0, 100, 400, 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = 'PlanbordCam'
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = 'N'
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 10.0)
    gps[ExifTags.GPS.GPSProcessingMethod] = b'ASCII\x00\x00\x00GPS'
    return encode(image, 'JPEG', exif=exif.tobytes(), quality=95)


def png_claiming(width: int, height: int) -> bytes:
    """A 1×1 PNG whose header says it is `width` × `height` (with a correct CRC): a decompression bomb's face."""
    data = bytearray(encode(Image.new('RGB', (1, 1)), 'PNG'))
    assert data[12:16] == b'IHDR'
    data[16:24] = struct.pack('>II', width, height)
    data[29:33] = struct.pack('>I', zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def test_a_phone_photo_comes_out_upright_square_small_and_without_exif_or_gps() -> None:
    raw = phone_photo()
    assert b'GPS' in raw and b'PlanbordCam' in raw and Image.open(io.BytesIO(raw)).getexif()  # the test is real
    jpeg = decode(thumbnail_data_url(raw))
    image = Image.open(io.BytesIO(jpeg))
    assert image.format == 'JPEG' and image.mode == 'RGB' and image.size == (256, 256)
    assert not image.getexif()
    assert b'GPS' not in jpeg and b'Exif' not in jpeg and b'PlanbordCam' not in jpeg
    assert 'icc_profile' not in image.info and 'exif' not in image.info
    # turned a quarter clockwise: the red top is now on the right, the blue bottom on the left
    assert near(image.getpixel((20, 128)), BLUE)
    assert near(image.getpixel((236, 128)), RED)
    assert len(jpeg) < 25_000


def test_a_png_with_transparency_works_and_the_transparent_part_turns_white() -> None:
    image = Image.new('RGBA', (300, 300), (0, 0, 0, 0))
    image.paste((40, 160, 60, 255), (100, 100, 200, 200))
    out = Image.open(io.BytesIO(decode(thumbnail_data_url(encode(image, 'PNG')))))
    assert out.size == (256, 256)
    assert near(out.getpixel((5, 5)), (255, 255, 255), 8)
    assert near(out.getpixel((128, 128)), (40, 160, 60))


@pytest.mark.parametrize('format_', ['WEBP', 'GIF', 'JPEG'])
def test_other_photo_formats_work(format_: str) -> None:
    image = Image.new('RGB', (120, 90), (250, 200, 20))
    out = Image.open(io.BytesIO(decode(thumbnail_data_url(encode(image, format_)))))
    assert out.size == (256, 256)  # a small picture is made bigger, so every photo is the same size


def test_even_pure_noise_fits_in_the_props_limit() -> None:
    noise = Image.frombytes('RGB', (256, 256), os.urandom(256 * 256 * 3))
    url = thumbnail_data_url(encode(noise, 'PNG'))
    assert len(url) <= 60_000
    assert validate_props(ElementType.FAMILY_MEMBER, {'name': 'Elif', 'photo': url})['photo'] == url


def code_of(raw: bytes) -> str:
    with pytest.raises(PhotoError) as caught:
        thumbnail_data_url(raw)
    return caught.value.code


def test_a_text_file_is_not_an_image() -> None:
    assert code_of(b'Boodschappenlijst: melk, brood, kaas\n' * 20) == 'not_an_image'


def test_a_truncated_jpeg_is_not_an_image() -> None:
    noise = Image.frombytes('RGB', (600, 400), os.urandom(600 * 400 * 3))
    raw = encode(noise, 'JPEG', quality=90)
    assert code_of(raw[:len(raw) // 2]) == 'not_an_image'


@pytest.mark.parametrize('format_', ['BMP', 'TIFF', 'PPM'])
def test_formats_that_are_not_photos_from_a_phone_are_refused(format_: str) -> None:
    assert code_of(encode(Image.new('RGB', (50, 50), RED), format_)) == 'not_an_image'


def test_more_than_10_mb_is_too_large_before_anything_is_read() -> None:
    assert code_of(b'\xff\xd8\xff' + b'\x00' * (11 * 1024 * 1024)) == 'too_large'


def test_a_decompression_bomb_is_refused_from_its_header() -> None:
    assert code_of(png_claiming(50_000, 50_000)) == 'too_many_pixels'  # Pillow's own bomb limit
    assert code_of(png_claiming(7_000, 7_000)) == 'too_many_pixels'  # 49 MP: above our 40 MP


def test_the_props_accept_only_a_small_jpeg_data_url() -> None:
    url = thumbnail_data_url(phone_photo())
    assert validate_props(ElementType.FAMILY_MEMBER, {'name': 'Bas', 'photo': url})['photo'] == url
    assert validate_props(ElementType.FAMILY_MEMBER, {'name': 'Bas'})['photo'] is None
    png = 'data:image/png;base64,' + base64.b64encode(encode(Image.new('RGB', (8, 8)), 'PNG')).decode()
    for bad in (png, 'https://example.org/bas.jpg', 'data:image/jpeg;base64,<script>',
                'data:image/svg+xml;base64,PHN2Zz4='):
        with pytest.raises(PropsError) as caught:
            validate_props(ElementType.FAMILY_MEMBER, {'name': 'Bas', 'photo': bad})
        assert caught.value.fields[0]['field'] == 'photo'
    with pytest.raises(PropsError) as caught:
        validate_props(ElementType.FAMILY_MEMBER, {'name': 'Bas', 'photo': PREFIX + 'A' * 60_000})
    assert caught.value.fields == [{'field': 'photo', 'problem': 'too_long', 'max': 60_000}]


def test_a_picture_that_would_not_fit_is_saved_with_less_quality(monkeypatch) -> None:
    import board.photos
    noise = Image.frombytes('RGB', (256, 256), os.urandom(256 * 256 * 3))
    monkeypatch.setattr(board.photos, 'MAX_DATA_URL', 30_000)
    assert len(thumbnail_data_url(encode(noise, 'PNG'))) <= 30_000


def as_data_url(raw: bytes) -> str:
    return PREFIX + base64.b64encode(raw).decode()


def test_a_data_url_from_any_channel_is_checked_and_cleaned_like_an_upload() -> None:
    for bad in (PREFIX + 'A', PREFIX + '!!!!', as_data_url(b'geen foto' * 10), 'data:image/png;base64,AAAA'):
        with pytest.raises(PhotoError) as caught:
            clean_data_url(bad)
        assert caught.value.code == 'not_an_image'
    jpeg = decode(clean_data_url(as_data_url(phone_photo())))
    assert b'GPS' not in jpeg and b'Exif' not in jpeg and b'PlanbordCam' not in jpeg
    assert Image.open(io.BytesIO(jpeg)).size == (256, 256)


def test_a_photo_that_is_already_clean_is_kept_as_it_is_and_anything_more_is_cleaned() -> None:
    ours = thumbnail_data_url(phone_photo())
    assert clean_data_url(ours) == ours  # no second JPEG generation on every save
    tail = clean_data_url(as_data_url(decode(ours) + b'<script>'))
    assert b'<script>' not in decode(tail)
    commented = io.BytesIO()
    Image.open(io.BytesIO(decode(ours))).save(commented, 'JPEG', comment=b'Lindelaan 12')
    assert b'Lindelaan' not in decode(clean_data_url(as_data_url(commented.getvalue())))
    with pytest.raises(PhotoError):
        clean_data_url(as_data_url(decode(ours)[:len(decode(ours)) // 2]))
