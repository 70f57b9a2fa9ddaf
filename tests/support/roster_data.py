"""A roster of a dozen experts with a quote bank, as a press office would keep one, written
to a file for the roster GUI tests (and the screenshots of the roster dock)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.library import BrandPreset, Roster, save_roster
from presskit.model import Approval, ApprovalState, Brand, Expert, Quote

PEOPLE = [
    # id, name, title, program, topics
    ("duyeon-kim", "Duyeon Kim", "Senior Fellow for Indo-Pacific Security",
     "Indo-Pacific Security", ["North Korea", "nuclear negotiations", "South Korea"]),
    ("jose-sanchez", "José Sánchez-Ortega", "Senior Fellow, Latin America",
     "Americas", ["Venezuela", "sanctions", "migration"]),
    ("zoe-muller", "Zoë Müller", "Fellow, Energy & Climate", "Energy, Economics, and Security",
     ["energy", "climate", "Germany"]),
    ("amara-okafor", "Amara Okafor", "Director, Africa Program", "Africa",
     ["Nigeria", "elections", "Sahel"]),
    ("chen-wei", "Chen Wei", "Research Associate", "Technology and National Security",
     ["artificial intelligence", "semiconductors", "China"]),
    ("priya-raman", "Dr. Priya Raman", "Senior Fellow for South Asia", "Indo-Pacific Security",
     ["India", "Pakistan", "nuclear negotiations"]),
    ("tomas-ruiz", "Tomás Ruiz", "Adjunct Fellow", "Defense", ["defense budget", "Navy"]),
    ("hana-kobayashi", "Hana Kobayashi", "Visiting Fellow", "Indo-Pacific Security",
     ["Japan", "alliances"]),
    ("olumide-adeyemi", "Olumide Adeyemi", "Fellow, Global Health", "Global Health",
     ["pandemics", "vaccines"]),
    ("sarah-oneill", "Sarah O'Neill", "Vice President for Studies", "Studies",
     ["NATO", "Europe", "Russia"]),
    ("jean-luc-dubois", "Jean-Luc Dubois", "Senior Fellow", "Transatlantic Security",
     ["France", "NATO", "Sahel"]),
    ("maria-ivanova", "Мария Иванова", "Fellow, Russia Program", "Transatlantic Security",
     ["Russia", "sanctions", "Ukraine"]),
]

QUOTES = [
    ("kim-summit-framing", "duyeon-kim", "North Korea talks", ApprovalState.APPROVED,
     "My concern is Pyongyang publicly framing the upcoming talks as preparations for a summit "
     "statement—this so far doesn’t sound like serious, substantive negotiations."),
    ("kim-working-level", "duyeon-kim", "North Korea talks", ApprovalState.PENDING,
     "Working-level talks are where a real roadmap gets written; summits only sign it."),
    ("kim-seoul", "duyeon-kim", "South Korea", ApprovalState.DRAFT,
     "Seoul wants to be in the room, not briefed after the fact."),
    ("sanchez-venezuela", "jose-sanchez", "Venezuela sanctions", ApprovalState.APPROVED,
     "Sanctions without a negotiating track have hardened the regime rather than split it."),
    ("sanchez-migration", "jose-sanchez", "migration", ApprovalState.PENDING,
     "The region is absorbing the largest displacement in its modern history."),
    ("muller-gas", "zoe-muller", "energy", ApprovalState.APPROVED,
     "Europe's gas storage is full, but the price shock is far from over."),
    ("okafor-elections", "amara-okafor", "elections", ApprovalState.APPROVED,
     "Turnout will decide this election more than any single candidate's message."),
    ("raman-deterrence", "priya-raman", "nuclear negotiations", ApprovalState.APPROVED,
     "Deterrence in South Asia rests on signals that are easy to misread."),
    ("oneill-nato", "sarah-oneill", "NATO", ApprovalState.DRAFT,
     "The summit's real test is whether the pledges show up in next year's budgets."),
]


def dozen_experts() -> Roster:
    experts = [Expert(id=i, name=n, title=t, program=p, topics=list(topics),
                      email=f"{i}@example.org")
               for i, n, t, p, topics in PEOPLE]
    for expert in experts:
        if expert.name.startswith("Dr. "):
            expert.honorific, expert.name = "Dr.", expert.name[4:]
    quotes = [
        Quote(id=q, expert=e, text=text, topic=topic, date=dt.date(2019, 9, 10 + n),
              approval=Approval(state, "Press office" if state is ApprovalState.APPROVED
                                else "", dt.date(2019, 9, 11 + n)
                                if state is ApprovalState.APPROVED else None))
        for n, (q, e, topic, state, text) in enumerate(QUOTES)
    ]
    brand = Brand(organisation="Center for a New American Security", short_name="CNAS")
    return Roster(experts=experts, quotes=quotes, brands=[BrandPreset("CNAS", brand)])


def write_roster(path: Path) -> Roster:
    roster = dozen_experts()
    save_roster(roster, path)
    return roster
