"""Who is who in an emulation cluster: member and cluster names as people write them, reduced to
one name and one matching key each.

Two kinds of cluster. In a cluster of provinces every member is one province's department, the
Sở Nội vụ unless the members say otherwise: "Sở Nội vụ tỉnh Lạng Sơn", "SNV Lạng Sơn" and
"Lạng Sơn" are one unit, "Sở Nội vụ Lạng Sơn", province Lạng Sơn. In a cluster of agencies the
members are agencies of one province ("Sở Tài chính", "Văn phòng UBND tỉnh") and keep their names,
tidied for spacing, Unicode form and shouting capitals.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from thidua.kinds.roster import POST
from thidua.provinces import Province, registry, strip_diacritics, without_footnote_mark

ClusterKind = Literal["provinces", "agencies"]
HOME_DEPARTMENT = "Sở Nội vụ"

_ABBREVIATIONS = {  # written short -> said in full, in keys (lower case, no diacritics)
    "snv": "so noi vu", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "dbqh": "doan dai bieu quoc hoi", "vp": "van phong", "tp": "thanh pho", "ldtbxh": "lao dong thuong binh va xa hoi",
}
_HOME_DEPARTMENT_KEY = re.compile(r"^(so noi vu|so nv|snv)\b")
_HOME_DEPARTMENT_NAMED = re.compile(r"\b(so noi vu|snv)\b")
_PROVINCES_NAMED = re.compile(r"\bcac tinh\b|\btinh thanh\b")
_AGENCIES_NAMED = re.compile(r"\bco quan\b|\bban nganh\b|\bso (ban|nganh)\b"
                             r"|\b(cac so|khoi) (kinh te|van hoa|xa hoi|noi chinh|tong hop)\b")
_CLUSTER_START = re.compile(r"\b(cum|khoi)\s+(thi\s+dua\b|so\s+noi\s+vu\b|snv\b|cac\b|so\s+\d)")
_CLUSTER_END = re.compile(r"\s*[-–(,:]*\s*\b(nam\s+20\d\d|(6|sau)\s+thang|giai\s+doan|kem\s+theo|tong\s+ket"
                          r"|so\s+ket|ve\s+viec|lan\s+thu)\b|\s*\(|\s*[-–_]*\s*\b20\d\d\b")
_PROVINCIAL_ORGANISER = re.compile(r"^(ubnd|uy ban nhan dan)\s+(tinh|thanh pho)\s+")
_PROPER_WORDS = ("Sở Nội vụ", "Bộ Nội vụ", "UBND", "HĐND", "ĐBQH", "Ủy ban nhân dân", "Uỷ ban nhân dân",
                 "Hội đồng nhân dân", "Quốc hội", "Chính phủ", "Đông Nam Bộ", "Bắc Bộ", "Trung Bộ", "Nam Bộ",
                 "Tây Nguyên", "Tây Bắc", "Đông Bắc", "Tây Nam Bộ", "phía Bắc", "phía Nam", "miền Trung",
                 "miền Bắc", "miền Nam", "Trung du", "Đồng bằng sông Hồng", "Đồng bằng sông Cửu Long",
                 "Duyên hải")
_DEPARTMENTS = ("Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng",  # of a province
                "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", "Sở Giao thông vận tải",
                "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ",
                "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo",
                "Sở Y tế", "Sở Ngoại vụ", "Sở Du lịch", "Sở Dân tộc và Tôn giáo", "Ban Dân tộc")
_DEPARTMENT_OF_PROVINCES = re.compile(  # 'Cụm thi đua Sở Tài chính các tỉnh ...': what each province sends
    r"^(cum|khoi) (thi dua )?(?!thi dua)((so|snv|ban)\b.*?),? (cac tinh|tinh thanh)\b")
_NUMBERED = re.compile(r"^(cum|khoi) thi dua so (\d+|[ivxlc]+)$")  # 'Cụm thi đua số 3': each province has one
_CLOSING_NOTE = re.compile(r"\s*\([^()]*\)$")  # 'Sở Nội vụ tỉnh Lạng Sơn (Giám đốc: ông Nguyễn Văn An)'
_ROLE_SUFFIX = re.compile(  # 'Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)', '... - Cụm phó': the unit's role this year
    r"\s*[-–,:]?\s*\(?\s*((cum|khoi) (truong|pho)|(pho )?(truong|pho) (cum|khoi))\b[^()]*\)?\s*$")


@dataclass(frozen=True)
class Unit:
    name: str               # as shown: "Sở Nội vụ Lạng Sơn", "Sở Tài chính"
    key: str                # for matching spellings: no case, diacritics, punctuation or abbreviations
    province: str | None    # the registry's official name (the 63's), for members of a cluster of provinces


@lru_cache(maxsize=1 << 14, typed=True)  # names and titles are tidied again by every check
def clean_text(text: object) -> str:
    """Unicode NFC, single spaces, no stray punctuation at either end."""
    tidy = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text or ""))).strip()
    return tidy.strip(" .,;:-–").strip()


@cache
def _proper_names() -> tuple[str, ...]:
    names = [p.name for p in registry().provinces] + list(_PROPER_WORDS) + list(_DEPARTMENTS)
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1 << 12)  # a pure function of a name, asked for again by every check
def display_case(text: str) -> str:
    """A name written in capitals ("CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC") as
    Vietnamese writes it in running text; names already in mixed case are left alone."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    lowered = text.lower()
    shown = lowered[:1].upper() + lowered[1:]
    for proper in _proper_names():
        shown = re.sub(rf"(?<!\w){re.escape(proper.lower())}(?!\w)", proper, shown, flags=re.IGNORECASE)
    return shown


def unit_key(name: object) -> str:
    """'Văn phòng UBND tỉnh' and 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH' give the same key."""
    words = re.sub(r"[^a-z0-9]+", " ", strip_diacritics(clean_text(name)).lower().replace("&", " va ")).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def cluster_key(name: object) -> str:
    """'Cụm thi đua Sở Nội vụ các tỉnh, thành Bắc Bộ' and 'CUM THI DUA SNV CAC TINH THANH BAC BO'
    give the same key; 'Cụm Sở Nội vụ ...' is read as 'Cụm thi đua Sở Nội vụ ...'."""
    return re.sub(r"^(cum|khoi)(?! thi dua)", r"\1 thi dua", unit_key(name))


def cluster_slug(name: object) -> str:
    """The cluster_id stored for a cluster: its key words joined by '-', the same for every
    spelling ('cum-thi-dua-so-noi-vu-cac-tinh-thanh-bac-bo')."""
    return "-".join(cluster_key(name).split())


@lru_cache(maxsize=1 << 12)  # a pure function of a name, asked for again by every check
def split_province(name: str) -> tuple[str, Province | None]:
    """('SNV', Lạng Sơn) from 'SNV Lạng Sơn': the longest tail of the name that is a province,
    and the words before it."""
    words = clean_text(name).split(" ")
    for start in range(len(words)):
        if _opens_a_bracket(" ".join(words[:start])):
            continue  # 'Nguyễn Văn An (Giám đốc Sở Nội vụ tỉnh Bắc Giang)': a province in a note on the name
        province = registry().resolve(" ".join(words[start:]))
        if province is not None:
            return " ".join(words[:start]), province
    return clean_text(name), None


def _opens_a_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


def folded(text: str) -> str:
    """Lower case, no diacritics, one character for each character of the NFC text (so a match in
    the folded text marks the same span of the text)."""
    text = unicodedata.normalize("NFC", text)
    without = strip_diacritics(text).lower()
    return without if len(without) == len(text) else text.lower()


def cluster_named_in(text: str) -> str | None:
    """The cluster a line of words names, as running text: 'BẢNG ĐIỂM CỤM THI ĐUA SNV CÁC TỈNH,
    THÀNH BẮC BỘ NĂM 2022' -> 'Cụm thi đua SNV các tỉnh, thành Bắc Bộ'; None when it names none."""
    text = unicodedata.normalize("NFC", text.replace("_", " "))
    words = folded(text)
    start = _CLUSTER_START.search(words)
    if start is None or re.match(r"^\(?\s*(kem theo|can cu)", words):
        return None
    tail = words[start.start():]
    end = _CLUSTER_END.search(tail, len(start.group(0)))
    name = display_case(clean_text(text[start.start():start.start() + (end.start() if end else len(tail))]))
    name = re.sub(r"^(cụm|khối)(\s+thi\s+đua)?\s+", lambda m: f"{m.group(1).capitalize()} thi đua ", name,
                  flags=re.IGNORECASE)
    return name if len(folded(name).split()) > 3 else None


def with_organiser(name: str, lines: Iterable[str]) -> str:
    """'Cụm thi đua các cơ quan tham mưu tổng hợp' or 'Cụm thi đua số 3' under the line 'UBND TỈNH
    LẠNG SƠN' becomes '... tỉnh Lạng Sơn': every province has a cluster of that name."""
    key = cluster_key(name)
    if split_province(name)[1] is not None or not (_AGENCIES_NAMED.search(key) or _NUMBERED.match(key)):
        return name
    for line in lines:
        organiser = _PROVINCIAL_ORGANISER.match(folded(line))
        province = registry().resolve(line[organiser.end():]) if organiser else None
        if province is not None:
            return f"{name} tỉnh {province.name}"
    return name


def _department(prefix: str) -> str:
    """The department a member's prefix names: 'SNV', 'Sở NV' -> 'Sở Nội vụ'; '' -> the Sở Nội vụ."""
    if not prefix or _HOME_DEPARTMENT_KEY.match(unit_key(prefix)):
        return HOME_DEPARTMENT
    return display_case(prefix)


def _department_named(cluster_name: str) -> str | None:
    """The department a cluster of provinces names: 'Cụm thi đua Sở Tài chính các tỉnh ...' -> 'Sở Tài chính'."""
    text = clean_text(cluster_name)
    named = _DEPARTMENT_OF_PROVINCES.match(folded(text))
    return _department(text[named.start(3):named.end(3)]) if named else None


_AGENCY_HEAD = re.compile(  # the first words of an agency's name, in keys
    r"^(so|van phong|ban|thanh tra|cong an|bo chi huy|cuc|chi cuc|kho bac|ngan hang|dai|bao|truong|uy ban|hoi"
    r"|lien doan|lien minh|tinh doan|doan|vien (kiem sat|nghien cuu)|hoc vien|bao hiem|trung tam|mat tran|toa an"
    r"|benh vien|cong ty|tong cong ty|phong|quy|kiem toan)\b")
_UNFINISHED = re.compile(r"\b(va|cua|cac)$|^so\b.* (tinh|thanh pho)$")  # wrapped onto the next line
# 'và' joins provinces only: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh' is one agency
_LIST_SEPARATORS = (r"\s*(?:\n|;)\s*", r"\s*,\s*", r"\s+và\s+")
_BULLET = re.compile(r"^([-+•*]|\d{1,2}[.)]|[a-zđ]\))\s*")


def names_an_agency(written: object) -> bool:
    """'Sở Tài chính', 'Văn phòng UBND tỉnh': a name starting as an agency's does."""
    return bool(_AGENCY_HEAD.match(unit_key(written)))


def _is_unit_name(name: str, province_only: bool = False) -> bool:
    """A province, a department before a province, or (unless province_only) an agency's name."""
    prefix, province = split_province(name)
    return (province is not None and (not prefix or names_an_agency(prefix))
            or not province_only and names_an_agency(name))


def _names_a_unit(piece: str, province_only: bool = False) -> bool:
    key = unit_key(member_name(piece))
    return bool(key) and not _UNFINISHED.search(key) and _is_unit_name(member_name(piece), province_only)


def _units_in(text: str, separators: tuple[str, ...]) -> list[str] | None:
    """The pieces text lists, split at the first separator whose every piece names a unit (itself
    perhaps a list), the bare provinces not mixed with departments lacking one; None when it names none."""
    if not separators:
        return [text] if _names_a_unit(text) else None
    pieces = [_BULLET.sub("", clean_text(piece)) for piece in re.split(separators[0], text)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) > 1:
        split = [_units_in(piece, separators[1:]) for piece in pieces]
        bare = [split_province(member_name(piece)) for piece in pieces]
        mixed = any(province and not prefix for prefix, province in bare) and any(not p for _, p in bare)
        provinces = len(separators) > 1 or all(_names_a_unit(piece, province_only=True) for piece in pieces)
        if all(split) and not mixed and provinces:
            return [unit for units in split for unit in units]
    return _units_in(text, separators[1:])


def split_units(written: object) -> list[str]:
    """The units a cell lists: 'Lai Châu, Lạng Sơn; Cao Bằng', one per line, '- Sở Tài chính' bullets;
    a name with commas of its own ('Sở Văn hóa, Thể thao và Du lịch') or wrapped onto a second line
    stays whole. A cell that is no such list gives itself."""
    text = unicodedata.normalize("NFC", str(written or "")).strip()
    if not clean_text(text):
        return []
    return [clean_text(unit) for unit in _units_in(text, _LIST_SEPARATORS) or [text]]


def role_written_after(written: object) -> str:
    """'(Cụm trưởng)' from 'Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)'; '' when no role follows the name."""
    text = clean_text(written)
    role = _ROLE_SUFFIX.search(folded(text))
    return text[role.start():] if role and role.start() else ""


def member_name(written: object) -> str:
    """A member's name as shown, without the role written after it ('(Cụm trưởng)', '- Cụm phó') nor a note in
    brackets after it ('(Giám đốc: ông Nguyễn Văn An)', '(1)')."""
    text = clean_text(written)
    return display_case(_without_post(_without_note(clean_text(text[:len(text) - len(role_written_after(text))]))))


def _without_post(name: str) -> str:
    """'Sở Tài chính' from 'Giám đốc Sở Tài chính', 'Văn phòng UBND tỉnh' from 'Chánh Văn phòng UBND tỉnh': the post
    heading an agency stands for the agency; else the name whole."""
    post = POST.match(folded(name))
    rest = name[post.end():].strip() if post else ""
    return rest if rest and names_an_agency(rest) else name


def _without_note(name: str) -> str:
    """The name before a footnote mark or a closing bracket, when that much names a unit; else the name whole."""
    bare = without_footnote_mark(name)
    note = _CLOSING_NOTE.search(bare)
    before = clean_text(bare[:note.start()]) if note else bare
    return before if before and _is_unit_name(before) else name


@dataclass(frozen=True)
class Membership:
    """How a cluster names its members."""
    kind: ClusterKind
    department: str = HOME_DEPARTMENT   # what each province sends, in a cluster of provinces

    def unit(self, written: object, year: int | None = None) -> Unit:
        """The unit a member's name stands for, named as it was called that year ('Sở Nội vụ Huế' from
        2025, the registry's province otherwise). In a cluster of provinces a name without a province
        keeps its own name and has province None: the caller says so."""
        name = member_name(written)
        if self.kind == "provinces":
            _, province = split_province(name)
            if province is not None:
                name = f"{self.department} {province.name_in(year)}"
                return Unit(name, unit_key(name), province.name)
        return Unit(name, unit_key(name), None)


def membership(cluster_name: str | None, member_names: list[str]) -> Membership:
    """Decide the kind of a cluster from its name, else from its members: members that are
    distinct provinces (with or without a department before them) make a cluster of provinces. A
    member named again (another year, another role) counts once."""
    named = cluster_key(cluster_name or "")
    distinct = {unit_key(name): name for name in map(member_name, member_names) if clean_text(name)}
    members = [split_province(name) for name in distinct.values()]
    prefixes = Counter(_department(prefix) for prefix, province in members if province is not None and prefix)
    department = (prefixes.most_common(1)[0][0] if prefixes
                  else _department_named(cluster_name or "") or HOME_DEPARTMENT)
    if _HOME_DEPARTMENT_NAMED.search(named):
        return Membership("provinces")
    if _PROVINCES_NAMED.search(named):
        return Membership("provinces", department)
    if _AGENCIES_NAMED.search(named) or split_province(cluster_name or "")[1] is not None:
        return Membership("agencies")
    provinces = [province.code for _, province in members if province is not None]
    if members and 5 * len(provinces) >= 4 * len(members) and len(set(provinces)) == len(provinces):
        return Membership("provinces", department)
    return Membership("agencies")
