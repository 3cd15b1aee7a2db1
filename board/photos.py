"""Family member photos: an upload becomes a small square JPEG, kept as a data URL in the member's props.

There is no file store and no public URL on purpose: a photo travels with its member through the hub,
the op log, the visibility filter and the export, so exactly those who may see the member see the photo.
Nothing from the upload is kept as it was: Pillow decodes it and we write a fresh 256×256 JPEG without
any metadata, so the GPS position and camera details in a phone photo never reach the board.
"""
from __future__ import annotations

import base64
import io

from PIL import Image, ImageOps, UnidentifiedImageError

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
    except Exception:  # verify() raises whatever the format's parser hits
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
