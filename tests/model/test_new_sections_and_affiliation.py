"""What a new section starts with, and the line printed under an expert's name."""

from __future__ import annotations

from presskit.model.kit import Brand, Contact, Expert, Kit, Resource
from presskit.model.operations import new_section
from presskit.model.sections import CalloutSection, ContactSection, SectionType
from presskit.model.wording import affiliation


def test_a_contact_section_starts_with_the_kits_only_contact() -> None:
    kit = Kit(title="T", contacts=[Contact(id="cole", name="Cole Stevens")])
    section = new_section(kit, SectionType.CONTACT)
    assert isinstance(section, ContactSection) and section.contact == "cole"
    kit.contacts.append(Contact(id="ana", name="Ana Silva"))
    section = new_section(kit, SectionType.CONTACT)
    assert isinstance(section, ContactSection) and section.contact == ""  # which one? asked


def test_a_callout_starts_with_the_kits_only_resource() -> None:
    kit = Kit(title="T", resources=[Resource(id="report", title="Report")])
    section = new_section(kit, SectionType.CALLOUT)
    assert isinstance(section, CalloutSection) and section.resource == "report"


def test_the_program_follows_the_title_unless_the_title_names_it_or_the_brand_says_no() -> None:
    brand = Brand()
    fellow = Expert(id="a", name="A", title="Senior Fellow", program="Maritime Security")
    assert affiliation(fellow, brand) == "Senior Fellow · Maritime Security"
    named = Expert(id="b", name="B", title="Adjunct Senior Fellow for Asia-Pacific Security",
                   program="asia-pacific security")
    assert affiliation(named, brand) == "Adjunct Senior Fellow for Asia-Pacific Security"
    assert affiliation(Expert(id="c", name="C", program="Europe"), brand) == "Europe"
    brand.show_program = False
    assert affiliation(fellow, brand) == "Senior Fellow"
