"""The home page: what Liaison is and what each role should do first."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The site root in each language; one per locale."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    trainee_text = RichTextField(
        _("for trainees"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    trainer_text = RichTextField(
        _("for trainers"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    manager_text = RichTextField(
        _("for programme managers"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("trainee_text"), FieldPanel("trainer_text"), FieldPanel("manager_text")],
            heading=_("What to do first, per role"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")
