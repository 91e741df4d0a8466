"""The columns of a cluster's roster (leaders, deputies, members, awards), as data: the words that suggest
each field, tried in this order; and the words of its roles, titles and rows."""
import re

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
# an office of a member ('Phòng ... - Sở Nội vụ'), and the notes, totals and signatures ending the table
SECTION = re.compile(r"^(([ivxlc]+|\d+|[a-z])[.)/]?\s+)?(cum|khoi) thi dua\b")
PERSONS_TITLE = re.compile(r"\bca nhan\b")  # 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ ...': unless it names 'tập thể' too
SUBJECT = re.compile(r"^((khen thuong|danh sach|de nghi|doi voi) )*(tap the|ca nhan)$")
PERSON = re.compile(r"^(ong|ba|dong chi|d c|(pho )?(giam doc|chanh|chu tich|thu truong))\b|[,–(-] ?(pho )?(giam doc|truong phong|chanh van phong|chuyen vien"
                    r"|thanh tra vien|can bo)\b")
PART_OF_A_MEMBER = re.compile(r"^(phong|ban|van phong|thanh tra|trung tam|chi cuc|bo phan|to)\b.*\b(so|snv)\b")
END_OF_TABLE = re.compile(r"^(nguoi lap|nguoi tong hop|tm\b|t/m\b|kt\b|xac nhan|noi nhan|ghi chu|luu y|chu thich"
                          r"|\(?\*|tong (cong|so)\b|cong( \d+ don vi)?$)|\bngay \d+ thang \d+ nam\b")
