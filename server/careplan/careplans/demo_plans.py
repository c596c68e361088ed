"""The demo patients' care plans, by NHS number: conditions with "if I get worse" plans,
goals in their own words, actions, and the shape of six weeks of readings (see demo.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from careplan.careplans.schemas import (
    ActionCreate,
    Condition,
    GoalCreate,
    SupportService,
    Target,
    WorsePlan,
    Zone,
)


@dataclass(frozen=True, slots=True)
class Series:
    """A reading to generate: a level that drifts towards `towards`, with daily noise."""

    reading_type: str
    unit: str
    start: float
    towards: float
    noise: float
    every_days: int = 1
    second: tuple[float, float] | None = None  # diastolic start, towards
    whole: bool = False


@dataclass(frozen=True, slots=True)
class DemoPlan:
    about_me: str
    what_matters: str
    conditions: list[Condition]
    goals: list[GoalCreate]
    actions: list[ActionCreate]  # goal_id holds the index of the goal, as text
    readings: list[Series]
    support: list[SupportService] = field(default_factory=list)
    adherence: float = 0.75


def _zones(green: str, amber: list[str], amber_do: list[str], red: list[str]) -> WorsePlan:
    return WorsePlan(
        green=Zone(signs=[green], what_to_do=["Carry on with my plan"]),
        amber=Zone(
            signs=amber,
            what_to_do=amber_do,
            who_to_call="Riverside Medical Practice, 01632 960000 (8am to 6:30pm), or 111",
        ),
        red=Zone(signs=red, what_to_do=["Call 999"], who_to_call="999"),
    )


DIABETES = Condition(
    id="t2d",
    display="Type 2 diabetes",
    snomed_code="44054006",
    if_worse=_zones(
        "Sugars mostly between 4 and 10",
        ["Sugars over 15 for two days", "Very thirsty, passing lots of urine"],
        ["Drink water", "Check sugars four times a day", "Ring the practice"],
        ["Sugar under 4 and not coming up", "Drowsy or confused"],
    ),
)
COPD = Condition(
    id="copd",
    display="COPD",
    snomed_code="13645005",
    if_worse=_zones(
        "My usual breathlessness",
        ["More breathless than usual", "Phlegm turns green or yellow"],
        ["Start my rescue pack", "Ring the practice the same day"],
        ["Too breathless to speak", "Lips or fingers turn blue"],
    ),
)
HYPERTENSION = Condition(
    id="htn",
    display="High blood pressure",
    snomed_code="38341003",
    if_worse=_zones(
        "Home readings below 135/85",
        ["Readings over 160/100 on two days"],
        ["Rest and measure again", "Ring the practice"],
        ["Reading over 180/120 with headache or chest pain"],
    ),
)
HEART_FAILURE = Condition(
    id="hf",
    display="Heart failure",
    snomed_code="84114007",
    if_worse=_zones(
        "Weight steady, ankles as usual",
        ["Weight up 2 kg in 3 days", "Ankles more swollen", "Need more pillows at night"],
        ["Ring the heart failure nurse or the practice"],
        ["Breathless at rest", "Chest pain"],
    ),
)
ASTHMA = Condition(
    id="asthma",
    display="Asthma",
    snomed_code="195967001",
    if_worse=_zones(
        "Peak flow above 400",
        ["Peak flow 250 to 400", "Using blue inhaler more than 3 times a week"],
        ["Use my blue inhaler", "Ring the practice"],
        ["Peak flow under 250", "Blue inhaler not helping"],
    ),
)
DEPRESSION = Condition(
    id="dep",
    display="Depression",
    snomed_code="35489007",
    if_worse=_zones(
        "Sleeping and eating as usual",
        ["Low mood most days for two weeks", "Stopped seeing people"],
        ["Talk to someone I trust", "Ring the practice"],
        ["Thoughts of ending my life"],
    ),
)
ARTHRITIS = Condition(id="oa", display="Osteoarthritis of the knees", snomed_code="239873007")

WALKING_GROUP = SupportService(
    id="walk",
    name="Riverside Health Walks",
    kind="community_group",
    how_to_reach="Tuesdays 10am from the library",
)
LINK_WORKER = SupportService(
    id="link",
    name="Social prescribing link worker",
    kind="social_prescribing",
    how_to_reach="Ask at reception",
    status="want_to_try",
)

PLANS: dict[str, DemoPlan] = {
    "9990000018": DemoPlan(  # Margaret Jones
        about_me="I was a postwoman for 30 years. I live with my husband Ron and our cat.",
        what_matters="Being able to walk to my allotment and look after Ron.",
        conditions=[DIABETES, COPD, HYPERTENSION],
        goals=[
            GoalCreate(
                description="Walk to the allotment and back without stopping",
                condition_ids=["copd"],
                target_date="2027-04-01",
                importance=9,
                confidence=6,
                progress="improving",
            ),
            GoalCreate(
                description="Get my sugars down",
                condition_ids=["t2d"],
                target=Target(measure="HbA1c", comparator="below", value=53, unit="mmol/mol"),
                target_date="2027-05-01",
                importance=8,
                confidence=5,
                progress="in_progress",
            ),
        ],
        actions=[
            ActionCreate(what="Walk for 20 minutes", goal_id="0", time_of_day="morning"),
            ActionCreate(
                what="Breathing exercises",
                goal_id="0",
                frequency="weekdays",
                weekdays=[1, 3, 5],
                time_of_day="afternoon",
            ),
            ActionCreate(what="Check my feet", goal_id="1", time_of_day="bedtime"),
        ],
        readings=[
            Series("glucose", "mmol/L", 9.8, 7.6, 0.9),
            Series(
                "blood_pressure", "mmHg", 152, 138, 6, every_days=2, second=(92, 84), whole=True
            ),
            Series("peak_flow", "L/min", 260, 300, 20, every_days=3, whole=True),
        ],
        support=[WALKING_GROUP],
    ),
    "9990000026": DemoPlan(  # David Okafor
        about_me="Bus driver, married, two teenagers. I work shifts.",
        what_matters="Staying well enough to keep driving and see my kids grow up.",
        conditions=[HYPERTENSION, DIABETES],
        goals=[
            GoalCreate(
                description="Lose a stone before summer",
                condition_ids=["t2d", "htn"],
                target=Target(measure="Weight", comparator="at_most", value=95, unit="kg"),
                target_date="2027-06-30",
                importance=7,
                confidence=7,
                progress="improving",
            )
        ],
        actions=[
            ActionCreate(what="Take my tablets", time_of_day="morning"),
            ActionCreate(
                what="Swim or cycle for 30 minutes",
                goal_id="0",
                frequency="times_per_week",
                times_per_week=3,
            ),
        ],
        readings=[
            Series("blood_pressure", "mmHg", 158, 136, 7, second=(96, 86), whole=True),
            Series("weight", "kg", 101.5, 98.2, 0.4, every_days=7),
            Series("steps", "steps", 5200, 8400, 1500, whole=True),
        ],
        adherence=0.85,
    ),
    "9990000034": DemoPlan(  # Siân Williams
        about_me=(
            "Rwy'n byw ar fy mhen fy hun ers i Gareth farw. Mae fy merch yn byw yn Aberystwyth."
        ),
        what_matters="Aros yn fy nghartref fy hun a chanu yn y côr.",
        conditions=[HEART_FAILURE, HYPERTENSION],
        goals=[
            GoalCreate(
                description="Keep my ankles from swelling so I can sing at the Eisteddfod",
                condition_ids=["hf"],
                importance=10,
                confidence=7,
                progress="in_progress",
            )
        ],
        actions=[
            ActionCreate(what="Weigh myself before breakfast", goal_id="0", time_of_day="morning"),
            ActionCreate(what="Keep to 1.5 litres of fluid", goal_id="0"),
        ],
        readings=[
            Series("weight", "kg", 68.4, 67.6, 0.3),
            Series("symptom_score", "score", 4, 3, 1, every_days=2, whole=True),
        ],
        support=[LINK_WORKER],
        adherence=0.9,
    ),
    "9990000042": DemoPlan(  # Peter Novak
        about_me="I fix bikes and play five-a-side on Thursdays.",
        what_matters="Playing football again without my chest stopping me.",
        conditions=[ASTHMA, DEPRESSION],
        goals=[
            GoalCreate(
                description="Play a whole five-a-side match",
                condition_ids=["asthma"],
                importance=8,
                confidence=4,
                progress="no_change",
            ),
            GoalCreate(
                description="Get out of the house every day",
                condition_ids=["dep"],
                importance=7,
                confidence=6,
                status="proposed",
            ),
        ],
        actions=[
            ActionCreate(what="Brown inhaler, morning and night", goal_id="0"),
            ActionCreate(
                what="Go for a walk or a ride",
                goal_id="1",
                frequency="times_per_week",
                times_per_week=4,
            ),
        ],
        readings=[
            Series("peak_flow", "L/min", 380, 430, 25, whole=True),
            Series("mood", "score", 4, 6, 1.2, whole=True),
        ],
        adherence=0.6,
    ),
    "9990000050": DemoPlan(  # Grace Campbell
        about_me="Retired teacher, 87. My neighbour Jean pops in most days.",
        what_matters="Staying out of hospital and getting to church on Sundays.",
        conditions=[COPD, HEART_FAILURE, ARTHRITIS],
        goals=[
            GoalCreate(
                description="Get to church on Sundays",
                condition_ids=["copd", "oa"],
                importance=10,
                confidence=5,
                progress="in_progress",
            )
        ],
        actions=[
            ActionCreate(
                what="Chair exercises",
                goal_id="0",
                frequency="weekdays",
                weekdays=[1, 2, 3, 4, 5],
            ),
            ActionCreate(what="Weigh myself", time_of_day="morning"),
        ],
        readings=[
            Series("spo2", "%", 93, 94, 1, whole=True),
            Series("weight", "kg", 61.2, 61.0, 0.3, every_days=2),
        ],
        adherence=0.7,
    ),
}


# Results shared before Margaret's review (Year of Care), each with a plain-language note.
REVIEW_RESULTS = {
    "9990000018": [
        (
            "HbA1c (average blood sugar)",
            "58 mmol/mol",
            "A little higher than your target of 53. It has come down from 64 in the spring.",
        ),
        (
            "Blood pressure (clinic)",
            "142/86",
            "Slightly above the 140/90 we aim for at clinic; your home readings look better.",
        ),
        (
            "Kidney function (eGFR)",
            "68",
            "Normal for your age. We check it once a year because of your diabetes.",
        ),
    ]
}
