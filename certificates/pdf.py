"""The certificate as an A4 landscape PDF, drawn with ReportLab.

Everything printed comes from the certificate's frozen fields; the template only lends its
logo and signature images. The QR code holds the absolute, language-independent verification
URL, and the code is printed under it for people who type it.
"""

import io
import logging
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from . import defaults
from .models import Certificate

logger = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
BRAND = colors.HexColor("#1d4f7c")
MUTED = colors.HexColor("#555555")
QR_SIZE = 34 * mm


def _fonts() -> tuple[str, str]:
    """Register and return (regular, bold) TrueType fonts, embedded in the PDF."""
    registered = pdfmetrics.getRegisteredFontNames()
    if "LiaisonSans" not in registered:
        regular, bold = Path(defaults.CERTIFICATE_FONT), Path(defaults.CERTIFICATE_FONT_BOLD)
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("LiaisonSans", str(regular)))
            pdfmetrics.registerFont(TTFont("LiaisonSans-Bold", str(bold)))
        else:
            # ReportLab ships Bitstream Vera: Western European letters only.
            pdfmetrics.registerFont(TTFont("LiaisonSans", "Vera.ttf"))
            pdfmetrics.registerFont(TTFont("LiaisonSans-Bold", "VeraBd.ttf"))
    return "LiaisonSans", "LiaisonSans-Bold"


def _date(value) -> str:
    return date_format(timezone.localtime(value).date(), "DATE_FORMAT")


def _image(image) -> ImageReader | None:
    """A Wagtail image's original file for drawing, or None (logged) when it cannot be read."""
    if image is None:
        return None
    try:
        with image.file.open("rb") as file:
            return ImageReader(io.BytesIO(file.read()))
    except (OSError, ValueError):
        logger.warning("Image %s could not be drawn on a certificate", image.pk, exc_info=True)
        return None


def _draw_image(canvas: Canvas, image: ImageReader, x: float, y: float, w: float, h: float):
    canvas.drawImage(
        image, x, y, width=w, height=h, preserveAspectRatio=True, anchor="sw", mask="auto"
    )


def _draw_qr(canvas: Canvas, url: str, x: float, y: float) -> None:
    widget = QrCodeWidget(url, barLevel="M", barWidth=QR_SIZE, barHeight=QR_SIZE, barBorder=2)
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def certificate_pdf_bytes(certificate: Certificate) -> bytes:
    """The certificate's PDF, in the certificate's language."""
    regular, bold = _fonts()
    template = certificate.template
    buffer = io.BytesIO()
    with translation.override(certificate.language):
        canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
        canvas.setTitle(f"{certificate.title} – {certificate.course_title}")
        canvas.setAuthor(settings.WAGTAIL_SITE_NAME)
        canvas.setSubject(_("Certificate %(code)s") % {"code": certificate.code_display})
        canvas.setCreator(settings.WAGTAIL_SITE_NAME)

        # Frame: a thick brand-coloured border with a thin inner line.
        canvas.setStrokeColor(BRAND)
        canvas.setLineWidth(4)
        canvas.rect(10 * mm, 10 * mm, PAGE_WIDTH - 20 * mm, PAGE_HEIGHT - 20 * mm)
        canvas.setLineWidth(0.75)
        canvas.rect(13 * mm, 13 * mm, PAGE_WIDTH - 26 * mm, PAGE_HEIGHT - 26 * mm)

        logo = _image(template.logo if template else None)
        if logo:
            _draw_image(canvas, logo, 22 * mm, PAGE_HEIGHT - 48 * mm, 55 * mm, 28 * mm)
        canvas.setFont(bold, 12)
        canvas.setFillColor(BRAND)
        canvas.drawRightString(
            PAGE_WIDTH - 22 * mm, PAGE_HEIGHT - 26 * mm, settings.WAGTAIL_SITE_NAME
        )

        canvas.setFont(bold, 30)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 68 * mm, certificate.title)

        body_style = ParagraphStyle(
            "body",
            fontName=regular,
            fontSize=15,
            leading=22,
            alignment=TA_CENTER,
            textColor=colors.black,
        )
        body = "<br/>".join(escape(line) for line in certificate.body.splitlines())
        frame = Frame(
            40 * mm, 82 * mm, PAGE_WIDTH - 80 * mm, PAGE_HEIGHT - 160 * mm, showBoundary=0
        )
        frame.addFromList([Paragraph(body, body_style)], canvas)

        # Signature block, bottom left.
        signature = _image(template.signature_image if template else None)
        if signature:
            _draw_image(canvas, signature, 25 * mm, 50 * mm, 60 * mm, 22 * mm)
        canvas.setStrokeColor(MUTED)
        canvas.line(25 * mm, 48 * mm, 100 * mm, 48 * mm)
        canvas.setFillColor(colors.black)
        canvas.setFont(bold, 12)
        canvas.drawString(25 * mm, 42 * mm, certificate.signatory_name)
        canvas.setFont(regular, 10)
        canvas.drawString(25 * mm, 37 * mm, certificate.signatory_title)

        # Dates and hours, bottom centre; then how to check the certificate.
        canvas.setFont(regular, 10)
        expiry = (
            _("Valid until %(date)s") % {"date": _date(certificate.expires_at)}
            if certificate.expires_at
            else _("Does not expire")
        )
        lines = [
            _("Issued on %(date)s") % {"date": _date(certificate.issued_at)},
            expiry,
            _("Training hours: %(hours)s") % {"hours": floatformat(certificate.hours, -1)},
        ]
        for number, line in enumerate(lines):
            canvas.drawCentredString(PAGE_WIDTH / 2, (46 - 5 * number) * mm, line)
        canvas.setFont(regular, 8)
        canvas.setFillColor(MUTED)
        verify_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "certificates_public:verify_form"
        )
        canvas.drawCentredString(
            PAGE_WIDTH / 2,
            17.5 * mm,
            _(
                "This PDF is a copy. Scan the QR code or enter the code at %(url)s: the "
                "verification page, not this document, shows whether the certificate is valid."
            )
            % {"url": verify_url},
        )

        # QR code and the code in print, bottom right.
        qr_x = PAGE_WIDTH - 22 * mm - QR_SIZE
        _draw_qr(canvas, certificate.get_verification_url(), qr_x, 36 * mm)
        canvas.setFillColor(colors.black)
        canvas.setFont(regular, 7)
        canvas.drawCentredString(qr_x + QR_SIZE / 2, 32 * mm, _("Verification code"))
        canvas.setFont("Courier-Bold", 8)
        canvas.drawCentredString(qr_x + QR_SIZE / 2, 28 * mm, certificate.code_display[:19])
        canvas.drawCentredString(qr_x + QR_SIZE / 2, 24.5 * mm, certificate.code_display[20:])

        canvas.showPage()
        canvas.save()
    return buffer.getvalue()
