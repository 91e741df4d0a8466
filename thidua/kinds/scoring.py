"""The columns of a cluster's scoring table (summary or detail), as data: the words that suggest each
field, tried in this order, and what each holds. Award and grade words suggest columns of words; a
column of numbers under them ('Công tác thi đua, khen thưởng (15 điểm)', 'Xếp loại CCHC (10 điểm)')
is a criterion (tables.columns.settle)."""
import re

from thidua.tables.schema import Field, Schema, bare_words, label_words

SCORING_COLUMNS = Schema((
    Field("year", r"^nam( (danh gia|cham diem|thi dua))?$"),
    Field("cluster", r"^(ten )?(cum|khoi)( thi dua)?$"),
    Field("grade", r"\bxep loai\b|\bphan loai\b", "words"),
    Field("ignored", r"\bt[iy] le\b|^\(?%\)?$|\bdon vi tinh\b|^ma (so )?(don vi|dv|co quan|tinh|dinh danh)\b"
                    r"|^so (luong|lan|tieu chi|chi tieu|noi dung|van ban|phieu|ngay)\b"
                    r"|^(diem |muc )?(tang\W*giam|chenh lech|so sanh|bien dong|thay doi)\b"),
    Field("order", r"^(s?tt|so tt|so thu tu|thu tu|ma so|ma tieu chi|ma|muc)$"),
    Field("note", r"\bghi chu\b|\bly do\b|\bdien giai\b"),
    Field("award", r"\bkhen thuong\b|\bdanh hieu\b|\bhinh thuc\b|\bde nghi\b|\bde xuat\b", "words"),
    Field("rank", r"\bxep hang\b|\bthu hang\b|^hang\b|\bxep thu\b|^vi thu\b", "rank"),
    Field("penalty", r"\bdiem (bi )?tru\b|\btru diem\b|^tru\b"),
    Field("bonus", r"\bdiem (duoc )?(thuong|cong|khuyen khich|uu tien)\b|\b(cong|thuong) diem\b|^(thuong|cong them)\b"),
    Field("max", r"\bdiem (chuan|toi da|quy dinh|dinh muc)\b|\bthang diem\b|\bkhung diem\b|\btoi da\b"),
    Field("total", r"\btong\b|^cong$"),
    Field("unit", r"^(ten )?(don vi|co quan|tinh|so noi vu|dia phuong)\b(?! cham\b)(?!.*\b(diem|tu cham|cham diem)\b)"),
    Field("content", r"^(noi dung|tieu chi|ten tieu chi|cac tieu chi|nhom tieu chi|linh vuc|danh muc|chi tieu)\b"),
    Field("score", r"\bdiem\b|\bcham\b|\bket qua\b|\btham dinh\b|\bdat\b"),
))

# whose score a header names, words that name no criterion, and what tells a scoring workbook from an index table
SELF_WORDS = re.compile(r"\btu (cham|danh gia|dem)\b|\bdon vi (tu )?cham\b")
CLUSTER_WORDS = re.compile(r"\bcum\b|\btham dinh\b|\bhoi dong\b|\bket qua\b|\bkiem tra\b")
_GENERIC_WORDS = set(
    "diem cham theo tieu chi ket qua cac noi dung cum tu tham dinh dat duoc thi dua danh gia so nhom chuan toi da "
    "thang khung quy dinh tong cong tru hop chua sau truoc khi tinh va cua don vi lan muc".split())
_SCORER_WORDS = {"cham", "diem", "tham", "dinh", "ket", "qua", "dat"}
THEME_WORDS = {"thi", "dua", "danh", "gia"}  # generic words that, with a maximum of their own, name a criterion
SCORING_WORDS = re.compile(r"thi dua|tu cham|cum cham|tham dinh|khen thuong|diem thuong|diem cong|diem tru")
CRITERIA_WORDS = re.compile(r"tieu chi|diem chuan|diem toi da|thang diem")
PREVIOUS_WORDS = re.compile(r"\b(nam|ky|dot) (truoc|lien truoc|cu)\b")  # 'Xếp hạng năm trước': last year's
INDEX_WORDS = re.compile(r"\bchi so\b|\bpar\b|\bcchc\b|\bsipas\b")
# the title of the criteria as issued, not of a unit's scoring: 'BỘ TIÊU CHÍ CHẤM ĐIỂM', 'HƯỚNG DẪN CHẤM ĐIỂM'
CRITERIA_SET_TITLE = re.compile(r"^(bo )?tieu chi\b|^huong dan\b|^bieu mau\b")


def is_generic(label: str) -> bool:
    """Header words that name no criterion: 'Điểm chấm theo tiêu chí', 'Tự chấm', 'Cộng', 'Năm 2022'."""
    words = bare_words(label)
    return not set(words.split()) - _GENERIC_WORDS


def scores_only(words: str) -> bool:
    """'tự chấm', 'Cụm chấm', 'điểm thẩm định': scoring words after a unit's name ('tư' of 'Đầu tư' is none)."""
    return not words or (is_generic(words) and bool(set(label_words(words).split()) & _SCORER_WORDS))
