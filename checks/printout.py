"""A page printed to PDF, read back: the text of each sheet and the size of the paper.

Chromium prints (Playwright's page.pdf uses the print stylesheet, as a reader's Print command does);
PDFium, Chromium's own PDF library (the pypdfium2 package), reads the text back. It reads the whole
guide's sixty sheets in a fraction of a second, where a pure-Python reader took three to ten, and it
gives Chinese characters as printed, not the look-alike radicals (⻚ for 页) that reader returned.
"""

import pypdfium2

# PDFium marks a hyphen that ends a printed line (a long address broken at its "-") with U+FFFE.
LINE_END_HYPHEN = "\ufffe"


class Printout:
    """`sheets`: each sheet's text, in order; `size`: the first sheet's (width, height) in points."""

    def __init__(self, pdf: bytes):
        document = pypdfium2.PdfDocument(pdf)
        try:
            self.sheets = [sheet.get_textpage().get_text_range().replace(LINE_END_HYPHEN, "-") for sheet in document]
            self.size = tuple(document[0].get_size())
        finally:
            document.close()
