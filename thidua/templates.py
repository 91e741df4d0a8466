"""Blank templates, one per kind of file, with Vietnamese headers and one example row: a table
filled in on one of them reads without any correction (tests/test_templates.py checks each with
its reader)."""
from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

EXAMPLE_CLUSTER = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
EXAMPLE_YEAR = 2024


@dataclass(frozen=True)
class TemplateSheet:
    name: str
    titles: list[str]            # lines above the table: who, what, which year
    header: list[str]
    example: list[object]


@dataclass(frozen=True)
class Template:
    label: str
    file_name: str
    hint: str                    # what to fill in, shown beside the download button
    sheets: list[TemplateSheet]


TEMPLATES: dict[str, Template] = {
    "par": Template(
        "Bảng Chỉ số CCHC (PAR Index)", "mau_chi_so_cchc.xlsx",
        "Một dòng cho mỗi tỉnh, thành phố; chỉ số theo phần trăm (91,50), xếp hạng 1 là cao nhất; "
        "sửa năm trong tiêu đề.",
        [TemplateSheet("Chi so CCHC", ["BỘ NỘI VỤ", f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM {EXAMPLE_YEAR}"],
                       ["TT", "Tỉnh, thành phố", "Chỉ số CCHC (%)", "Xếp hạng", "Chỉ số SIPAS (%)"],
                       [1, "Hải Phòng", 91.5, 1, 88.25])]),
    "scoring_summary": Template(
        "Bảng tổng hợp chấm điểm thi đua", "mau_tong_hop_cham_diem.xlsx",
        "Một dòng cho mỗi đơn vị; mỗi nhóm tiêu chí một cột (ghi điểm tối đa trong tiêu đề cột); "
        "ghi tên cụm và năm ở hai dòng đầu.",
        [TemplateSheet("Tong hop", [EXAMPLE_CLUSTER.upper(),
                                    f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {EXAMPLE_YEAR}"],
                       ["STT", "Đơn vị", "Tiêu chí 1 (30 điểm)", "Tiêu chí 2 (40 điểm)", "Tiêu chí 3 (30 điểm)",
                        "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng", "Ghi chú"],
                       [1, "Sở Nội vụ tỉnh Lạng Sơn", 29.5, 38, 30, 5, 0, 102.5, 1, "Cờ thi đua của Bộ Nội vụ",
                        None])]),
    "scoring_detail": Template(
        "Bảng chấm điểm chi tiết (một đơn vị)", "mau_cham_diem_chi_tiet.xlsx",
        "Một dòng cho mỗi tiêu chí (I, II là nhóm; 1, 1.1 là tiêu chí con); mỗi đơn vị một trang; ghi tên cụm, "
        "năm và đơn vị ở các dòng đầu.",
        [TemplateSheet("Lang Son", [EXAMPLE_CLUSTER.upper(), f"BẢNG CHẤM ĐIỂM THI ĐUA NĂM {EXAMPLE_YEAR}",
                                    "Đơn vị: Sở Nội vụ tỉnh Lạng Sơn"],
                       ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm Cụm chấm", "Ghi chú"],
                       ["1", "Tham mưu sắp xếp tổ chức bộ máy", 20, 19, 18, None])]),
    "roster": Template(
        "Danh sách Cụm (Cụm trưởng, Cụm phó, thành viên, khen thưởng)", "mau_danh_sach_cum.xlsx",
        "Mỗi trang một bảng: lãnh đạo Cụm theo năm, đơn vị thành viên, khen thưởng; ghi đầy đủ tên cụm.",
        [TemplateSheet("Lanh dao Cum", ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA"],
                       ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"],
                       [1, EXAMPLE_CLUSTER, EXAMPLE_YEAR, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lai Châu"]),
         TemplateSheet("Thanh vien", ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN CÁC CỤM THI ĐUA"],
                       ["STT", "Cụm thi đua", "Năm", "Đơn vị"],
                       [1, EXAMPLE_CLUSTER, EXAMPLE_YEAR, "Sở Nội vụ tỉnh Cao Bằng"]),
         TemplateSheet("Khen thuong", ["DANH SÁCH KHEN THƯỞNG CÁC CỤM THI ĐUA"],
                       ["STT", "Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"],
                       [1, EXAMPLE_CLUSTER, EXAMPLE_YEAR, "Sở Nội vụ tỉnh Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"])]),
}


def template_xlsx(key: str) -> bytes:
    """The template as an .xlsx: titles, a bold header row, the example row."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in TEMPLATES[key].sheets:
        sheet = workbook.create_sheet(spec.name)
        for title in spec.titles:
            sheet.append([title])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append([])
        sheet.append(spec.header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.append(spec.example)
        for number, label in enumerate(spec.header, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = max(8, min(len(label) + 4, 40))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
