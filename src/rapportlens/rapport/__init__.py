"""From codes and coordination to what a practitioner wants to know: dimensions, the
overall score, the timeline, ruptures and repair, feedback and risk (SPEC sections 4-7)."""
