"""The columns of a cluster's roster (leaders, deputies, members, awards), as data: the words that suggest
each field, tried in this order; and the words of its roles, titles and rows."""
import re

from thidua.io.cells import text_key
from thidua.tables.schema import ORDER, Field, Schema

ROSTER_COLUMNS = Schema((
    Field("votes", r"\bso phieu\b|\bphieu bau\b"),  # 'Số phiếu bầu Cụm trưởng': votes, neither a score nor a role
    Field("result", r"^ket qua( bau( cu)?)?$", "words"),  # an election's 'Kết quả': the role won, or numbers
    Field("score", r"\bdiem\b|\bxep hang\b|\bthu hang\b|\btong\b|\bchi so\b|\bcham\b|\btham dinh\b|\bket qua\b"),
    ORDER,
    Field("note", r"^ghi chu\b"),
    Field("role", r"\bvai tro\b|\bchuc danh\b|\bchuc vu\b|\bvi tri\b|\bnhiem vu\b"),
    Field("elected", r"^nam (duoc )?bau\b"),
    Field("year", r"^(nam|nhiem ky)\b|^(19|20)\d\d$"),
    Field("person", r"^(ho (va )?ten|ten ca nhan)\b"),  # a person's name: the row is an individual's award
    Field("unit", r"^(ten |cac )?(don vi|co quan|tinh|dia phuong|thanh vien|tap the)\b"),
    Field("cluster", r"^(ten )?(cum|khoi)\b"),
    Field("award", r"\bkhen thuong\b|\bdanh hieu\b|\bhinh thuc\b", "words"),
))

# a role as written: 'Cụm phó', 'Phó trưởng Cụm'; 'Cụm trưởng', 'Trưởng Khối'; 'Thành viên'
DEPUTY_WORDS = re.compile(r"\b(cum|khoi)\s*pho\b|\bpho\s*(truong\s*)?(cum|khoi)\b|^pho( truong)?$")
LEADER_WORDS = re.compile(r"\b(cum|khoi)\s*truong\b|\btruong\s*(cum|khoi)\b|^truong$")
MEMBER_WORDS = re.compile(r"^((don vi|co quan) )?(thanh vien|uy vien)$")

# awards proposed, not decided: in the award column's words or the title
PROPOSED_WORDS = re.compile(r"\bde (nghi|xuat)\b")
DECIDED_WORDS = re.compile(r"\bduoc khen\b|\bquyet dinh\b|\bket qua\b|\bda (duoc )?khen\b")
# an award the title names for every unit listed ('DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA BỘ NỘI VỤ NĂM 2022')
AWARD_IN_TITLE = re.compile(r"\b(?:tang|khen thuong|de nghi|duoc)\s+((?:co thi dua|bang khen|giay khen|danh hieu)\b.*?)"
                            r"(?=\s+nam\s+(?:19|20)\d\d\b|\s*[(;:]|$)")
AWARD_MARK = re.compile(r"^(x|v|1|\+|✓|✔|√|co)$")  # a cell under an award's own column saying the unit gets it
PROPOSAL_TITLE = re.compile(r"^danh sach\b.*\bde (nghi|xuat)\b")
ROSTER_TITLE = re.compile(r"\b(cum|khoi) (thi dua|truong|pho)\b|\bthanh vien\b|\btruong (cum|khoi)\b")

# rows: a cluster's section ('I. Cụm thi đua ...'), awards to collectives or persons ('II. CÁ NHÂN'), a person or
# an office of a member ('Phòng ... - Sở Nội vụ'); the notes, totals and signatures ending it are in tables.rows
SECTION = re.compile(r"^(([ivxlc]+|\d+|[a-z])[.)/]?\s+)?(cum|khoi) thi dua\b")
PERSONS_TITLE = re.compile(r"\bca nhan\b")  # 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ ...': unless it names 'tập thể' too
SUBJECT = re.compile(r"^((khen thuong|danh sach|de nghi|doi voi) )*(tap the|ca nhan)$")
PERSON = re.compile(r"^(ong|ba|dong chi|d c|(pho )?(giam doc|chanh|chu tich|thu truong))\b|[,–(-] ?(pho )?(giam doc|truong phong|chanh van phong|chuyen vien"
                    r"|thanh tra vien|can bo)\b")
PART_OF_A_MEMBER = re.compile(r"^(phong|ban|van phong|thanh tra|trung tam|chi cuc|bo phan|to)\b.*\b(so|snv)\b")
# a person written where a unit belongs: 'Ông Nguyễn Văn An', 'Nguyễn Văn An (Giám đốc Sở Tài chính)', 'Giám đốc Sở
# Tài chính', 'Lê Thị Mai': a surname, then the middle name most Vietnamese carry (a district such as 'Hoàng Su Phì' has none)
SURNAMES = frozenset("nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lo luong dinh trinh doan "
                     "dao mai cao ha to trieu vi nong luc hua chu ta lam thai quach tang kieu tong lai hau la".split())
HONORIFIC = re.compile(r"^(ong|ba|dong chi|d/c|dc|d c)\b")
# the post of a unit's head; the unit's own name follows it ('Chánh Văn phòng UBND tỉnh': 'Văn phòng UBND tỉnh')
POST = re.compile(r"^(pho )?(giam doc|chu tich|thu truong|cuc truong|chanh(?= (van phong|thanh tra)\b)"
                  r"|truong(?= ban\b))\b")


def names_a_person(written: str) -> bool:
    """Before any bracket, dash or comma: an honorific or a post, or a person's name (a surname, capitalised words)
    with the middle name 'Văn' or 'Thị' or a post after it ('Trần Minh Tuấn (Giám đốc Sở Tài chính)')."""
    head = re.split(r"\s*[(,–:]|\s+-\s+", written.strip(), maxsplit=1)[0]
    words = text_key(head).split()
    if HONORIFIC.match(" ".join(words)) or POST.match(" ".join(words)):
        return True
    named = 2 <= len(words) <= 5 and words[0] in SURNAMES and all(word[:1].isupper() for word in head.split())
    led = unit_after_post(written.strip()[len(head):])
    return named and (words[1] in ("van", "thi") or led is not None and not HONORIFIC.match(text_key(led)))


def unit_after_post(written: str) -> str | None:
    """'Sở Tài chính' from 'Nguyễn Văn An (Giám đốc Sở Tài chính)' or '... - Giám đốc Sở Tài chính': the words after
    a post, as written; None when no post is written or nothing follows it."""
    words = re.sub(r"[()]", " ", written).split()
    for start in range(len(words)):
        post = POST.match(text_key(" ".join(words[start:])))
        if post:
            return " ".join(words[start + len(post.group(0).split()):]).strip(" :,-–") or None
    return None
