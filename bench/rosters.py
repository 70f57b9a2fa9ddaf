"""A deterministic roster of N experts with one banked quote each, and the query typed."""

from __future__ import annotations

import random

from presskit.library.roster import Roster
from presskit.model.kit import Expert, Quote

QUERY = "asia secur"
PROGRAMS = ("Asia-Pacific Security", "Energy, Economics, and Security", "Defense", "Technology")
TOPICS = ("sanctions", "North Korea", "alliances", "China", "cyber", "nuclear", "trade")


def make_roster(experts: int) -> Roster:
    rng = random.Random(experts)
    roster = Roster()
    for index in range(experts):
        expert_id = f"expert-{index:05}"
        roster.experts.append(Expert(
            id=expert_id, name=f"Person Number{index}", title=f"Fellow, {rng.choice(PROGRAMS)}",
            program=rng.choice(PROGRAMS), topics=rng.sample(TOPICS, 2),
        ))
        roster.quotes.append(Quote(id=f"q-{index:05}", expert=expert_id,
                                   text="A banked quote.", topic=rng.choice(TOPICS)))
    return roster
