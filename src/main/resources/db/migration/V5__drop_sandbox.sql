-- The Claudio sandbox left the portal: it is a separate runnable now (sandbox/, docs/claudio.md)
-- that keeps its state in memory or its own state directory. Its tables (V2__sandbox.sql, kept
-- as applied) go; whatever a demo or test left in them is of no use to the portal.
drop table if exists sandbox_job_input;
drop table if exists sandbox_file;
drop table if exists sandbox_job;
drop table if exists sandbox_account;
