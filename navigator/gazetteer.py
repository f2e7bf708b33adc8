"""Places: full names and short forms of provinces, cities and districts (``knowledge/gazetteer.yaml``)."""

from __future__ import annotations

import functools
import re

import yaml

from calculators.eligibility import Place
from navigator.corpus import KNOWLEDGE


class Gazetteer:
    """Look-ups from any spelling of a place to its full name and level."""

    def __init__(self, data: dict):
        self.provinces: dict[str, list[str]] = data.get("provinces") or {}
        self.cities: dict[str, dict] = data.get("cities") or {}
        self.districts: dict[str, dict] = data.get("districts") or {}
        self.groups: dict[str, list[str]] = data.get("groups") or {}
        # Names that start with a place's short form but are no place (白云山, 白云机场): read whole, then dropped.
        self.landmarks: set[str] = set(data.get("landmarks") or [])
        self._names: dict[str, tuple[str, str]] = {}
        for name, aliases in self.provinces.items():
            self._add("province", name, [a for a in aliases or [] if len(a) > 1])
        for name, info in self.cities.items():
            self._add("city", name, info.get("aliases") or [])
        for name, info in self.districts.items():
            self._add("district", name, info.get("aliases") or [])
        # Longest names first, so 白云区 wins over 白云 and 广州市 over 广州.
        names = [*self._names, *self.landmarks]
        self._pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))

    def _add(self, level: str, name: str, aliases: list[str]) -> None:
        for n in [name, *aliases]:
            # A city of the same name as a province (北京市) stays a city look-up as well.
            if n not in self._names or level == "city":
                self._names[n] = (level, name)

    def lookup(self, text: str | None) -> tuple[str, str] | None:
        """(level, full name) for a place name or short form, else None."""
        if not text:
            return None
        return self._names.get(text.strip())

    def place(self, province: str | None = None, city: str | None = None, district: str | None = None) -> Place:
        """Normalise a registered place; fill the city from the district and the province from the city."""
        p = self._full("province", province)
        c = self._full("city", city)
        d = self._full("district", district)
        if d and not c:
            c = self.districts.get(d, {}).get("city")
        if c and not p:
            p = self.cities.get(c, {}).get("province")
        return Place(province=p, city=c, district=d)

    def _full(self, level: str, name: str | None) -> str | None:
        if not name:
            return None
        hit = self.lookup(name)
        if hit and hit[0] == level:
            return hit[1]
        if level == "province" and hit and hit[1] in self.provinces:
            return hit[1]
        if level == "city" and hit and hit[0] == "province" and hit[1] in self.cities:
            return hit[1]
        return name.strip()

    def mentions(self, text: str) -> list[tuple[str, str]]:
        """Places named in free text, as (level, full name), in order of appearance."""
        return [self._names[m.group(0)] for m in self._pattern.finditer(text or "") if m.group(0) in self._names]

    def spans(self, text: str) -> list[tuple[int, int, str, str, str]]:
        """Places named in free text: (start, end, as written, level, full name), in order of appearance."""
        return [(m.start(), m.end(), m.group(0), *self._names[m.group(0)]) for m in self._pattern.finditer(text or "")
                if m.group(0) in self._names]

    def city_of(self, name: str) -> str | None:
        """The full city name for a city or district name or short form."""
        hit = self.lookup(name)
        if not hit:
            return None
        if hit[0] == "district":
            return self.districts[hit[1]].get("city")
        return hit[1] if hit[0] == "city" else None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The project's gazetteer (loaded once)."""
    return Gazetteer(yaml.safe_load((KNOWLEDGE / "gazetteer.yaml").read_text(encoding="utf-8")))
