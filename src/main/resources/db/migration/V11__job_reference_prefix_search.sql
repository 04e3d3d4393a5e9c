-- The job list finds a job by the start of its Claudio reference, whatever the case ("ref-7f3" finds
-- REF-7F3A…): lower(claudio_reference) like 'ref-7f3%'. text_pattern_ops lets a btree answer a LIKE
-- prefix whatever the database's collation; tenant_id first, as every job query is one tenant's.
create index job_reference_prefix_idx on job (tenant_id, lower(claudio_reference) text_pattern_ops);

