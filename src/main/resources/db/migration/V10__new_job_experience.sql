-- The new-job experience: the recording pre-check, recording lengths on the job page, bulk jobs.

-- The recording pre-check (upload/RecordingCheck): the share of a recording that is silence and
-- whether that makes it "mostly silent". Null: not measured (a document, an upload from before this
-- version, a check that could not run).
alter table upload add column silence_ratio double precision check (silence_ratio between 0 and 1);
alter table upload add column mostly_silent boolean;

-- Each recording's length as it was measured at upload, shown on the job page.
alter table job_file add column duration_seconds double precision;
update job_file f set duration_seconds = u.duration_seconds
  from upload u where u.id = f.upload_id and f.kind = 'AUDIO';

-- Jobs made together from many recordings share a batch key: the answer page lists them, and a
-- resubmitted batch finds the jobs it made already (each job keeps its own submission key).
alter table job add column batch_key uuid;
create index job_batch_idx on job (tenant_id, batch_key) where batch_key is not null;
