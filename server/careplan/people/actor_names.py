"""SQL naming whoever did something (a patient, a clinician or a carer) from the (kind, id)
columns every attributed row keeps. One place, so readings, action logs, plan history and
the thread name people alike: a carer's act shows the carer's own name (FEATURES D).
"""

from __future__ import annotations


def name_joins(alias: str, kind: str = "actor_kind", who: str = "actor_id") -> str:
    """LEFT JOINs (each by primary key, only for its kind) for the row aliased ALIAS."""
    return (
        f" LEFT JOIN clinicians {alias}_c ON {alias}.{kind} = 'clinician' "
        f"AND {alias}_c.id = {alias}.{who}"
        f" LEFT JOIN carers {alias}_k ON {alias}.{kind} = 'carer' AND {alias}_k.id = {alias}.{who}"
        f" LEFT JOIN patients {alias}_p ON {alias}.{kind} = 'patient' "
        f"AND {alias}_p.id = {alias}.{who}"
    )


def name_column(alias: str, label: str = "actor_name") -> str:
    """The name from `name_joins(alias)`: NULL for the system or someone no longer stored."""
    return (
        f"COALESCE({alias}_c.display_name, {alias}_k.display_name, "
        f"{alias}_p.given_name || ' ' || {alias}_p.family_name) AS {label}"
    )
