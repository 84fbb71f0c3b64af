"""Text recognition of scanned reports (offline: rapidocr's shipped PP-OCRv6 models on onnxruntime).

``scan`` reads image files and the scanned pages of PDFs into a ``LoadedDocument`` of format "ocr";
``images`` and ``render`` turn files into page images within the ``limits``; ``seal`` paints red seals out;
``engine`` runs the models; ``pages`` turns what it reads into ``PageLayout`` lines with confidences.
"""
