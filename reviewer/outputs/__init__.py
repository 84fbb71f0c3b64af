"""What the officer hands on, as Office files: the review tables as an Excel workbook (.xlsx), the
审阅意见单 and the 汇总表 as Word documents (.docx), and the report returned with its review comments as
Word comments (批注版).

Sits above the workspace and the summary (it reuses the summary's collected data) and below the window
and the command line.
"""
