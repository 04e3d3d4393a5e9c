-- The audit log, keyed and reviewable (docs/architecture.md, "Auditing").
--
-- * Each tenant has a chain; platform events (sign-ins of people without a tenant, refused webhook
--   calls, the platform admin's own reads) form the chain '_platform', which no tenant id can be.
-- * Events from here on carry an HMAC-SHA-256 under a key outside the database (key_id names it);
--   events written before this migration keep their unkeyed SHA-256 link (key_id null) and verify
--   as a legacy prefix, whose length per chain is fixed below (audit_legacy).
-- * The application role may only INSERT and SELECT the audit tables; the owner role, which runs
--   Flyway, owns them. The trigger stays as a second line, and lets rows go only through
--   audit_purge(), which leaves a signed anchor so that the remaining chain still verifies.

-- ---- events ---------------------------------------------------------------------------------
alter table audit_event drop constraint audit_event_tenant_id_fkey;
alter table audit_event add constraint audit_event_chain_check
    check (tenant_id = '_platform' or tenant_id ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$');
alter table audit_event rename column hash to mac;
alter table audit_event rename column prev_hash to prev_mac;
alter table audit_event
    add column key_id        varchar(40),
    add column action_group  varchar(10) not null default 'CHANGES'
        check (action_group in ('ACCESS', 'CHANGES', 'SECURITY', 'JOBS')),
    add column outcome       varchar(10) not null default 'SUCCESS'
        check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    add column actor_subject varchar(255),
    add column actor_role    varchar(20),
    add column client_ip     varchar(45),
    add column user_agent    varchar(300),
    add column request_id    varchar(40);

-- The group is not covered by the legacy hash, so the old rows may get theirs.
alter table audit_event disable trigger audit_event_no_update;
update audit_event set action_group = case
    when action in ('job.transcript-opened', 'job.media-opened') then 'ACCESS'
    when action like 'job.%' then 'JOBS'
    when action like 'connection.%' or action like 'webhook.%' then 'SECURITY'
    else 'CHANGES' end;
alter table audit_event enable trigger audit_event_no_update;

-- Keyset paging newest first (unique (tenant_id, seq) already exists) and one index per filter;
-- each ends with seq so a filtered page is an index range scan at any size.
drop index audit_event_tenant_time_idx;
create index audit_event_time_idx   on audit_event (tenant_id, occurred_at) include (seq, action_group);
create index audit_event_actor_idx  on audit_event (tenant_id, actor, seq);
create index audit_event_target_idx on audit_event (tenant_id, target_type, target_id, seq);
create index audit_event_group_idx  on audit_event (tenant_id, action_group, seq);
create index audit_event_outcome_idx on audit_event (tenant_id, outcome, seq) where outcome <> 'SUCCESS';

-- How many events of each chain predate the key: only these may carry an unkeyed hash.
create table audit_legacy (
    chain_id     varchar(40) primary key,
    through_seq  bigint      not null
);
insert into audit_legacy (chain_id, through_seq)
    select tenant_id, max(seq) from audit_event group by tenant_id;

-- ---- verification checkpoints -----------------------------------------------------------------
-- One row per verification run: its result (shown on the audit page) and, when intact, where the
-- next incremental run may start. The signature (HMAC under key_id) makes a forged "intact"
-- row useless; deleting rows only makes the next run start earlier.
create table audit_checkpoint (
    id              bigint generated always as identity primary key,
    chain_id        varchar(40)  not null,
    seq             bigint       not null,
    mac             varchar(64)  not null,
    legacy_through  bigint       not null,
    verified_at     timestamptz  not null,
    mode            varchar(12)  not null check (mode in ('FULL', 'INCREMENTAL')),
    from_seq        bigint       not null,
    events          bigint       not null,
    millis          bigint       not null,
    intact          boolean      not null,
    broken_seq      bigint,
    problem         varchar(300),
    verified_by     varchar(320) not null,
    key_id          varchar(40)  not null,
    signature       varchar(64)  not null
);
create index audit_checkpoint_chain_idx on audit_checkpoint (chain_id, id desc);

-- ---- retention ------------------------------------------------------------------------------------
-- Per chain; without a row the configured default (6 years) applies. Set by the platform admin.
create table audit_retention (
    chain_id    varchar(40)  primary key,
    years       int          not null check (years between 1 and 50),
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(320) not null
);

-- What a purge removed: the last removed event's sequence and MAC, signed, so that the first
-- remaining event still links to something verifiable.
create table audit_purge (
    id           bigint generated always as identity primary key,
    chain_id     varchar(40)  not null,
    through_seq  bigint       not null,
    last_mac     varchar(64)  not null,
    events       bigint       not null,
    cutoff       timestamptz  not null,
    purged_at    timestamptz  not null default now(),
    key_id       varchar(40)  not null,
    signature    varchar(64)  not null,
    unique (chain_id, through_seq)
);

-- ---- append-only, except for a purge ---------------------------------------------------------------
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
declare
    purging text := current_setting('audit.purging', true);
begin
    -- audit_purge() sets audit.purging to '<chain>|<through seq>' for its own transaction; only
    -- the table's owner (the function runs as it) may delete, and only that chain's old rows
    if TG_OP = 'DELETE' and coalesce(purging, '') <> ''
            and OLD.tenant_id = split_part(purging, '|', 1)
            and OLD.seq <= split_part(purging, '|', 2)::bigint
            and current_user = (select pg_get_userbyid(relowner) from pg_class where oid = TG_RELID) then
        return OLD;
    end if;
    raise exception 'audit_event is append-only';
end $$;

create function audit_purge_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', TG_TABLE_NAME;
end $$;
create trigger audit_purge_no_update before update or delete on audit_purge
    for each row execute function audit_purge_is_append_only();
create trigger audit_purge_no_truncate before truncate on audit_purge
    for each statement execute function audit_purge_is_append_only();

-- Removes a chain's events up to p_through_seq, which must all be older than p_cutoff, and at
-- least a year old whatever the retention says (a compromised application cannot purge recent
-- history). The caller passes the last removed event's MAC and a signature over the anchor;
-- runs as the owner (SECURITY DEFINER), so the application role needs no DELETE right.
create function audit_purge(p_chain varchar, p_through_seq bigint, p_last_mac varchar, p_cutoff timestamptz,
        p_key_id varchar, p_signature varchar) returns bigint
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    last_event record;
    removed bigint;
begin
    if p_cutoff > now() - interval '1 year' then
        raise exception 'audit events younger than a year are never purged';
    end if;
    select seq, mac, occurred_at into last_event from audit_event where tenant_id = p_chain and seq = p_through_seq;
    if not found or last_event.mac <> p_last_mac or last_event.occurred_at >= p_cutoff then
        raise exception 'audit purge boundary % of chain % does not match', p_through_seq, p_chain;
    end if;
    if exists (select 1 from audit_event where tenant_id = p_chain and seq <= p_through_seq and occurred_at >= p_cutoff) then
        raise exception 'audit purge of chain % would remove events newer than the cutoff', p_chain;
    end if;
    perform set_config('audit.purging', p_chain || '|' || p_through_seq, true);
    delete from audit_event where tenant_id = p_chain and seq <= p_through_seq;
    get diagnostics removed = row_count;
    perform set_config('audit.purging', '', true);
    insert into audit_purge (chain_id, through_seq, last_mac, events, cutoff, key_id, signature)
        values (p_chain, p_through_seq, p_last_mac, removed, p_cutoff, p_key_id, p_signature);
    delete from audit_checkpoint where chain_id = p_chain and seq < p_through_seq;
    return removed;
end $$;
revoke all on function audit_purge(varchar, bigint, varchar, timestamptz, varchar, varchar) from public;

-- ---- the application role -----------------------------------------------------------------------
-- app_role is the datasource user (quarkus.flyway.placeholders.app_role). When it is the user
-- running this migration there is only one role: nothing to grant, and the trigger is the only
-- protection (the portal says so at start-up).
do $$
declare
    app text := '${app_role}';
begin
    if app = '' or app = current_user then
        raise notice 'one database role: the audit tables are protected by their trigger only';
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'the application role % does not exist (docs/operations.md, "Database roles")', app;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('revoke update, delete on audit_event, audit_checkpoint, audit_legacy from %I', app);
    execute format('revoke insert, update, delete on audit_purge, audit_legacy from %I', app);
    execute format('revoke insert, update, delete on flyway_schema_history from %I', app);
    execute format('grant execute on function audit_purge(varchar, bigint, varchar, timestamptz, varchar, varchar) to %I', app);
    -- tables of later migrations (run by this owner) are the application's to use as well
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
end $$;
