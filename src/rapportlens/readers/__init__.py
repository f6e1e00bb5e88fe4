"""Transcript readers. Each turns one file (or folder) into one or more Conversations."""

from .base import Option, Reader

__all__ = ["Option", "Reader"]
