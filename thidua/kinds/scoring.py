"""The columns of a cluster's scoring table (summary or detail), as data: the words that suggest each
field, tried in this order, and what each holds. Award and grade words suggest columns of words; a
column of numbers under them ('Công tác thi đua, khen thưởng (15 điểm)', 'Xếp loại CCHC (10 điểm)')
is a criterion (tables.columns.settle)."""
from thidua.tables.schema import Field, Schema

SCORING_COLUMNS = Schema((
    Field("year", r"^nam( (danh gia|cham diem|thi dua))?$"),
    Field("cluster", r"^(ten )?(cum|khoi)( thi dua)?$"),
    Field("grade", r"\bxep loai\b|\bphan loai\b", "words"),
    Field("ignored", r"\bt[iy] le\b|^\(?%\)?$|\bdon vi tinh\b|^ma (so )?(don vi|dv|co quan|tinh|dinh danh)\b"),
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
