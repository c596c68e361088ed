"""The "my story" page as plain HTML: no script, no images, no links out, printable.

Every value from the record is escaped. The style sheet is inline and named in the Content
Security Policy by its hash, so the page may load nothing else at all.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from careplan.careplans.schemas import Condition, Goal, PlanAction, Zone
from careplan.sharing.story import Story

_STYLE = """
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:0;line-height:1.45}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.3rem;margin:1.25rem 0 .4rem;
border-bottom:2px solid #005eb8}h3{font-size:1.1rem;margin:.8rem 0 .3rem}
.notice{border-left:6px solid #005eb8;background:#eef7ff;padding:.5rem .75rem}
dl.card{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{font-weight:bold}dd{margin:0}ul{margin:.2rem 0;padding-left:1.4rem}
.zone{border-left:6px solid #768692;padding:.2rem .75rem;margin:.4rem 0}
@media (min-width:40rem),print{.zones{display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem}
.zones .zone{margin:0}}
.zone-green{border-color:#007f3b}.zone-amber{border-color:#ffb81c}.zone-red{border-color:#d5281b}
.quiet{color:#4c6272}table{border-collapse:collapse}
td,th{text-align:left;padding:.2rem 1rem .2rem 0}
footer{margin-top:1.5rem;font-size:.9rem;color:#4c6272}
@media print{main{padding:0;max-width:none}body{font-size:11pt}section{break-inside:avoid}
.notice{background:none}}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow, noarchive",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
}

TEAM_ROLES = {
    "named_clinician": "Named clinician",
    "care_coordinator": "Care coordinator",
    "member": "Team member",
}
CLINICIAN_ROLES = {
    "gp": "GP",
    "nurse": "Nurse",
    "care_coordinator": "Care coordinator",
    "pharmacist": "Pharmacist",
    "health_coach": "Health coach",
    "admin": "Practice administrator",
}
# Named in words as in the app, so a copy printed without colour still says which is which.
ZONES = (
    ("green", "Green: I feel well"),
    ("amber", "Amber: I feel worse"),
    ("red", "Red: I need help now"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMES_OF_DAY = {
    "morning": "in the morning",
    "midday": "at midday",
    "afternoon": "in the afternoon",
    "evening": "in the evening",
    "bedtime": "at bedtime",
}


def story_page(story: Story) -> str:
    plan, zone = story.plan, ZoneInfo(story.time_zone)
    sections = [
        _words("What matters to me", plan.what_matters),
        _words("About me", plan.about_me),
        _section(
            "My conditions and what to do if I get worse",
            "".join(_condition(c) for c in plan.conditions) or _quiet("None recorded."),
        ),
        _section("My goals", _list([_goal(g) for g in plan.goals]) or _quiet("None yet.")),
        _section(
            "What I do to stay well",
            _list([_action(a) for a in plan.actions]) or _quiet("None yet."),
        ),
        _section("My care team and contacts", _contacts(story)),
        _section("My latest readings", _readings(story, zone)),
    ]
    card = _card(
        [
            ("Date of birth", _day(story.birth_date)),
            ("NHS number", _nhs_number(story.nhs_number)),
            ("GP practice", escape(story.practice)),
        ]
    )
    notice = (
        f"<p class=notice>A read-only summary {escape(story.name)} chose to share. It is not "
        "for emergencies: call 999, or 111 for urgent advice.</p>"
    )
    footer = (
        f"<footer>Shown {_instant(story.shown_at, zone)}. This link works until "
        f"{_instant(story.expires_at, zone)}, unless {escape(story.name)} stops it sooner. "
        "Print it from your browser's menu.</footer>"
    )
    body = f"<h1>My story: {escape(story.name)}</h1>{notice}{card}{''.join(sections)}{footer}"
    return _document(f"My story: {story.name}", body)


def not_found_page() -> str:
    """The one answer for a link that is unknown, ended, stopped or mistyped."""
    body = (
        "<h1>This link does not work</h1><p>It may have ended, been stopped by the person "
        "who shared it, or been copied wrongly. Ask them for a new link.</p>"
    )
    return _document("This link does not work", body)


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def _section(title: str, inner: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{inner}</section>"


def _words(title: str, text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    inner = "".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in paragraphs)
    return _section(title, inner or _quiet("Not written yet."))


def _quiet(text: str) -> str:
    return f"<p class=quiet>{escape(text)}</p>"


def _list(items: list[str]) -> str:
    return f"<ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>" if items else ""


def _card(rows: list[tuple[str, str]]) -> str:
    return f"<dl class=card>{''.join(f'<dt>{k}</dt><dd>{v}</dd>' for k, v in rows)}</dl>"


def _condition(condition: Condition) -> str:
    zones = "".join(_zone(name, title, getattr(condition.if_worse, name)) for name, title in ZONES)
    inner = f"<div class=zones>{zones}</div>" if zones else _quiet("No plan written yet.")
    return f"<h3>{escape(condition.display)}</h3>{inner}"


def _zone(name: str, title: str, zone: Zone) -> str:
    if not (zone.signs or zone.what_to_do or zone.who_to_call):
        return ""
    parts = [f"<strong>{title}</strong>"]
    if zone.signs:
        parts.append(f"<div>Signs:</div>{_list([escape(s) for s in zone.signs])}")
    if zone.what_to_do:
        parts.append(f"<div>What to do:</div>{_list([escape(s) for s in zone.what_to_do])}")
    if zone.who_to_call:
        parts.append(f"<div>Who to call: {escape(zone.who_to_call)}</div>")
    return f"<div class='zone zone-{name}'>{''.join(parts)}</div>"


def _goal(goal: Goal) -> str:
    text = escape(goal.description)
    if goal.target is not None:
        target = goal.target
        value = f"{target.value:g}" + (f"–{target.upper:g}" if target.upper is not None else "")
        comparator = target.comparator.replace("_", " ")
        text += f" (target: {escape(target.measure)} {comparator} {value} {escape(target.unit)})"
    if goal.target_date:
        text += f", by {_day(goal.target_date)}"
    if goal.status == "paused":
        text += " — paused for now"
    return text


def _action(action: PlanAction) -> str:
    if action.frequency == "times_per_week":
        times = action.times_per_week or 1
        how_often = "once a week" if times == 1 else f"{times} times a week"
    elif action.frequency == "weekdays" and action.weekdays:
        how_often = "on " + ", ".join(WEEKDAYS[d - 1] for d in sorted(action.weekdays))
    else:
        how_often = "every day"
    when = TIMES_OF_DAY.get(action.time_of_day)
    return f"{escape(action.what)} – {how_often}{' ' + when if when else ''}"


def _contacts(story: Story) -> str:
    team = [
        f"{TEAM_ROLES.get(m.team_role, m.team_role)}: {escape(m.display_name)} "
        f"({CLINICIAN_ROLES.get(m.role, m.role)})"
        for m in story.plan.care_team
    ]
    rows = [f"GP practice: {escape(story.practice)}", *team]
    support = [
        f"{escape(s.name)}" + (f": {escape(s.how_to_reach)}" if s.how_to_reach else "")
        for s in story.plan.support
        if s.status == "using"
    ]
    inner = _list(rows)
    if support:
        inner += f"<h3>Support I use</h3>{_list(support)}"
    return inner


def _readings(story: Story, zone: ZoneInfo) -> str:
    if not story.readings:
        return _quiet("None recorded.")
    rows = "".join(
        f"<tr><th scope=row>{escape(r.label)}</th><td>{escape(r.value)}</td>"
        f"<td>{_instant(r.taken_at, zone)}</td></tr>"
        for r in story.readings
    )
    head = "<tr><th scope=col>Reading</th><th scope=col>Value</th><th scope=col>Taken</th></tr>"
    return f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def _day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _instant(epoch_ms: int, zone: ZoneInfo) -> str:
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=zone)
    return f"{moment.day} {moment.strftime('%B %Y, %H:%M')}"


def _nhs_number(digits: str) -> str:
    return escape(f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else digits)
