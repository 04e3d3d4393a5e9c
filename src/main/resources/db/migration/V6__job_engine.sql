-- The job engine (docs/architecture.md, "The job engine").

-- Optimistic locking: every change of a job through the application bumps the version, so the
-- worker, webhooks and people cannot overwrite each other. Lease heartbeats do not bump it.
alter table job add column version bigint not null default 0;
-- A webhook notice or "check now": poll in the priority lane; cleared by the poll that serves it.
alter table job add column prompted_at timestamptz;
-- The last Claudio notice for the job: repeat notices within a few minutes add no timeline line.
alter table job add column last_notice_at timestamptz;
-- When the job should be finished (saved + the profile's expected turnaround). Set at submission;
-- a later change may let staff set it per job.
alter table job add column due_at timestamptz;
-- Why polling this job keeps failing (set after several failures in a row, cleared by a good poll).
alter table job add column stuck_reason varchar(1000);

-- How long a job of this profile should take; tenant admins edit it on the profile page.
alter table profile add column expected_turnaround_minutes int not null default 1440
    check (expected_turnaround_minutes > 0);

-- One invariant makes a job due: next_attempt_at <= now() and a free lease. Rows written before
-- the engine kept next_attempt_at in states that must not be picked up; clear it there. A job left
-- SUBMITTING becomes due when its lease runs out (and is then settled as "needs attention").
update job set next_attempt_at = null where status in ('COMPLETED', 'FAILED', 'CANCELLED', 'NEEDS_ATTENTION');
update job set next_attempt_at = coalesce(lease_until, now()) where status = 'SUBMITTING';
update job set due_at = created_at + interval '24 hours' where due_at is null;

-- Due work per tenant, in due order: the dispatcher takes a few candidates from each tenant.
drop index job_due_idx;
create index job_due_idx on job (tenant_id, next_attempt_at) where next_attempt_at is not null;
-- The priority lane: prompted jobs, oldest prompt first.
create index job_prompted_idx on job (prompted_at) where prompted_at is not null;
