"""The kit as plain data, its validation rules and the operations that change it (no I/O)."""

from presskit.model.kit import (
    BUILTIN_FONTS,
    FONT_FACES,
    Approval,
    ApprovalState,
    Brand,
    Colors,
    Contact,
    Embargo,
    Expert,
    Fonts,
    HeadshotShape,
    Kit,
    Margins,
    PageSize,
    Quote,
    QuoteRequest,
    Resource,
    Status,
    Typography,
    font_file,
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
    "BUILTIN_FONTS", "FONT_FACES", "SECTION_CLASSES", "AboutSection", "Approval", "ApprovalState",
    "BiosSection", "Brand", "CalloutSection", "Colors", "Contact", "ContactSection", "Embargo",
    "Expert", "Fonts", "HeadshotShape", "Kit", "KitProblems", "LeadSection", "Margins", "PageSize",
    "PresskitError", "Problem", "Quote", "QuoteRequest", "QuotesSection", "Resource", "Section",
    "SectionType", "Severity", "Status", "TextSection", "Typography", "Where", "font_file",
    "is_safe_url", "validate",
]
