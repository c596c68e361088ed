-- Each action's last weeks of outcomes as one short string (ADR 0008), so "today" reads one
-- row per action. NULL until `careplan migrate` fills it from action_logs; actions without
-- live logs need no history and get the empty string now.
ALTER TABLE plan_actions ADD COLUMN recent_outcomes TEXT;
UPDATE plan_actions SET recent_outcomes = '' WHERE NOT EXISTS (
    SELECT 1 FROM action_logs l WHERE l.action_id = plan_actions.id AND l.deleted_at IS NULL
);
-- "Today" no longer reads logs by patient and day (ADR 0008): the covering index of 0003 only
-- slowed writes down from here on.
DROP INDEX action_logs_live_outcomes;
