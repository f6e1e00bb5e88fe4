"""Password hashes: scrypt from the standard library (OpenSSL), with a random salt per
password and the cost stored beside it, so a later, stronger cost still reads old hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# RFC 7914's interactive-login cost: about 50 ms and 16 MB per check on this project's
# 2-core test machine.
N, R, P = 2**14, 8, 1
_DUMMY = None


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``; with no stored hash (no such account) the
    same work is done and the answer is False."""
    global _DUMMY
    if stored is None:
        _DUMMY = _DUMMY or hash_password(secrets.token_urlsafe(16))
        verify_password(password, _DUMMY)
        return False
    kind, n, r, p, salt, key = stored.split("$")
    if kind != "scrypt":
        return False
    got = hashlib.scrypt(password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(_unb64(key)))
    return hmac.compare_digest(got, _unb64(key))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)
