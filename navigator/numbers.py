"""Amounts of money written in a question: Arabic or Chinese numerals, 万/亿, decimals, ranges, qualifiers.

Chinese numerals are read by ``cn2an`` (十万零五百 → 100500, 一十二万三千 → 123000, 一万二 → 12000,
1万5千 → 15000). Nothing is flipped or truncated: a negative, absurd or unreadable amount is returned with
a flag, and a bare small number without a unit is flagged rather than guessed. Which words count as money,
currency, magnitudes and qualifiers is data in ``knowledge/lexicon.yaml`` (``money``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Flag = Literal["negative", "absurd", "unreadable", "range", "no_unit", "approximate", "at_least", "below"]

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－～＋", "0123456789.-~+")
_CAPITALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿")
CAPITAL_RUN = re.compile(r"[零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]*[壹贰貳叁參肆伍陆陸柒捌玖][零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]*"
                         r"|[拾佰仟]+(?=[万萬亿億元])")
FEN = Decimal("0.01")
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}[-－]?\d{7,8}|1[3-9]\d{9})(?![\d万亿千元块])")
MAX_DIGITS = 30  # a run of more digits than this is not an amount anyone writes


class MoneyWords(BaseModel):
    """The ``money`` part of the lexicon."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    magnitudes: dict[str, int]
    currency: list[str]
    not_money_after: list[str]
    not_money_before: list[str]
    not_units: list[str] = Field(default=[], description="Words that open with a unit's character but are no unit.")
    numeral_word_ends: list[str] = Field(default=[], description="After 万一 / 千两: the characters that make the last "
                                                                 "numeral start a word (一共, 两年), not a unit down.")
    qualifiers: dict[Literal["at_least", "below", "approximate"], list[str]]
    range_joiners: list[str]
    absurd_above_cny: Decimal
    bare_yuan_floor_cny: Decimal = Field(description="A bare number below this, with no 元 or 万, may be meant in 万元.")


class RawAmount(BaseModel):
    """An amount found in text, before it is tied to a field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value_cny: Decimal | None = Field(description="Yuan; None when unreadable or a range.")
    low_cny: Decimal | None = None
    high_cny: Decimal | None = None
    start: int
    end: int
    text: str = Field(description="The characters the amount was read from, e.g. 100万元.")
    flag: Flag | None = None
    currency: bool = Field(description="A currency word or magnitude was written (元, 万, 亿...).")


def normalise(text: str) -> str:
    """Full-width digits and signs as ASCII, and the capital numerals of money (伍拾万, 捌万元) as the common ones, one
    character for one (positions stay the same). 拾 / 佰 / 仟 turn only in a run with a capital digit (收拾 stays)."""
    text = CAPITAL_RUN.sub(lambda m: m.group(0).translate(_CAPITALS), text.translate(_FULLWIDTH))
    return text


def _number_pattern(words: MoneyWords) -> re.Pattern[str]:
    mags = sorted(words.magnitudes, key=len, reverse=True)
    ascii_mag = "".join(m for m in mags if len(m) == 1 and m.isascii())
    cur = "|".join(map(re.escape, sorted(words.currency, key=len, reverse=True)))
    # A numeral run: Arabic digits (with separators, decimals, an exponent) mixed with Chinese numerals and
    # magnitudes (1万5千, 3千万, 1.5亿), or Chinese numerals alone (十万零五百, 一十二万三千).
    arabic = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?"  # 1,000,000 groups by three
    cn = f"[{CN_DIGITS}{CN_UNITS}点]"
    # Digits then Chinese numerals (1万5千, 3千万), a space allowed only before a magnitude (20 万元). A digit
    # after 万 belongs to the number unless a word starts with it (10万一共, 万一; 2万八能补 is 28000).
    mag_cn = "[万亿千百]"
    ends = "".join(map(re.escape, words.numeral_word_ends)) or "\u4e00-\u9fff"
    tail = rf"(?:[{CN_DIGITS}十](?![{ends}])|{mag_cn}(?:[{CN_DIGITS}十]{mag_cn})*)"
    run = rf"(?:{arabic}(?:[ \t]?{mag_cn}(?:[{CN_DIGITS}十]+{mag_cn})*{tail}?|\d|\.)*|{cn}+)"
    return re.compile(
        rf"(?P<sign>[-−+]|负)?(?P<num>{run})(?P<mag>[{ascii_mag}](?![A-Za-z]))?\s*(?P<cur>{cur})?"
    )


def parse_numeral(num: str, magnitudes: dict[str, int]) -> Decimal | None:
    """The value of a numeral run (no sign, no currency); None when it is not a number."""
    num = re.sub(r"[,\s]", "", num)
    if re.fullmatch(r"\d+(?:\.\d+)?", num):
        return Decimal(num)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(百万|千万|万|亿|千)", num)
    if m:  # 1.5亿, 3千万: exact in Decimal, no float on the way
        return Decimal(m.group(1)) * magnitudes[m.group(2)]
    if re.search(r"[eE]", num):
        return None
    import cn2an

    try:
        value = cn2an.cn2an(num, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        m = re.fullmatch(r"(.+点.+?)(百万|千万|万|亿)", num)  # 一点五万, 十二点五万: cn2an reads the decimal alone
        head = parse_numeral(m.group(1), magnitudes) if m else None
        return head * magnitudes[m.group(2)] if head is not None else None
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None


def _range_partner(t: str, start: int, end: int, words: MoneyWords) -> bool:
    """Whether the number at start..end is one end of a range written with a joiner (20-30万, 20到30万)."""
    joiners = "|".join(map(re.escape, words.range_joiners))
    after = re.match(rf"\s*(?:{joiners})\s*[\d{CN_DIGITS}十]", t[end:end + 6])
    before = re.search(rf"[\d{CN_DIGITS}十万亿元]\s*(?:{joiners})\s*[-−]?$", t[max(0, start - 6):start])
    return bool(after or before)


def _has_cn_magnitude(num: str) -> bool:
    return any(u in num for u in "万亿")


BARE_AFTER_CUE_DIGITS = 5  # a bare number this long before 的税 / 的服务费 is money


def scan(text: str, words: MoneyWords, cue_before: list[tuple[int, int]] | None = None) -> list[RawAmount]:
    """Every amount of money in ``text``.

    ``cue_before`` lists (start, end) spans of words that announce money (纳税, 服务费...): a bare number
    right after one is money even without a unit (flagged ``no_unit`` when it is too small to be yuan).
    """
    t = normalise(text)
    pattern = _number_pattern(words)
    cues = cue_before or []
    out: list[RawAmount] = []
    for m in pattern.finditer(t):
        num, sign, mag, cur = m.group("num"), m.group("sign"), m.group("mag"), m.group("cur")
        start, end = m.start(), m.end()
        if not cur and not mag and re.search(r"[万亿千][一二两三四五六七八九]$", num) \
                and t[end:end + 1] in words.numeral_word_ends:
            num, end = num[:-1], end - 1  # 十万一共: the 一 starts a word (十六万二能补: 162000)
        if not re.search(r"\d", num) and not re.search(f"[{CN_DIGITS}十百千]", num):
            continue  # magnitudes alone (万, 亿) are words, not numbers
        word = t[end - 1:end + 1] if num.endswith("点") else t[end:end + 2]  # the character after the numeral
        if re.fullmatch(f"[{CN_DIGITS}]点?", num) and re.match(f"[点些下](?![\\d{CN_DIGITS}])", word):
            continue  # 差一点到500万, 一些, 一下: a little, no number
        before = t[max(0, start - 4):start]
        after = t[end:end + 3]
        ordinal = any(before.endswith(w) for w in words.not_money_before) and not sign
        is_arabic = bool(re.match(r"\d", num))
        nxt_char = t[end:end + 1]
        if nxt_char and nxt_char in "多余" and t[end + 1:end + 2] in ("万", "亿") and not cur and not mag \
                and (low := parse_numeral(num, words.magnitudes)) is not None and low > 0:
            # 八百多万 / 1000多万: from the number up to one more of its last unit (800万 to 900万), a range
            unit = words.magnitudes[t[end + 1]]
            step = _last_unit(num)
            out.append(RawAmount(value_cny=None, low_cny=low * unit, high_cny=(low + step) * unit - FEN, start=start,
                                 end=end + 2, text=text[start:end + 2].strip(), flag="range", currency=True))
            continue
        if not is_arabic and nxt_char and nxt_char in "多几来余" and t[end + 1:end + 2] in ("万", "亿", "千", "元", "块"):
            out.append(RawAmount(value_cny=None, start=start, end=end + 2, text=text[start:end + 2].strip(),
                                 flag="unreadable", currency=True))  # 二十几万: not a figure
            continue
        vague = bool(start and t[start - 1] in "几数") or (bool(nxt_char) and nxt_char in "多几来余" and not cur)
        has_unit = bool(cur or mag or _has_cn_magnitude(num) or re.search(r"(百万|千万|千)$", num))
        follows = next((w for w in sorted(words.not_money_after, key=len, reverse=True) if after.startswith(w)), None)
        if follows and not cur and not any(after.startswith(w) for w in words.not_units):
            continue  # 2020年, 10人, 50%, 3个工作日 (not 10万 次年20万)
        prev = t[start - 1] if start else ""
        bracketed = bool(prev) and prev in "(（" and has_unit and not re.search(r"[\d万元]\s*$", t[max(0, start - 3):start - 1])
        if ordinal or re.search(r"[:：]\d", t[end:end + 3]) or (prev and prev in "〔[(（第" and not cur and not bracketed):
            continue
        if sign == "-" and start and re.match(r"[\d十百千万亿]", prev or ""):
            sign = None  # 20-30万: a range, joined below
        lo = max(0, start - 12)
        phones = [m for m in PHONE.finditer(t[lo:end + 12]) if m.start() + lo <= start and end <= m.end() + lo]
        if re.fullmatch(r"[\d,]+", num) and phones and not (cur or mag):
            continue  # phone numbers such as 0458-3878126, 020-83133375, 13265372518
        # A cue announces the number right after it, not one past another number (合同50万 2020: 2020 is a year).
        cued = any(e <= start and start - e <= 6 and not re.search(r"\d|[一二两三四五六七八九十百千][万亿元块]", t[e:start])
                   for _, e in cues)  # 合同额一百二十万 2020: the cue announced the 一百二十万
        joined = _range_partner(t, start, end, words)
        # 交了八百万的税: the word for the money right after the number (的 between at most) announces it as well.
        after_cue = any(0 <= s0 - end <= 1 and t[end:s0] in ("", "的") for s0, _ in cues)
        # (交了一串八位数字的税: a bare number of yuan too long to be a year or a count, the word for the money after it)
        long_bare = is_arabic and len(re.sub(r"\D", "", num.split(".")[0])) >= BARE_AFTER_CUE_DIGITS
        cued = cued or joined or (after_cue and (not is_arabic or long_bare))
        if not is_arabic:
            # Chinese numerals inside words (一下, 统一, 千万不要) are money only with a unit and a cue or 元.
            if not cur and not (_has_cn_magnitude(num) and cued) and not joined:
                continue
        elif not has_unit:
            if re.search(r"[A-Za-z/][ \t]?$", t[max(0, start - 2):start]):
                continue  # ISO27001, GB/T 22080: a standard's number
            if not cued:
                continue  # a bare number with no unit and no word for money is not money
            digits = len(re.sub(r"\D", "", num.split(".")[0]))
            if re.fullmatch(r"(19|20)\d\d", num) and (not cued or re.match(r"[\u4e00-\u9fff]", t[end:end + 1])):
                continue  # a year (省里2020服务券: a bare year before a word, whatever list it stands in)
            if digits < 4 and not cued:
                continue  # a bare small number is not money
            if len(re.sub(r"\D", "", num)) >= 7 and num.startswith(("0", "1")) and not cued:
                continue  # a phone number
        if sign is None and m.group("sign"):
            start += len(m.group("sign"))
        raw_text = text[start:end].strip()
        if len(re.sub(r"\D", "", num)) > MAX_DIGITS or re.search(r"[eE]", num):
            out.append(RawAmount(value_cny=None, start=start, end=end, text=raw_text, flag="unreadable",
                                 currency=has_unit))
            continue
        value = parse_numeral(num, words.magnitudes)
        if cur in ("块", "块钱") and not mag and not _has_cn_magnitude(num) and value is not None and value < 100:
            continue  # 这一块, 一块儿: a word, not one yuan
        if vague:  # 几十万, 二十多万: not a figure anyone can compute with
            out.append(RawAmount(value_cny=None, start=start, end=end, text=text[max(0, start - 1):end + 1].strip(),
                                 flag="unreadable", currency=has_unit))
            continue
        if value is None:
            out.append(RawAmount(value_cny=None, start=start, end=end, text=raw_text, flag="unreadable",
                                 currency=has_unit))
            continue
        if mag:
            value *= words.magnitudes[mag]
        value = value.quantize(FEN, rounding=ROUND_HALF_UP) if value.adjusted() < MAX_DIGITS else value
        flag: Flag | None = None
        if sign in ("-", "−", "负"):
            flag = "negative"
        elif value > words.absurd_above_cny:
            flag = "absurd"
        elif is_arabic and not has_unit and value < words.bare_yuan_floor_cny:
            flag = "no_unit"  # 纳税800, 纳税15000: yuan or 万元? asked, never guessed
        out.append(RawAmount(value_cny=value, start=start, end=end, text=raw_text, flag=flag, currency=has_unit))
    return _ranges_and_qualifiers(t, out, words)


def _ranges_and_qualifiers(t: str, amounts: list[RawAmount], words: MoneyWords) -> list[RawAmount]:
    """Join "20-30万" / "20万到30万" into one range; mark 以上 / 不到 / 左右 on the amounts they qualify."""
    out: list[RawAmount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        if nxt is not None and a.flag in (None, "no_unit") and nxt.flag in (None, "no_unit"):
            between = t[a.end:nxt.start].strip()
            if between in words.range_joiners or (between == "" and t[a.end - 1:a.end] in "-~"):
                low, high = a.value_cny, nxt.value_cny
                if low is not None and high is not None and not a.currency and nxt.currency:
                    # 20-30万: the unit of the second applies to the first
                    unit = _unit_of(nxt.text, words)
                    low = low * unit
                out.append(RawAmount(value_cny=None, low_cny=low, high_cny=high, start=a.start, end=nxt.end,
                                     text=t[a.start:nxt.end], flag="range", currency=True))
                i += 2
                continue
        out.append(a)
        i += 1
    final = []
    for a in out:
        if a.flag is None:
            before, after = t[max(0, a.start - 3):a.start], t[a.end:a.end + 3]
            for kind in ("below", "approximate", "at_least"):
                ws = words.qualifiers[kind]
                hit = any(after.startswith(w) for w in ws) or any(
                    before.endswith(w) and not (kind == "at_least" and before.endswith("不" + w)) for w in ws)
                if hit:
                    a = a.model_copy(update={"flag": kind})
                    break
        final.append(a)
    return final


def _last_unit(num: str) -> Decimal:
    """The unit of a number's last digit that is not nought: 八百 → 100, 1000 → 1000, 二十 → 10, 一千二百 → 100."""
    if re.fullmatch(r"\d+", num):
        stripped = num.rstrip("0")
        return Decimal(10) ** (len(num) - len(stripped))
    units = {"十": 10, "百": 100, "千": 1000}
    last = next((c for c in reversed(num) if c in units or c in CN_DIGITS[2:]), "")
    return Decimal(units.get(last, 1))


def _unit_of(text: str, words: MoneyWords) -> Decimal:
    for mag in sorted(words.magnitudes, key=len, reverse=True):
        if mag in text:
            return Decimal(words.magnitudes[mag])
    return Decimal(1)
