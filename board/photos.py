"""Family member photos: an upload becomes a small square JPEG, kept as a data URL in the member's props.

There is no file store and no public URL on purpose: a photo travels with its member through the hub,
the op log, the visibility filter and the export, so exactly those who may see the member see the photo.
Nothing from the upload is kept as it was: Pillow decodes it and we write a fresh 256×256 JPEG without
any metadata, so the GPS position and camera details in a phone photo never reach the board. A photo that
arrives as a data URL (the live API, an imported board file) is checked the same way (`clean_data_url`).
"""
from __future__ import annotations

import base64
import binascii
import io
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from PIL.JpegImagePlugin import JpegImageFile

from .elements import PropsError

MAX_BYTES = 10 * 1024 * 1024
"""Largest upload we look at (a phone photo is 2–6 MB); the browser checks this too, but only there."""

MAX_PIXELS = 40_000_000
"""Most pixels we decode (a 48 MP phone shoots 12 MP photos by default); checked from the header alone."""

SIZE = 256
"""The thumbnail's side: sharp in a 48px circle on any screen, and only ~10–25 KB."""

QUALITY = 80
MAX_DATA_URL = 60_000
"""Must match `board.elements.PhotoDataUrl`; a very noisy picture is re-encoded with less quality to fit."""

PREFIX = 'data:image/jpeg;base64,'
FORMATS = ('JPEG', 'PNG', 'WEBP', 'GIF')


class PhotoError(ValueError):
    """An upload we will not use; `code` is one of 'too_large', 'not_an_image', 'too_many_pixels'."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def allowed_formats() -> tuple[str, ...]:
    """The photo formats phones and computers make; HEIF (iPhone) only when a Pillow plugin reads it."""
    Image.init()
    return FORMATS + (('HEIF',) if 'HEIF' in Image.OPEN else ())


def thumbnail_data_url(raw: bytes) -> str:
    """Check an upload and turn it into ``data:image/jpeg;base64,…`` (256×256, upright, no metadata).

    Raises `PhotoError` for anything too big, not a photo, or with too many pixels; the pixel count is
    read from the header before anything is decoded, so a small file claiming a huge picture costs nothing.
    """
    if len(raw) > MAX_BYTES:
        raise PhotoError('too_large')
    formats = allowed_formats()
    try:
        _open(raw, formats).verify()  # a damaged file fails here, before we decode it
    except PhotoError:
        raise
    except Exception:  # noqa: BLE001 — verify() raises whatever the format's parser hits
        raise PhotoError('not_an_image') from None
    image = _open(raw, formats)  # verify() leaves the image unusable: open it again
    try:
        if image.format == 'JPEG':
            image.draft('RGB', (SIZE, SIZE))  # decode a big JPEG at 1/2, 1/4 or 1/8 scale: faster, less memory
        image.load()
        image = ImageOps.exif_transpose(image)
        image = _rgb(image)
        square = ImageOps.fit(image, (SIZE, SIZE), Image.Resampling.LANCZOS)
    except Image.DecompressionBombError:
        raise PhotoError('too_many_pixels') from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise PhotoError('not_an_image') from None
    clean = Image.frombytes('RGB', square.size, square.tobytes())  # a fresh image: no EXIF, ICC, XMP or comment
    for quality in (QUALITY, 70, 60, 50, 40, 30):
        out = io.BytesIO()
        clean.save(out, 'JPEG', quality=quality, optimize=True)
        url = PREFIX + base64.b64encode(out.getvalue()).decode('ascii')
        if len(url) <= MAX_DATA_URL:
            return url
    raise PhotoError('not_an_image')  # cannot happen for 256×256 at quality 30; never store something too big


def with_clean_photo(props: dict[str, Any]) -> dict[str, Any]:
    """`props` with the photo they set (if any) checked and made one of ours (`clean_data_url`): what every channel
    does before a photo enters a board. `board.elements.PropsError` (field ``photo``) if it is no photo."""
    photo = props.get('photo')
    if not isinstance(photo, str):
        return props  # no photo, one being removed (None), or something the props check refuses
    try:
        return props | {'photo': clean_data_url(photo)}
    except PhotoError as error:
        raise PropsError([{'field': 'photo', 'problem': error.code}]) from None


def clean_data_url(url: str) -> str:
    """A photo as it enters a member's props on any channel: kept when it is already one of ours (a 256×256 JPEG
    with nothing but its pixels, so saving a member again costs no quality), otherwise made into one like an upload.

    Raises `PhotoError` for anything that is no photo (``data:image/jpeg;base64,A``), too big or too many pixels.
    """
    if not url.startswith(PREFIX):
        raise PhotoError('not_an_image')
    try:
        raw = base64.b64decode(url.removeprefix(PREFIX), validate=True)
    except binascii.Error:
        raise PhotoError('not_an_image') from None
    return PREFIX + base64.b64encode(raw).decode('ascii') if _is_ours(raw) else thumbnail_data_url(raw)


def _is_ours(raw: bytes) -> bool:
    """Whether `raw` is a JPEG as `thumbnail_data_url` writes it: the right size, whole, and no EXIF, ICC profile,
    XMP, comment or bytes after its end; only its plain JFIF header besides the pixels."""
    try:
        with Image.open(io.BytesIO(raw), formats=('JPEG',)) as image:
            if (image.size != (SIZE, SIZE) or image.mode != 'RGB' or 'comment' in image.info
                    or not raw.endswith(b'\xff\xd9') or not isinstance(image, JpegImageFile)
                    or any(marker != 'APP0' or len(data) != 14 or not data.startswith(b'JFIF\0')
                           for marker, data in image.applist)):
                return False
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError, EOFError):
        return False
    return True


def _open(raw: bytes, formats: tuple[str, ...]) -> Image.Image:
    """Open lazily (header only) and refuse unknown formats and too many pixels before any decoding."""
    try:
        image = Image.open(io.BytesIO(raw), formats=formats)
    except Image.DecompressionBombError:  # Pillow's own limit: far more pixels than ours
        raise PhotoError('too_many_pixels') from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise PhotoError('not_an_image') from None
    width, height = image.size
    if width < 1 or height < 1:
        raise PhotoError('not_an_image')
    if width * height > MAX_PIXELS:
        raise PhotoError('too_many_pixels')
    return image


def _rgb(image: Image.Image) -> Image.Image:
    """RGB for JPEG; transparent parts (a PNG cut-out) become white, not black."""
    if image.mode in ('RGBA', 'LA', 'PA') or (image.mode == 'P' and 'transparency' in image.info):
        rgba = image.convert('RGBA')
        background = Image.new('RGB', rgba.size, 'white')
        background.paste(rgba, mask=rgba.getchannel('A'))
        return background
    return image.convert('RGB')
