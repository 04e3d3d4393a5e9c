-- A job's status detail and stuck reason as a message code and its parameters, like job_event's
-- (V14; job.JobLine, web.TimelineMessages), so each reader sees them in their language. The text
-- columns keep the English: older rows have only those and are shown as they are, and the code
-- counts only while its text is set (tracking.StillInProgress clears status_detail alone).
alter table job add column status_detail_code text;
alter table job add column status_detail_params jsonb;
alter table job add column stuck_reason_code text;
alter table job add column stuck_reason_params jsonb;
