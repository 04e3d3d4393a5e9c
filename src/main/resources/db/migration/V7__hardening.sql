-- Hardening (docs/architecture.md, "Threat model"): columns sized to what can be written into them,
-- memberships keyed by the identity provider's stable subject, and the connection test's outcome.

-- What Claudio sends back is not ours to size: a pre-signed URL can exceed 2,000 characters, a poll
-- endpoint 1,000, a reason 1,000. A value that does not fit must never turn work Claudio accepted
-- into a failed commit. (Changing varchar to text rewrites nothing in PostgreSQL.)
alter table job_file alter column claudio_url type text;
alter table job alter column poll_endpoint type text;
alter table job alter column status_detail type text;
alter table job alter column stuck_reason type text;
alter table job_event alter column message type text;
-- The reference is searched by equality only. A B-tree entry may not exceed about 2,700 bytes, so
-- a hash index, which stores only the hash, takes a reference of any length.
alter table job alter column claudio_reference type text;
drop index job_reference_idx;
create index job_reference_idx on job using hash (claudio_reference);

-- Names come from the identity provider's "name" claim, which has no length limit.
alter table job alter column submitted_by_name type text;
alter table membership alter column display_name type text;

-- Audit targets are base URLs (500), e-mail addresses (320), ids: the column held 120.
alter table audit_event alter column target_id type text;

-- Memberships by the identity provider's stable id of the person (issuer + sub). The e-mail address
-- only invites: the first sign-in with that verified address binds the row to that person; after
-- that only (issuer, subject) matches, so a changed address keeps the access and someone who gets
-- the old address later does not inherit it.
alter table membership add column issuer text;
alter table membership add column subject text;
alter table membership add constraint membership_subject_complete check ((issuer is null) = (subject is null));
create unique index membership_subject_idx on membership (tenant_id, issuer, subject) where subject is not null;
create index membership_person_idx on membership (issuer, subject) where subject is not null;

-- The last connection test's outcome (one of four), so the page shows its label once.
alter table claudio_connection add column last_test_outcome varchar(20)
    check (last_test_outcome in ('WORKS', 'REJECTED', 'UNREACHABLE', 'UNEXPECTED'));
