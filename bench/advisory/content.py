#!/usr/bin/env python3
# ruff: noqa  (copied unchanged from ../shared/bench-reference, apart from this line)
"""Deterministic content for the media-advisory benchmark.

    python content.py N OUT.json [--logo PATH]

Produces a think-tank media advisory (dateline, headline, ~100-word lead,
media contact with a mailto link, a "Need a cheat sheet?" callout naming a
report, N experts with name / title / ~100-word quote, a two-paragraph
"Sharper" backgrounder and a closing line). Text is realistic-looking English
assembled from a fixed phrase bank with a seeded RNG, so the same N always
gives byte-identical JSON. It contains curly quotes (“ ” ‘ ’) and em dashes (—).
"""
import json
import random
import sys

SEED = 20190920

FIRST = ["Abigail", "Andrew", "Becca", "Carlos", "Daniel", "Elizabeth", "Farah",
         "Gregory", "Hannah", "Ilan", "Jacob", "Kristine", "Lisa", "Martijn",
         "Nicholas", "Olivia", "Patrick", "Quentin", "Rachel", "Samuel",
         "Tamara", "Uma", "Victor", "Whitney", "Xavier", "Yasmin", "Zachary",
         "Ely", "Loren", "Neil", "Joshua", "Kayla", "Paul", "Ruth", "Susanna",
         "Thomas", "Richard", "Michèle", "Jennifer", "Ashley"]
LAST = ["Ratner", "Kendall-Taylor", "Fontaine", "Cronin", "Scharre", "Kliman",
        "Rasser", "Blanchette", "Stokes", "Sacks", "Rosenberg", "Tarraf",
        "Harrell", "Goldenberg", "Lord", "Shugart", "Heras", "Kim", "Lee",
        "Park", "Nakamura", "Ortega", "Whitfield", "Castellano", "Brennan",
        "O’Connell", "Delacroix", "Haddad", "Volkov", "Okafor", "Lindqvist",
        "Moreau", "Ashford", "Vance", "Pemberton", "Sorensen", "Albright",
        "Yoon", "Tanaka", "Mehta"]
ROLES = ["Senior Fellow", "Adjunct Senior Fellow", "Fellow", "Director",
         "Associate Fellow", "Senior Adviser", "Research Associate",
         "Vice President and Director of Studies", "Nonresident Senior Fellow",
         "Executive Vice President"]
PROGRAMS = ["Asia-Pacific Security Program", "Defense Program",
            "Energy, Economics, and Security Program",
            "Technology and National Security Program",
            "Transatlantic Security Program", "Middle East Security Program",
            "Military, Veterans, and Society Program", "Indo-Pacific Initiative"]

SUBJECTS = ["The administration", "Pyongyang", "Washington", "Seoul", "Beijing",
            "The president’s negotiating team", "Kim Jong Un", "Our allies in the region",
            "Congress", "The intelligence community", "Any credible agreement",
            "The sanctions regime", "The working-level process", "Tokyo",
            "The State Department", "A serious negotiator", "The U.S. delegation",
            "The Pentagon", "North Korea’s leadership", "The alliance"]
MODALS = ["needs to", "will have to", "cannot afford to", "should", "is likely to",
          "has every incentive to", "must be prepared to", "would be wise to",
          "is going to", "ought to"]
ACTIONS = ["define what denuclearization actually means",
           "press for a verifiable freeze on fissile material production",
           "coordinate closely with Seoul and Tokyo",
           "resist the temptation to trade away leverage for a photo op",
           "keep up pressure on illicit ship-to-ship transfers",
           "put a credible road map on the table",
           "test whether the other side is serious",
           "sequence sanctions relief against concrete, verifiable steps",
           "avoid another summit without substance",
           "lock in a full declaration of nuclear facilities",
           "protect the readiness of combined forces on the peninsula",
           "explain to the public what success would look like",
           "bring inspectors back to Yongbyon",
           "separate the humanitarian track from the nuclear file",
           "treat short-range missile launches as the violations they are",
           "stop rewarding brinkmanship with attention"]
TAILS = ["before the next round begins", "in the coming weeks",
         "without undermining deterrence", "at the working level",
         "rather than at a leaders’ summit", "if talks are to produce anything durable",
         "while the window remains open", "as missile tests continue",
         "before the year is out", "with clear benchmarks attached"]
ASIDES = ["and that is not a small thing", "the sequencing matters more than the headline",
          "no one should mistake motion for progress", "history counsels caution",
          "the details will decide everything", "that is where past deals unraveled",
          "and Pyongyang knows it", "which is harder than it sounds"]
SHORT = ["talks about talks are not a strategy", "verification is the whole ballgame",
         "a freeze is a floor, not a ceiling", "leverage is easier to spend than to rebuild",
         "we have been here before", "the clock favors Pyongyang"]

LEAD = ("Following reports that the United States and North Korea are weighing a "
        "return to working-level negotiations, experts at the Center for a New "
        "American Security (CNAS) are available to discuss what renewed talks could "
        "achieve, where they could stall, and what Washington should ask for first. "
        "After months of short-range missile tests and a stalled summit process, both "
        "sides have signaled a willingness to meet again before the end of the year. "
        "CNAS experts can speak to the diplomatic, military, and economic stakes — from "
        "sanctions relief and verification to alliance management with Seoul and "
        "Tokyo — and to the “small deal” versus “big deal” debate now underway.")

SHARPER = [
    ("Sharper is CNAS’s series of curated reading lists on the national security "
     "questions in the news. This edition gathers the Center’s recent research on "
     "North Korea’s nuclear and missile programs, the state of the U.S.–ROK alliance, "
     "and the economic pressure campaign — including analysis of sanctions evasion at "
     "sea, the role of China as Pyongyang’s economic lifeline, and the lessons of the "
     "1994 Agreed Framework and the Six-Party Talks. Each entry includes a short "
     "summary and the author’s contact information for reporters on deadline."),
    ("For background on the negotiating record, reporters may also consult the CNAS "
     "timeline of U.S.–North Korea diplomacy since the Singapore summit, which tracks "
     "each meeting, statement, and missile launch alongside the status of sanctions "
     "enforcement. The timeline is updated weekly and is free to cite with "
     "attribution. CNAS does not take institutional positions; the views expressed by "
     "its experts are their own, and they are happy to speak on the record about where "
     "“step-by-step” diplomacy has worked — and where it has not."),
]


def _lc(subject):
    """Lower-case a sentence-initial article/determiner, keep proper nouns."""
    first = subject.split(" ", 1)[0]
    return subject[0].lower() + subject[1:] if first in ("The", "A", "Any", "Our") else subject


def _sentence(r):
    form = r.randrange(7)
    s, m, a, t = r.choice(SUBJECTS), r.choice(MODALS), r.choice(ACTIONS), r.choice(TAILS)
    if form == 0:
        return f"{s} {m} {a} {t}."
    if form == 1:
        return f"{s} {m} {a} — {r.choice(ASIDES)}."
    if form == 2:
        s2, m2, a2 = r.choice(SUBJECTS), r.choice(MODALS), r.choice(ACTIONS)
        return f"If {_lc(s)} {m} {a}, {_lc(s2)} {m2} {a2}."
    if form == 3:
        return f"The question is not whether {_lc(s)} {m} {a}, but how quickly."
    if form == 4:
        return f"As one former negotiator put it to me, ‘{r.choice(SHORT)}.’"
    if form == 5:
        return f"We’ve seen this before: {_lc(s)} {m} {a} {t}."
    return f"That’s why {_lc(s)} {m} {a}."


def _quote(r, target):
    words, parts = 0, []
    while words < target - 6:
        sent = _sentence(r)
        parts.append(sent)
        words += len(sent.split())
    return "“" + " ".join(parts) + "”"


def make_content(n, logo="logo.png"):
    r = random.Random(SEED)
    experts = []
    used = set()
    for i in range(n):
        while True:
            name = f"{r.choice(FIRST)} {r.choice(LAST)}"
            if name not in used or len(used) >= len(FIRST) * len(LAST):
                break
        used.add(name)
        title = f"{r.choice(ROLES)}, {r.choice(PROGRAMS)}"
        experts.append({"name": name, "title": title, "quote": _quote(r, r.randint(92, 108))})
    return {
        "org": "Center for a New American Security",
        "site": "cnas.org",
        "dateline": "September 20, 2019",
        "headline": "CNAS Responds: U.S., North Korea Consider Renewed Talks",
        "lead": LEAD,
        "contact": {
            "before": "For more information or to arrange an interview, contact Cameron Ellis at ",
            "email": "press@cnas.org",
            "after": " or call 202.457.9400.",
        },
        "callout": {
            "title": "Need a cheat sheet?",
            "before": "Read the CNAS report ",
            "report": "Rolling Back the Program: A Practical Guide to North Korea Negotiations",
            "after": (", which lays out the key terms, timelines, and trade-offs — "
                      "in ten pages — for reporters covering the talks."),
        },
        "experts": experts,
        "backgrounder": {"title": "Sharper", "paragraphs": SHARPER},
        "closing": "CNAS experts are available for interviews in Washington and by phone through the weekend.",
        "logo": logo,
    }


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    n, out = int(argv[1]), argv[2]
    logo = argv[argv.index("--logo") + 1] if "--logo" in argv else "logo.png"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(make_content(n, logo), f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
