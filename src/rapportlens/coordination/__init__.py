"""Coordination measures (SPEC section 4): style matching, lexical entrainment, tempo and
emotional mirroring. Pure functions over words and numbers; the analyzer in
``rapportlens.analyzers.coordination`` applies them to a conversation."""
