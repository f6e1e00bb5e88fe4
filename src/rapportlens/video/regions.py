"""Where each person sits in the picture. A camera that films a session usually has the two
people side by side (a therapy room filmed from the side, Zoom's side-by-side view), so the
halves, quarters and thirds of the frame are named; any other part is given as fractions of
the frame's width and height."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import OptionError

# (left, top, right, bottom) as fractions of the frame.
NAMED: dict[str, tuple[float, float, float, float]] = {
    "full": (0, 0, 1, 1),
    "left": (0, 0, 0.5, 1),
    "right": (0.5, 0, 1, 1),
    "top": (0, 0, 1, 0.5),
    "bottom": (0, 0.5, 1, 1),
    "top-left": (0, 0, 0.5, 0.5),
    "top-right": (0.5, 0, 1, 0.5),
    "bottom-left": (0, 0.5, 0.5, 1),
    "bottom-right": (0.5, 0.5, 1, 1),
    "left-third": (0, 0, 1 / 3, 1),
    "middle-third": (1 / 3, 0, 2 / 3, 1),
    "right-third": (2 / 3, 0, 1, 1),
}
HOW = ("a region is one of " + ", ".join(NAMED) + ", or LEFT:TOP:RIGHT:BOTTOM as fractions of the frame "
       "(0.1:0:0.45:1 is the part from a tenth to 45 % of the width, full height)")


@dataclass(frozen=True)
class Region:
    left: float
    top: float
    right: float
    bottom: float
    label: str

    def pixels(self, width: int, height: int) -> tuple[slice, slice]:
        """Rows and columns of a frame of this size inside the region."""
        rows = slice(round(self.top * height), max(round(self.bottom * height), round(self.top * height) + 1))
        cols = slice(round(self.left * width), max(round(self.right * width), round(self.left * width) + 1))
        return rows, cols

    def overlaps(self, other: Region) -> bool:
        return (min(self.right, other.right) > max(self.left, other.left)
                and min(self.bottom, other.bottom) > max(self.top, other.top))


def parse(text: str) -> Region:
    """A region by name or as LEFT:TOP:RIGHT:BOTTOM fractions."""
    spec = text.strip().lower()
    if spec in NAMED:
        return Region(*NAMED[spec], spec)
    parts = spec.split(":")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        box = ()
    if len(box) != 4:
        raise OptionError(f"{text!r} is not a region: {HOW}")
    left, top, right, bottom = box
    if not (0 <= left < right <= 1 and 0 <= top < bottom <= 1):
        raise OptionError(f"{text!r} is not a region inside the frame: each fraction is between 0 and 1, "
                          "and left < right, top < bottom")
    return Region(left, top, right, bottom, spec)


def parse_map(text: str) -> dict[str, Region]:
    """``NAME=REGION,NAME=REGION`` (as ``--video-regions`` takes it) as {speaker: region}."""
    out: dict[str, Region] = {}
    for item in (i for i in text.split(",") if i.strip()):
        name, sep, where = item.partition("=")
        if not sep or not name.strip() or not where.strip():
            raise OptionError(f"{item.strip()!r}: write each person as NAME=REGION, e.g. 'Therapist=left,Client=right'")
        if name.strip() in out:
            raise OptionError(f"{name.strip()} is given two regions")
        out[name.strip()] = parse(where)
    if not out:
        raise OptionError("no regions given: write them as NAME=REGION, e.g. 'Therapist=left,Client=right'")
    return out


def check_apart(regions: dict[str, Region]) -> None:
    """Two people's regions must not share pixels: one movement would count for both and
    look like perfect synchrony."""
    names = list(regions)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if regions[a].overlaps(regions[b]):
                raise OptionError(f"the regions of {a} ({regions[a].label}) and {b} ({regions[b].label}) overlap, so "
                                  "a movement in the shared part would count for both and look like synchrony; "
                                  "give regions that do not overlap")
