"""Deterministic benchmark kits: the example's brand with N experts, one quote each, and a
headshot for every third expert; plus the same content as JSON for the baseline scripts."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import random
from pathlib import Path

from presskit.model import Kit
from presskit.model.kit import Approval, ApprovalState, Expert, Quote
from presskit.model.sections import BiosSection, QuotesSection
from presskit.storage import load_kit
from presskit.storage.writer import save_kit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnas-responds" / "cnas-responds.presskit"
FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
_WORDS = (
    "sanctions negotiations alliance deterrence diplomacy treaty summit pressure region "
    "security policy talks leverage nuclear economic strategy partners cooperation risk "
    "envoy proposal verification commitment framework incentives"
)
WORDS = _WORDS.split()
PROGRAMS = ("Asia-Pacific Security", "Energy, Economics, and Security", "Defense", "Technology")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def small_jpeg(path: Path, rng: random.Random, size: int = 300) -> None:
    from PIL import Image

    colour = tuple(rng.randrange(256) for _ in range(3))
    Image.new("RGB", (size, size), colour).save(path, "JPEG", quality=85)


def big_jpegs(folder: Path, count: int, target_bytes: int = 5_000_000) -> list[Path]:
    """``count`` noise JPEGs of about 5 MB, each with a square of its own colour in the
    middle, so no two headshots are the same picture (ReportLab would store those once)."""
    from PIL import Image

    rng = random.Random(5)
    width, height = 2400, 1800
    while True:  # grow until it weighs what a camera photo does
        image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92)
        if len(buffer.getvalue()) >= target_bytes:
            break
        width, height = int(width * 1.1), int(height * 1.1)
    side = min(width, height) // 3
    box = ((width - side) // 2, (height - side) // 2)
    paths = []
    for index in range(count):
        image.paste((index * 37 % 256, index * 91 % 256, index * 53 % 256),
                    (*box, box[0] + side, box[1] + side))
        path = folder / f"headshot-{index:03}.jpg"
        image.save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def generated_kit(quotes: int, folder: Path, photos: list[Path] | None = None) -> Kit:
    """The example kit's brand and sections with ``quotes`` experts and quotes in place of
    its own; every third expert has a photo (``photos`` if given, else small JPEGs)."""
    rng = random.Random(quotes)
    kit = copy.deepcopy(load_kit(EXAMPLE).kit)
    kit.title = f"Benchmark kit with {quotes} quotes"
    kit.experts, kit.quotes = [], []
    for index in range(quotes):
        expert_id = f"expert-{index:05}"
        photo = None
        if photos is not None:
            photo = photos[index] if index < len(photos) else None
        elif index % 3 == 0:
            photo = folder / f"photo-{index:05}.jpg"
            small_jpeg(photo, rng)
        kit.experts.append(Expert(
            id=expert_id,
            name=f"{rng.choice(['Ana', 'Ben', 'Chen', 'Dana', 'Eli'])} Example{index}",
            title=f"Senior Fellow, {rng.choice(PROGRAMS)}",
            program=rng.choice(PROGRAMS),
            photo=photo,
            topics=[rng.choice(WORDS), rng.choice(WORDS)],
        ))
        kit.quotes.append(Quote(
            id=f"quote-{index:05}",
            expert=expert_id,
            text=" ".join(_sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(2, 4))),
            topic=rng.choice(WORDS),
            date=dt.date(2019, 9, 19),
            approval=Approval(ApprovalState.APPROVED, "Press office", dt.date(2019, 9, 19)),
        ))
    for resource in kit.resources:
        resource.expert = ""
    for section in kit.sections:
        if isinstance(section, BiosSection):
            section.experts = [e.id for e in kit.experts]
        if isinstance(section, QuotesSection):
            section.quotes = [q.id for q in kit.quotes]
            section.photos = True
    return kit


def content_of(kit: Kit) -> dict[str, object]:
    """What the baseline scripts print: the title, then per expert a name, a title line and
    their quote(s), plus the kit's free text sections."""
    texts = [getattr(s, "text", "") for s in kit.sections if getattr(s, "text", "")]
    return {
        "title": kit.title,
        "font": str(FONT),
        "texts": texts,
        "experts": [
            {"name": e.name, "title": e.title, "quotes": [q.text for q in kit.quotes_by(e.id)]}
            for e in kit.experts
        ],
    }


def write_kit(kit: Kit, path: Path) -> Path:
    save_kit(kit, path)
    path.with_suffix(".json").write_text(json.dumps(content_of(kit)), encoding="utf-8")
    return path


def load_test_kit(experts: int, quotes: int, folder: Path) -> Kit:
    """A large institute kit: ``experts`` experts sharing ``quotes`` quotes round-robin (the
    first experts get one more when they do not divide evenly), every third with a small
    headshot; the example's brand and sections, every expert in the bios and every quote in
    the quotes section."""
    kit = generated_kit(experts, folder)
    rng = random.Random(quotes)
    template = kit.quotes[0]
    kit.quotes = [
        Quote(
            id=f"quote-{index:05}",
            expert=kit.experts[index % experts].id,
            text=" ".join(_sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(2, 4))),
            topic=rng.choice(WORDS),
            date=template.date,
            approval=copy.copy(template.approval),
        )
        for index in range(quotes)
    ]
    kit.title = f"Load kit with {experts} experts and {quotes} quotes"
    for section in kit.sections:
        if isinstance(section, QuotesSection):
            section.quotes = [q.id for q in kit.quotes]
    return kit
