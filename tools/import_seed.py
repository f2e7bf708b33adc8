"""Turn a seed policy text (PDF/HTML extraction) into a clean body for knowledge/policies/.

Only extraction noise is repaired: doubled-character runs from bold PDF text,
sentences broken across lines, markdown furniture. The wording is untouched.

usage: python tools/import_seed.py SEED_FILE > body.txt
"""
import re
import sys

# A line that starts a new paragraph in these texts: a chapter, an article, an item.
STARTS = re.compile(
    r"^(第[一二三四五六七八九十百]+[章条]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|附件|说明|"
    r"[一二三四]是|特此通知|公开方式|抄送|细则)"
)
ENDS = "。；：:！？!?"


def dedup_bold(text: str) -> str:
    """Bold PDF text is extracted four times over: 「（（（（一一一一））））」, 「认定认定认定认定」."""
    text = re.sub(r"(.)\1{3}", r"\1", text)
    return re.sub(r"(.{2,40}?)\1{3}", r"\1", text)


def join_lines(lines: list[str]) -> list[str]:
    paras: list[str] = []
    for raw in lines:
        line = raw.strip().lstrip("#").strip()
        if not line or line == "---":
            continue
        heading = paras and (raw.lstrip().startswith("#") or (STARTS.match(paras[-1]) and len(paras[-1]) <= 20))
        if paras and paras[-1][-1] not in ENDS and not STARTS.match(line) and not heading:
            prev = paras[-1]
            sep = " " if (prev[-1].isascii() and prev[-1].isalnum() and line[0].isascii() and line[0].isalnum()) else ""
            paras[-1] = prev + sep + line
        else:
            paras.append(line)
    return paras


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    if len(sys.argv) > 2 and sys.argv[2] == "--dedup":
        text = dedup_bold(text.replace("\n", "\x00")).replace("\x00", "\n")
    print("\n\n".join(join_lines(text.splitlines())))
