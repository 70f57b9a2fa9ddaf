"""Kits for the renderer's tests: the seed advisory (CNAS Responds, 2019-09-20) and friends.

``seed_kit()`` reproduces ``tests/fixtures/cnas-responds-2019-09-20.txt`` (a copy of the shared
seed) with every word of its text; the e-mail address hidden in the seed is
``press@example.org``. ``SEED_SENTENCES`` are sentences of the seed in reading order, for
checking the PDF's extracted text (with the helpers in ``pdf_reading``).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from PIL import Image, ImageDraw

from presskit.model import (
    AboutSection,
    Approval,
    ApprovalState,
    BiosSection,
    Brand,
    CalloutSection,
    Contact,
    ContactSection,
    Embargo,
    Expert,
    Kit,
    LeadSection,
    PageSize,
    Quote,
    QuotesSection,
    Resource,
    Status,
    TextSection,
)

LEAD = (
    "After months of stalled negotiations, North Korea has announced that it is willing to "
    "resume diplomatic talks with the United States by the end of September, repeating its "
    "condition that it will not consider abandoning its nuclear weapons unless \"external "
    "threats\" are fully removed. As President Trump and South Korean President Moon Jae-in "
    "meet on the sidelines of the UN General Assembly next Monday, with Moon reportedly "
    "planning to discuss moving the peace process forward, the clock continues to tick on Kim "
    "Jong Un’s year-end deadline for the U.S. to put forth a satisfactory proposal."
)
FRAMING = (
    "As the renewal of U.S.-North Korea negotiations becomes more likely, CNAS experts weigh in "
    "on potential next steps for Washington and key issues for journalists to watch for. To "
    "arrange an interview with any of the experts below, contact {name} at {email}."
)
CHEAT_SHEET = (
    "Read CNAS Adjunct Senior Fellow Duyeon Kim's recent report, “{title},” which outlines "
    "practical steps to help guide Washington as the Trump administration navigates a range of "
    "options in negotiations with North Korea."
)
REPORT = "Negotiating Toward a Denuclearization-Peace Roadmap on the Korean Peninsula"
SHARPER = (
    "Washington and Pyongyang have yet to agree on what denuclearization looks like and how to "
    "achieve the three pillars agreed upon in Singapore: improved U.S.-North Korean relations, "
    "a peace regime on the Korean Peninsula, and complete denuclearization. Meanwhile, the "
    "clock is ticking with Kim Jong Un’s year-end deadline for Washington to put forth a "
    "satisfactory proposal and a fast-approaching U.S. presidential election cycle.\n\n"
    "In a recent report, “Negotiating Toward a Denuclearization-Peace Roadmap on the Korean "
    "Peninsula,” CNAS Adjunct Senior Fellow Duyeon Kim outlines practical steps to help guide "
    "Washington as the Trump administration navigates a range of options in negotiations with "
    "North Korea. Kim identifies crucial challenges for American policymakers and suggests how "
    "U.S. and North Korean concessions can be traded for proportionate bargaining."
)
CLOSING = (
    "All CNAS experts are available for interviews. To arrange one, please contact {name} at "
    "{email}."
)

EXPERTS = [
    ("duyeon-kim", "Duyeon Kim", "Adjunct Senior Fellow for Asia-Pacific Security",
     ["North Korea", "nuclear negotiations"]),
    ("elizabeth-rosenberg", "Elizabeth Rosenberg",
     "Director & Senior Fellow for Energy, Economics, and Security", ["sanctions"]),
    ("kristine-lee", "Kristine Lee", "Associate Fellow for Asia-Pacific Security",
     ["Northeast Asia", "China"]),
    ("van-jackson", "Van Jackson", "Adjunct Senior Fellow for Asia-Pacific Security",
     ["North Korea", "diplomacy"]),
    ("neil-bhatiya", "Neil Bhatiya", "Associate Fellow for Energy, Economics, and Security",
     ["sanctions", "economic statecraft"]),
]
QUOTES = {
    "duyeon-kim": (
        "My concern is Pyongyang publicly framing the upcoming talks as preparations for a "
        "summit statement—this so far doesn’t sound like serious, substantive negotiations for "
        "a comprehensive roadmap. Negotiations need to be given a chance to function properly. "
        "It would be bad news if the pre-Hanoi process repeats itself in which the nuclear "
        "issue is not ‘allowed’ to be discussed at the working level. Both sides should test "
        "one another through direct talks and a real nuclear deal, and not by gauging intent "
        "and objectives from afar based on public commentaries and actions."
    ),
    "elizabeth-rosenberg": (
        "In the talks ahead, the United States will be challenged to consider what kind of "
        "inducements, including sanctions relief, will motivate North Korea to demonstrate "
        "meaningful progress on denuclearization while simultaneously preserving U.S. leverage "
        "to act in case North Korea backtracks. The United States has refrained from exposing "
        "and punishing North Korea's flagrant circumvention of sanctions for many months in an "
        "apparent effort not to sour the nascent bilateral nuclear diplomacy. However, this "
        "posture makes the U.S. negotiating position in the coming talks more difficult, and "
        "leads many to wonder whether the United States will demand enough from North Korea in "
        "exchange for economic relief to the rogue state."
    ),
    "kristine-lee": (
        "Washington has long seen Pyongyang strictly as a liability—but with a bit of "
        "ingenuity, there are also unique opportunities to turn North Korea into a strategic "
        "asset in the context of the United States’ broader strategy toward Northeast Asia. "
        "This requires Washington to break out of its traditional bilateral approach toward "
        "negotiations with North Korea and operate based on a deeper understanding of the "
        "interests, redlines, and long-term ambitions of our allies and competitors in the "
        "region: Japan, South Korea, Russia, and China. What is the Venn diagram of strategic "
        "interests whereby Washington can manage down the North Korea threat while also "
        "strengthening its alliances and its posture in Northeast Asia vis-à-vis China?"
    ),
    "van-jackson": (
        "President Trump’s publicly declared willingness to arrange a fourth meeting with Kim "
        "Jong Un jeopardizes working level talks with North Korea before they even begin. "
        "Achieving a mutual accommodation that stabilizes the Korean Peninsula requires the "
        "United States to recognize that Pyongyang thinks it is in a position of bargaining "
        "strength, and that leader-level meetings without working-level agreements harm the "
        "overall diplomatic effort."
    ),
    "neil-bhatiya": (
        "At the heart of any renewed diplomatic process will be the vexing question of how to "
        "structure sanctions relief in response to proportional moves by North Korea to roll "
        "back its weapons of mass destruction and ballistic missile programs. So far, the "
        "administration has been reluctant to outline such a framework, preferring instead a "
        "'big for big' dynamic in which complete sanctions removal is dependent on complete "
        "denuclearization. That strategy has plainly not worked. If the administration wants "
        "to demonstrate progress, it should clearly delineate a series of intermediate "
        "sanctions relief steps that will be undertaken provided North Korea abides by "
        "verifiable steps to slow or partially dismantle their own program."
    ),
}
QUOTE_TOPICS = {
    "duyeon-kim": "North Korea talks",
    "elizabeth-rosenberg": "sanctions relief",
    "kristine-lee": "regional strategy",
    "van-jackson": "summitry",
    "neil-bhatiya": "sanctions relief",
}

#: Sentences of the seed, in the order a reader meets them.
SEED_SENTENCES = [
    "September 20, 2019",
    "U.S., North Korea Consider Renewed Talks",
    "After months of stalled negotiations, North Korea has announced",
    "the clock continues to tick on Kim Jong Un’s year-end deadline",
    "CNAS experts weigh in on potential next steps for Washington",
    "contact Cole Stevens at press@example.org.",
    "Need a cheat sheet?",
    "Read CNAS Adjunct Senior Fellow Duyeon Kim's recent report, “" + REPORT + ",”",
    "Duyeon Kim, Adjunct Senior Fellow for Asia-Pacific Security",
    "My concern is Pyongyang publicly framing the upcoming talks",
    "Elizabeth Rosenberg, Director & Senior Fellow for Energy, Economics, and Security",
    "leads many to wonder whether the United States will demand enough",
    "Kristine Lee, Associate Fellow for Asia-Pacific Security",
    "in Northeast Asia vis-à-vis China?",
    "Van Jackson, Adjunct Senior Fellow for Asia-Pacific Security",
    "harm the overall diplomatic effort.",
    "Neil Bhatiya, Associate Fellow for Energy, Economics, and Security",
    "verifiable steps to slow or partially dismantle their own program.",
    "Sharper",
    "Washington and Pyongyang have yet to agree on what denuclearization looks like",
    "Kim identifies crucial challenges for American policymakers",
    "All CNAS experts are available for interviews. To arrange one, please contact Cole "
    "Stevens at press@example.org.",
]


def seed_kit(logo: Path | None = None) -> Kit:
    """The seed advisory as a kit: lead, contact, callout, five quotes, Sharper, contact."""
    brand = Brand(
        organisation="Center for a New American Security",
        short_name="CNAS",
        logo=logo,
        footer="CNAS · 1152 15th St NW, Washington, DC · cnas.example.org",
        boilerplate=(
            "The Center for a New American Security develops strong, pragmatic and principled "
            "national security and defense policies."
        ),
        website="https://cnas.example.org",
    )
    experts = [
        Expert(id=eid, name=name, title=title, topics=list(topics))
        for eid, name, title, topics in EXPERTS
    ]
    quotes = [
        Quote(id=f"{eid}-1", expert=eid, text=QUOTES[eid], topic=QUOTE_TOPICS[eid],
              date=dt.date(2019, 9, 19), source="e-mail to press office",
              approval=Approval(ApprovalState.APPROVED, by=name, date=dt.date(2019, 9, 19)))
        for eid, name, _, _ in EXPERTS
    ]
    return Kit(
        title="U.S., North Korea Consider Renewed Talks",
        series="CNAS Responds",
        date=dt.date(2019, 9, 20),
        brand=brand,
        contacts=[Contact(id="cole", name="Cole Stevens", role="Communications Manager",
                          email="press@example.org", phone="+1 202 555 0100")],
        experts=experts,
        quotes=quotes,
        resources=[Resource(id="roadmap-report", title=REPORT,
                            url="https://cnas.example.org/reports/roadmap",
                            author="Duyeon Kim", expert="duyeon-kim",
                            blurb="Practical steps for Washington.")],
        sections=[
            LeadSection(id="lead", text=LEAD),
            ContactSection(id="contact", contact="cole", text=FRAMING),
            CalloutSection(id="cheat-sheet", heading="Need a cheat sheet?",
                           resource="roadmap-report", text=CHEAT_SHEET),
            QuotesSection(id="experts", quotes=[q.id for q in quotes]),
            TextSection(id="sharper", heading="Sharper", text=SHARPER),
            ContactSection(id="closing", contact="cole", text=CLOSING),
        ],
    )


def make_logo(path: Path) -> Path:
    """A small transparent PNG logo: a navy roundel and three bars."""
    image = Image.new("RGBA", (640, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 190, 190), fill=(31, 58, 95, 255))
    draw.ellipse((60, 60, 140, 140), fill=(200, 16, 46, 255))
    for n in range(3):
        draw.rectangle((230, 40 + n * 50, 620 - n * 90, 70 + n * 50), fill=(31, 58, 95, 255))
    image.save(path)
    return path


def make_headshot(path: Path, seed: int, size: tuple[int, int] = (600, 800)) -> Path:
    """A fake portrait JPEG: a coloured background, a head and shoulders."""
    rnd = random.Random(seed)
    background = tuple(rnd.randrange(120, 230) for _ in range(3))
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    w, h = size
    skin = rnd.choice([(241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36)])
    shirt = tuple(rnd.randrange(20, 120) for _ in range(3))
    draw.ellipse((w * 0.1, h * 0.62, w * 0.9, h * 1.3), fill=shirt)
    draw.ellipse((w * 0.3, h * 0.22, w * 0.7, h * 0.66), fill=skin)
    image.save(path, "JPEG", quality=90)
    return path


INTERNATIONAL = [
    ("Αλέξανδρος Παπαδόπουλος", "Senior Fellow, Eastern Mediterranean Programme"),
    ("Мария Иванова", "Директор программы по безопасности"),
    ("Zoë Ångström-Ñúñez", "Research Associate, Arctic Security"),
    ("François Dœuf", "Visiting Fellow, European Defence"),
    ("Łukasz Żółkiewski", "Fellow, Central European Security"),
    ("Olga Петренко", "Adjunct Fellow, Black Sea Studies"),
]


def international_kit(folder: Path, count: int = 12) -> Kit:
    """A draft, embargoed A4 kit with headshots, bios and names in Greek, Cyrillic, Latin-ext."""
    kit = seed_kit(logo=make_logo(folder / "logo.png"))
    kit.status = Status.DRAFT
    kit.embargo = Embargo(until=dt.datetime(2026, 12, 2, 6, 0), zone="Europe/Brussels")
    kit.brand.page_size = PageSize.A4
    base = [(e.name, e.title) for e in kit.experts]
    people = (base + INTERNATIONAL) * 3
    kit.experts, kit.quotes = [], []
    for n in range(count):
        name, title = people[n]
        eid = f"expert-{n}"
        photo = make_headshot(folder / f"{eid}.jpg", n) if n % 4 != 3 else None
        kit.experts.append(Expert(
            id=eid, name=name, title=title, photo=photo, topics=[f"topic {n % 5}"],
            bio=(f"{name} works on security policy and has written widely on alliances, "
                 "deterrence and sanctions. Before joining the institute, they served in "
                 "government and taught at a university.")))
        kit.quotes.append(Quote(id=f"q{n}", expert=eid, text=QUOTES[EXPERTS[n % 5][0]],
                                topic=f"theme {n % 3}"))
    kit.sections[3] = QuotesSection(id="experts", heading="What our experts say", photos=True,
                                    quotes=[q.id for q in kit.quotes])
    kit.sections.insert(5, BiosSection(id="bios", heading="About the experts"))
    kit.sections.append(AboutSection(id="about"))
    return kit


#: Names in every script the renderer must print, each with a quote in its own script mixed
#: with Latin text in the same line.
MIXED_SCRIPT_PEOPLE = [
    ("wang", "王小明 (Wang Xiaoming)", "研究员 · Senior Fellow",
     "Beijing will read the talks as a test: 这次会谈是一个考验, and the region is watching."),
    ("yamada", "山田 太郎", "Visiting Fellow, 東京",
     "日本にとって、this is about the shipping lanes and the alliance."),
    ("kim", "김민준", "Korea Chair",
     "서울은 대화를 환영합니다 — Seoul welcomes the talks, but verification comes first."),
    ("eleni", "Ελένη Παπαδοπούλου", "Senior Fellow, Maritime Security",
     "Η ναυτιλία αλλάζει: shipping insurers are already pricing the new route."),
    ("anna", "Анна Смирнова", "Research Director, Russia and Eurasia",
     "Москва будет молчать — Moscow will stay quiet until the summit."),
    ("nguyen", "Nguyễn Thị Minh", "Visiting Fellow, Asia Trade Routes",
     "Đây là một lựa chọn, không phải sự thay thế: an option, not a replacement."),
    ("zoe", "Zoë Ødegård", "Fellow, Nordic Policy",
     "Norway's fishing communities feel this first; Tromsø and Ålesund know it."),
]


def mixed_script_kit(folder: Path | None = None) -> Kit:
    """A kit whose headline, series, names and quotes mix Latin with CJK, Greek, Cyrillic and
    Vietnamese; with ``folder``, every expert has a headshot."""
    kit = seed_kit()
    kit.title = "北朝鮮 and 한국: Talks Resume in 東京"
    kit.series = "CNAS Responds · 専門家"
    kit.experts = [
        Expert(id=eid, name=name, title=title, bio=f"{name} writes on security.",
               photo=make_headshot(folder / f"{eid}.jpg", n) if folder else None)
        for n, (eid, name, title, _quote) in enumerate(MIXED_SCRIPT_PEOPLE)
    ]
    kit.quotes = [
        Quote(id=f"{eid}-1", expert=eid, text=quote,
              approval=Approval(state=ApprovalState.APPROVED))
        for eid, _name, _title, quote in MIXED_SCRIPT_PEOPLE
    ]
    kit.sections[3] = QuotesSection(id="experts", heading="What our experts say",
                                    photos=folder is not None,
                                    quotes=[q.id for q in kit.quotes])
    return kit
