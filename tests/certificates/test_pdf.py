"""The PDF: A4 landscape, the template's text, the code in print, and a QR code that leads to
a verification page which works logged out (decoded from the rendered page image)."""

import io
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from certificates import defaults, services
from certificates.models import Certificate
from tests.factories.courses import complete_course

A4_LANDSCAPE = (842, 595)  # 297 × 210 mm in points


def pdf_page(data: bytes):
    document = pypdfium2.PdfDocument(data)
    assert len(document) == 1
    return document[0]


def pdf_text(data: bytes) -> str:
    """The page's text with line breaks as spaces (where lines wrap depends on the name)."""
    return " ".join(pdf_page(data).get_textpage().get_text_bounded().split())


def qr_payloads(data: bytes) -> list[str]:
    image = pdf_page(data).render(scale=2).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def png_image(title: str, colour: str) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 120), colour).save(buffer, "PNG")
    image = Image(title=title, file=ImageFile(buffer, name=f"{title}.png"))
    image.save()
    return image


def test_the_pdf_is_one_a4_landscape_page(certificate):
    page = pdf_page(certificate.pdf.read())

    width, height = page.get_size()
    assert (round(width), round(height)) == A4_LANDSCAPE


def test_the_pdf_prints_the_template_text_signatory_dates_and_code(certificate, trainee):
    text = pdf_text(certificate.pdf.read())

    assert "Certificate of completion" in text
    assert f"This certifies that {trainee.full_name}" in text
    assert "Forced return procedures" in text
    assert "Ann Peeters" in text and "Head of training" in text
    assert "Valid until" in text
    grouped = certificate.code_display
    assert grouped[:19] in text and grouped[20:] in text


def test_the_qr_code_leads_to_a_verification_page_that_works_logged_out(certificate, client):
    payloads = qr_payloads(certificate.pdf.read())

    assert payloads == [f"http://testserver/certificates/verify/{certificate.code}/"]
    response = client.get(urlsplit(payloads[0]).path, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert all("login" not in url for url, _status in response.redirect_chain)
    content = response.content.decode()
    assert "Valid certificate" in content
    assert certificate.holder_name in content
    assert "Forced return procedures" in content


def test_the_qr_code_uses_the_configured_base_url(settings, certificate):
    settings.WAGTAILADMIN_BASE_URL = "https://liaison.example.org/"

    services.certificate_pdf_render(certificate=certificate)

    assert qr_payloads(certificate.pdf.read()) == [
        f"https://liaison.example.org/certificates/verify/{certificate.code}/"
    ]


def test_logo_and_signature_images_are_drawn(
    media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    template.logo = png_image("logo", "navy")
    template.signature_image = png_image("signature", "black")
    template.save()
    complete_course(trainee, lessons, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()

    page = pdf_page(certificate.pdf.read())

    images = [obj for obj in page.get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 2


def test_a_missing_pdf_is_drawn_again(certificate, media):
    (media / certificate.pdf.name).unlink()

    services.certificate_pdf_ensure(certificate=certificate)

    certificate.refresh_from_db()
    assert (media / certificate.pdf.name).read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(
    not Path(defaults.CERTIFICATE_FONT).is_file(),
    reason="needs DejaVu Sans (Debian: fonts-dejavu-core); ReportLab's Vera lacks some letters",
)
def test_names_outside_latin_1_are_printed(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        body="This certifies that Łukasz Żółć and Ştefan Ğüneş completed the course."
    )
    certificate.refresh_from_db()

    services.certificate_pdf_render(certificate=certificate)

    assert "Łukasz Żółć and Ştefan Ğüneş" in pdf_text(certificate.pdf.read())
