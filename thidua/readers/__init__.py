"""Workbook readers: find the table in a sheet, understand its headers, parse Vietnamese numbers.

Readers never touch the database: they return frames and problems, or raise Refused.
"""
