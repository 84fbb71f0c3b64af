"""Report pages as a scanner or a phone gives them, made on the fly for the text recognition tests and benchmark.

A report is typeset with reportlab in a Chinese TrueType font (as the office software of the units does),
rasterized with PDFium at the scan resolution, and degraded the way scans are: stamped with a red seal over
the signature and over a line of text (red ink multiplied over the page, so the text under it shows through),
tilted by up to 2°, slightly blurred, speckled, and saved as JPEG at quality 60. The source lines are kept to
compare the recognized text with.
"""
from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.analysis.fixture_files import WQY_FONT, WQY_FONT_PATH

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = 80.0
TOP_MARGIN = 90.0
BOTTOM_MARGIN = 80.0
BODY_SIZE = 15.0
TITLE_SIZE = 20.0
LINE_GAP = 1.65
CHARS_PER_LINE = 28
SEAL_DIAMETER_CM = 4.2
SEAL_RED = (215, 35, 40)

UNITS = ("明湖县司法局", "青山镇人民政府", "云溪县市场监督管理局", "南平市生态环境局", "安宁县人民政府")
HEADINGS = ("一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、下一年度工作安排")
SENTENCES = (
    "全年共办理行政复议案件{n1}件，其中维持{n2}件，纠正{n3}件。",
    "组织开展法治宣传活动{n1}场次，发放宣传资料{n2}份，受众群众{n3}人次。",
    "全年投入法治建设经费{m1}万元，较上年增长{p1}%。",
    "行政应诉案件{n1}件，行政机关负责人出庭应诉率达到{p1}%。",
    "清理规范性文件{n1}件，废止{n2}件，修改{n3}件。",
    "开展执法检查{n1}次，办理行政处罚案件{n2}件，罚没款{m1}万元。",
    "组织领导干部集体学法{n1}次，参训干部{n2}人次，考试合格率{p1}%。",
    "调处矛盾纠纷{n1}起，调解成功{n2}起，成功率{p1}%。",
    "办理政府信息公开申请{n1}件，按期答复率{p1}%。",
    "审查重大行政决策{n1}项，合法性审查合同{n2}份，提出意见建议{n3}条。",
    "聘请法律顾问{n1}名，参与重大事项论证{n2}次。",
    "建成村（社区）法律服务工作室{n1}个，覆盖率{p1}%。",
)
PLAIN_SENTENCES = (
    "坚持以习近平法治思想为指导，深入贯彻落实党中央关于法治政府建设的决策部署。",
    "严格落实重大行政决策程序规定，推进严格规范公正文明执法。",
    "依法行政意识和能力还有待进一步提高，基层执法力量相对薄弱。",
    "认真落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。",
    "持续深化放管服改革，优化法治化营商环境，不断提升政务服务水平。",
)


@dataclass
class ScanReport:
    """A generated report: its source lines (as typeset) and its scanned pages (JPEG bytes)."""

    lines: list[str]
    paragraphs: list[str]  # the title, the body paragraphs, the signing unit and the date, unwrapped
    title: str
    headings: list[str]
    unit: str
    sign_date: str
    pages: list[bytes] = field(default_factory=list)
    dpi: int = 200

    @property
    def text(self) -> str:
        """The source text, one paragraph per line."""
        return "\n".join(self.paragraphs)


def report_lines(rng: random.Random, pages: int) -> tuple[str, list[str], str, str]:
    """Title, body paragraphs (headings and sentences with figures), signing unit and date for ``pages`` pages."""
    unit = rng.choice(UNITS)
    year = rng.choice((2022, 2023, 2024))
    title = f"{unit}{year}年法治政府建设年度报告"
    paragraphs: list[str] = []
    lines_wanted = pages * 24 - 10
    heading_index = 0
    while sum(math.ceil(len(p) / CHARS_PER_LINE) for p in paragraphs) < lines_wanted:  # about: lines of figures are longer
        if heading_index < len(HEADINGS) and (not paragraphs or rng.random() < 0.2):
            paragraphs.append(HEADINGS[heading_index])
            heading_index += 1
            continue
        sentences = [_sentence(rng) for _ in range(rng.randint(2, 4))]
        paragraphs.append("".join(sentences))
    while heading_index < len(HEADINGS):
        paragraphs.append(HEADINGS[heading_index])
        paragraphs.append(_sentence(rng))
        heading_index += 1
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    return title, paragraphs, unit, f"{year + 1}年{month}月{day}日"


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(PLAIN_SENTENCES)
    big = rng.randint(20, 5000)
    values = {
        "n1": f"{big:,}" if big >= 1000 and rng.random() < 0.5 else str(big),
        "n2": str(rng.randint(2, 900)),
        "n3": str(rng.randint(1, 99)),
        "m1": f"{rng.randint(1, 999)}.{rng.randint(1, 9)}",
        "p1": f"{rng.randint(50, 99)}.{rng.randint(1, 9)}",
    }
    return rng.choice(SENTENCES).format(**values)


def make_scan_report(seed: int, pages: int = 1, dpi: int = 200, harsh: bool = False, severe: bool = False) -> ScanReport:
    """A report of ``pages`` A4 pages scanned at ``dpi``, degraded; the same ``seed`` gives the same report.
    ``harsh``: a poor scan (blur up to 1.4 px, JPEG quality 35, four times the speckle). ``severe``: a bad
    one, to make misread figures common (blur up to 1.9 px, JPEG quality 25, six times the speckle, a seal
    over every seventh line of text)."""
    rng = random.Random(seed)
    title, paragraphs, unit, sign_date = report_lines(rng, pages)
    pdf, lines, seal_spots = _typeset(title, paragraphs, unit, sign_date, seal_every=7 if severe else 0)
    report = ScanReport(lines=lines, paragraphs=[title, *paragraphs, unit, sign_date], title=title, headings=[p for p in paragraphs if p in HEADINGS], unit=unit,
                        sign_date=sign_date, dpi=dpi)
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
        for page_index, x, y in seal_spots:
            if page_index == index:
                image = stamp_seal(image, (x * dpi / 72, y * dpi / 72), dpi, rng)
        quality = 25 if severe else 35 if harsh else 60
        report.pages.append(degrade(image, rng, dpi, quality=quality, harsh=harsh, severe=severe))
    document.close()
    return report


def _typeset(title: str, paragraphs: list[str], unit: str, sign_date: str, seal_every: int = 0
             ) -> tuple[bytes, list[str], list]:
    """The report as a PDF, its lines as typeset, and where seals go: (page, x, y from the top) in points:
    over the sixth line of text (and every ``seal_every``-th after it) and over the signature."""
    _register_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    lines: list[str] = []
    seals: list[tuple[int, float, float]] = []
    page = 0
    y = TOP_MARGIN

    def new_page() -> None:
        nonlocal page, y
        pdf.showPage()
        page += 1
        y = TOP_MARGIN

    pdf.setFont(WQY_FONT, TITLE_SIZE)
    pdf.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - y, title)
    lines.append(title)
    y += TITLE_SIZE * 2.2
    body_lines = 0
    for paragraph in paragraphs:
        indent = 2 * BODY_SIZE if paragraph not in HEADINGS else 0.0
        first = True
        for line in _wrapped(paragraph, PAGE_WIDTH - 2 * LEFT_MARGIN, indent):
            if y > PAGE_HEIGHT - BOTTOM_MARGIN:
                new_page()
            indent = indent if first else 0.0
            pdf.setFont(WQY_FONT, BODY_SIZE)
            pdf.drawString(LEFT_MARGIN + indent, PAGE_HEIGHT - y, line)
            lines.append(line)
            body_lines += 1
            if body_lines == 6 or (seal_every and body_lines > 6 and (body_lines - 6) % seal_every == 0):
                # a seal over a line of text, as when the stamp slips onto the body
                seals.append((page, LEFT_MARGIN + 14 * BODY_SIZE, y - BODY_SIZE * 0.35))
            y += BODY_SIZE * LINE_GAP
            first = False
    if y > PAGE_HEIGHT - BOTTOM_MARGIN - 5 * BODY_SIZE:
        new_page()
    y += BODY_SIZE * 2
    right = PAGE_WIDTH - LEFT_MARGIN
    for line in (unit, sign_date):
        pdf.setFont(WQY_FONT, BODY_SIZE)
        pdf.drawRightString(right, PAGE_HEIGHT - y, line)
        lines.append(line)
        y += BODY_SIZE * LINE_GAP
    seals.append((page, right - 3.5 * BODY_SIZE, y - 2.2 * BODY_SIZE))
    pdf.save()
    return buffer.getvalue(), lines, seals


def _wrapped(paragraph: str, width: float, indent: float) -> list[str]:
    """The paragraph broken into lines as a word processor breaks them: as many characters as fit the width
    (the first line indented), a closing punctuation mark never starting a line."""
    lines: list[str] = []
    line = ""
    room = width - indent
    for char in paragraph:
        if line and pdfmetrics.stringWidth(line + char, WQY_FONT, BODY_SIZE) > room and char not in "，。、；：%）":
            lines.append(line)
            line, room = "", width
        line += char
    if line:
        lines.append(line)
    return lines


def _register_font() -> None:
    if WQY_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(WQY_FONT, str(WQY_FONT_PATH), subfontIndex=0))


def stamp_seal(image: Image.Image, center: tuple[float, float], dpi: int, rng: random.Random) -> Image.Image:
    """A red round seal (ring, star, the unit's name around the ring) multiplied over ``image`` at ``center``."""
    radius = SEAL_DIAMETER_CM / 2 / 2.54 * dpi
    size = int(radius * 2 + 8)
    layer = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(layer)
    middle = size / 2
    ring = max(3, int(radius * 0.07))
    draw.ellipse([middle - radius, middle - radius, middle + radius, middle + radius], outline=SEAL_RED, width=ring)
    draw.regular_polygon((middle, middle, radius * 0.3), 5, rotation=rng.uniform(-5, 5), fill=SEAL_RED)
    font = ImageFont.truetype(str(WQY_FONT_PATH), int(radius * 0.22))
    name = "明湖县人民政府办公室专用章"
    for index, char in enumerate(name):
        angle = math.radians(210 - index * 240 / (len(name) - 1))
        x = middle + math.cos(angle) * radius * 0.72
        y = middle - math.sin(angle) * radius * 0.72
        draw.text((x, y), char, fill=SEAL_RED, font=font, anchor="mm")
    layer = layer.rotate(rng.uniform(-20, 20), fillcolor="white")
    left, top = int(center[0] - size / 2), int(center[1] - size / 2)
    region = image.crop((left, top, left + size, top + size))
    ink = np.asarray(layer, dtype=np.float32) / 255
    strength = rng.uniform(0.75, 0.95)
    blended = np.asarray(region, dtype=np.float32) * (1 - strength + strength * ink)
    image.paste(Image.fromarray(blended.clip(0, 255).astype(np.uint8)), (left, top))
    return image


def degrade(image: Image.Image, rng: random.Random, dpi: int, quality: int = 60, harsh: bool = False,
            severe: bool = False) -> bytes:
    """Tilted by up to 2°, slightly blurred, speckled, JPEG at ``quality``: the page as a scanner saves it."""
    tilted = image.rotate(rng.uniform(-2, 2), resample=Image.BICUBIC, expand=True, fillcolor="white")
    blur = rng.uniform(1.4, 1.9) if severe else rng.uniform(1.0, 1.4) if harsh else rng.uniform(0.4, 0.8)
    blurred = tilted.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(blurred).copy()
    noise = np.random.default_rng(rng.randrange(2**32))
    height, width = pixels.shape[:2]
    specks = int(height * width * (0.0024 if severe else 0.0016 if harsh else 0.0004))
    ys, xs = noise.integers(0, height, specks), noise.integers(0, width, specks)
    pixels[ys, xs] = noise.integers(0, 90, (specks, 1))
    grain = noise.normal(0, 6, pixels.shape[:2])[..., None]
    pixels = (pixels.astype(np.float32) + grain).clip(0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buffer.getvalue()


def save_as_tiff(pages: list[bytes], path: Path) -> Path:
    """The pages as one multi-page TIFF, as a scanner's "one file" setting writes it."""
    images = [Image.open(io.BytesIO(page)).convert("RGB") for page in pages]
    images[0].save(path, save_all=True, append_images=images[1:], compression="jpeg")
    return path


def save_as_pdf(pages: list[bytes], path: Path, dpi: int = 200) -> Path:
    """The pages as a PDF of images with no text layer, as a scanner's PDF setting writes it."""
    images = [Image.open(io.BytesIO(page)).convert("RGB") for page in pages]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return path


def save_large_tiff(first_page: bytes, path: Path, megabytes: int) -> Path:
    """A multi-page TIFF of at most ``megabytes`` MB (less by under a page), as a scanner saving uncompressed
    colour pages writes it: ``first_page`` (a scan, decoded), then blank pages of its size.
    The blank pages have nothing to recognize, so a test reads a file this large in seconds."""
    first = Image.open(io.BytesIO(first_page)).convert("RGB")
    blank = Image.new("RGB", first.size, "white")
    count = max(1, megabytes * 1024 * 1024 // (first.width * first.height * 3 + 1024))
    dpi = first.info.get("dpi", (200, 200))
    first.save(path, save_all=True, append_images=[blank] * (count - 1), compression="raw", dpi=dpi)
    return path
