"""What an Excel 97-2003 (.xls) file declares about its sheets, read from its records before
calamine opens it: calamine reserves memory for the area a sheet's DIMENSIONS record declares
(gigabytes for a few bytes changed) and for every cell up to the farthest value.

An .xls file is a compound file (a small file system of 512-byte sectors); its "Workbook" stream
is a sequence of BIFF records: the workbook's globals (one BOUNDSHEET record per sheet), then one
substream per sheet, each opened by a BOF record, holding DIMENSIONS and the cell records.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN, FREE = 0xFFFFFFFE, 0xFFFFFFFF
WORKBOOK_STREAMS = ("Workbook", "Book")
BOUNDSHEET, BOF, DIMENSIONS = 0x0085, 0x0809, 0x0200
MULRK = 0x00BD
VALUE_RECORDS = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6}   # NUMBER RK LABELSST LABEL BOOLERR FORMULA RSTRING


class Malformed(Exception):
    """The compound file or its records do not hold together."""


@dataclass
class XlsSheet:
    name: str
    declared_rows: int = 0          # what DIMENSIONS declares: the last row + 1, the last column + 1
    declared_columns: int = 0
    bottom: int = -1                # the last row and column holding a value (0-based)
    right: int = -1
    lowest: tuple[int, int] | None = None       # the value on the last row, the one in the last column
    rightmost: tuple[int, int] | None = None

    def add_value(self, row: int, column: int) -> None:
        if row > self.bottom:
            self.bottom, self.lowest = row, (row, column)
        if column > self.right:
            self.right, self.rightmost = column, (row, column)


def _sectors(data: bytes, size: int) -> int:
    return max(0, (len(data) - size) // size)


def _chain(table: list[int], start: int, limit: int) -> list[int]:
    chain, sector = [], start
    while sector not in (END_OF_CHAIN, FREE):
        if sector >= len(table) or len(chain) > limit:
            raise Malformed("chuỗi sector hỏng")
        chain.append(sector)
        sector = table[sector]
    return chain


def workbook_stream(data: bytes) -> bytes:
    """The Workbook stream of a compound file."""
    if not data.startswith(MAGIC) or len(data) < 512:
        raise Malformed("không phải tệp OLE")
    sector_size, mini_size = 1 << struct.unpack_from("<H", data, 30)[0], 1 << struct.unpack_from("<H", data, 32)[0]
    if sector_size not in (512, 4096) or mini_size != 64:
        raise Malformed("kích thước sector lạ")
    fat_sectors, directory_start = struct.unpack_from("<I", data, 44)[0], struct.unpack_from("<I", data, 48)[0]
    cutoff, mini_fat_start, mini_fat_count, difat_start, difat_count = struct.unpack_from("<IIIII", data, 56)
    total = _sectors(data, sector_size)

    def sector(number: int) -> bytes:
        if number >= total:
            raise Malformed("sector ngoài tệp")
        offset = (number + 1) * sector_size
        return data[offset:offset + sector_size]

    difat = list(struct.unpack_from("<109I", data, 76))
    next_difat = difat_start
    for _ in range(min(difat_count, total)):
        if next_difat in (END_OF_CHAIN, FREE):
            break
        entries = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        difat += entries[:-1]
        next_difat = entries[-1]
    fat = []
    for number in difat[:fat_sectors]:
        fat += struct.unpack(f"<{sector_size // 4}I", sector(number))

    def read(start: int, table: list[int], read_sector, unit: int) -> bytes:
        return b"".join(read_sector(number) for number in _chain(table, start, total * (sector_size // unit)))

    directory = read(directory_start, fat, sector, sector_size)
    entries = {}
    for offset in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, offset + 64)[0]
        name = directory[offset:offset + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
        kind = directory[offset + 66]
        start, size = struct.unpack_from("<IQ", directory, offset + 116)
        entries.setdefault(name, (kind, start, size))
    stream = next((entries[name] for name in WORKBOOK_STREAMS if name in entries), None)
    if stream is None:
        raise Malformed("không có luồng Workbook")
    _, start, size = stream
    if size > len(data) * 2:
        raise Malformed("luồng Workbook khai báo lớn hơn tệp")
    if size >= cutoff:
        return read(start, fat, sector, sector_size)[:size]
    _, root_start, root_size = entries.get("Root Entry", (0, END_OF_CHAIN, 0))
    mini_stream = read(root_start, fat, sector, sector_size)
    mini_fat = list(struct.unpack(f"<{len(raw) // 4}I", raw)) if (raw := read(mini_fat_start, fat, sector, sector_size)) else []

    def mini_sector(number: int) -> bytes:
        return mini_stream[number * mini_size:(number + 1) * mini_size]

    return read(start, mini_fat, mini_sector, mini_size)[:size]


def records(stream: bytes):
    """(record type, payload offset, payload length) of every BIFF record."""
    offset = 0
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield kind, offset + 4, length
        offset += 4 + length


def sheets(data: bytes) -> list[XlsSheet]:
    """Every worksheet's name, declared dimensions and cells holding values. Raises Malformed."""
    stream = workbook_stream(data)
    names: dict[int, str] = {}
    found: list[XlsSheet] = []
    current: XlsSheet | None = None
    try:
        for kind, offset, length in records(stream):
            if kind == BOUNDSHEET:
                names[struct.unpack_from("<I", stream, offset)[0]] = _sheet_name(stream[offset + 6:offset + length])
            elif kind == BOF:
                current = XlsSheet(names.get(offset - 4, f"Sheet{len(found)}"))
                found.append(current)
            elif current is None:
                continue
            elif kind == DIMENSIONS and length >= 14:
                _, current.declared_rows, _, current.declared_columns = struct.unpack_from("<IIHH", stream, offset)
            elif kind in VALUE_RECORDS and length >= 4:
                current.add_value(*struct.unpack_from("<HH", stream, offset))
            elif kind == MULRK and length >= 6:
                row, first = struct.unpack_from("<HH", stream, offset)
                last = struct.unpack_from("<H", stream, offset + length - 2)[0]
                current.add_value(row, first)
                current.add_value(row, last)
    except struct.error as error:
        raise Malformed("bản ghi BIFF bị cắt") from error
    return found[1:]  # the first substream holds the workbook's globals


def _sheet_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    length, wide = raw[0], raw[1] & 1
    text = raw[2:2 + length * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")
