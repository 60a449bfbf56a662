"""sigmint.hmac_sha256 and hmac_sha256_verify: bytes-like input, empty keys, tag lengths."""

from __future__ import annotations

import array
import hashlib
import hmac

import pytest

import sigmint

KEY = b"key"
MSG = b"The quick brown fox jumps over the lazy dog"
TAG = bytes.fromhex("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview, lambda b: memoryview(bytearray(b))])
def test_bytes_like_arguments(wrap) -> None:
    tag = sigmint.hmac_sha256(wrap(KEY), wrap(MSG))
    assert type(tag) is bytes and tag == TAG
    assert sigmint.hmac_sha256_verify(wrap(KEY), wrap(MSG), wrap(TAG)) is True


def test_other_buffers_and_slices() -> None:
    words = array.array("I", [1, 2, 3])
    assert sigmint.hmac_sha256(KEY, words) == hmac.new(KEY, words.tobytes(), hashlib.sha256).digest()
    view = memoryview(b"xx" + MSG + b"yy")[2:-2]
    assert sigmint.hmac_sha256(KEY, view) == TAG


def test_empty_key() -> None:
    for key in (b"", bytearray(), memoryview(b"")):
        with pytest.raises(sigmint.EmptyKeyError):
            sigmint.hmac_sha256(key, MSG)
        with pytest.raises(sigmint.EmptyKeyError):
            sigmint.hmac_sha256_verify(key, MSG, TAG)


def test_empty_message_and_long_key() -> None:
    long_key = bytes(range(256)) * 3
    for key in (KEY, long_key):
        assert sigmint.hmac_sha256(key, b"") == hmac.new(key, b"", hashlib.sha256).digest()


def test_large_message_released_path() -> None:
    msg = bytes(range(256)) * 1024  # above the size at which the interpreter is released
    tag = hmac.new(KEY, msg, hashlib.sha256).digest()
    assert sigmint.hmac_sha256(KEY, msg) == tag
    assert sigmint.hmac_sha256_verify(KEY, msg, tag) is True
    assert sigmint.hmac_sha256_verify(KEY, msg + b"!", tag) is False


@pytest.mark.parametrize("length", [0, 1, 16, 31, 33, 64])
def test_wrong_length_tag_is_false(length: int) -> None:
    tag = (TAG * 2)[:length]
    assert sigmint.hmac_sha256_verify(KEY, MSG, tag) is False


def test_wrong_tag_is_false() -> None:
    for i in range(32):
        bad = bytearray(TAG)
        bad[i] ^= 0x01
        assert sigmint.hmac_sha256_verify(KEY, MSG, bytes(bad)) is False
    assert sigmint.hmac_sha256_verify(KEY + b"x", MSG, TAG) is False


@pytest.mark.parametrize("bad", ["key", 3, None, [1, 2]], ids=["str", "int", "None", "list"])
def test_non_bytes_arguments(bad: object) -> None:
    name = type(bad).__name__
    with pytest.raises(TypeError, match=f"key must be a bytes-like object .*, not {name}"):
        sigmint.hmac_sha256(bad, MSG)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"msg must be a bytes-like object .*, not {name}"):
        sigmint.hmac_sha256(KEY, bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"tag must be a bytes-like object .*, not {name}"):
        sigmint.hmac_sha256_verify(KEY, MSG, bad)  # type: ignore[arg-type]


def test_keyword_arguments() -> None:
    assert sigmint.hmac_sha256(key=KEY, msg=MSG) == TAG
    assert sigmint.hmac_sha256_verify(key=KEY, msg=MSG, tag=TAG)
