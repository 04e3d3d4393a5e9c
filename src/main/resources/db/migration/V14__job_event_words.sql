-- A timeline line as a message code and its parameters, so each reader sees it in their language
-- (job.JobLine, web.TimelineMessages). "message" keeps the English words: older rows have only
-- those and are shown as they are; tests, exports and the erase's scrub read them.
alter table job_event add column code text;
alter table job_event add column params jsonb;
