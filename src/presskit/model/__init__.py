"""The kit as plain data, its validation rules and the operations that change it (no I/O)."""

from presskit.model.kit import (
    BUILTIN_FONTS,
    Approval,
    ApprovalState,
    Brand,
    Colors,
    Contact,
    Embargo,
    Expert,
    Fonts,
    Kit,
    Margins,
    PageSize,
    Quote,
    Resource,
    Status,
)
from presskit.model.problems import KitProblems, PresskitError, Problem, Severity, Where
from presskit.model.sections import (
    SECTION_CLASSES,
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    LeadSection,
    QuotesSection,
    Section,
    SectionType,
    TextSection,
)
from presskit.model.validation import is_safe_url, validate

__all__ = [
    "BUILTIN_FONTS", "SECTION_CLASSES", "AboutSection", "Approval", "ApprovalState",
    "BiosSection", "Brand", "CalloutSection", "Colors", "Contact", "ContactSection", "Embargo",
    "Expert", "Fonts", "Kit", "KitProblems", "LeadSection", "Margins", "PageSize",
    "PresskitError", "Problem", "Quote", "QuotesSection", "Resource", "Section", "SectionType",
    "Severity", "Status", "TextSection", "Where", "is_safe_url", "validate",
]
