-- JSON kept in columns becomes jsonb, mapped with Hibernate's JSON support (@JdbcTypeCode(SqlTypes.JSON))
-- through Quarkus' ObjectMapper, instead of text read and written by hand. Every value was written by
-- Jackson, so each cast succeeds; an empty text (none was ever written) would count as no value.

alter table job alter column field_values drop default;
alter table job alter column field_values type jsonb using coalesce(nullif(btrim(field_values), ''), '{}')::jsonb;
alter table job alter column field_values set default '{}';
alter table job alter column result type jsonb using nullif(btrim(result), '')::jsonb;
alter table job alter column claudio_details type jsonb using nullif(btrim(claudio_details), '')::jsonb;

-- profile versions are never updated (a trigger refuses it); changing a column's type is no update
alter table profile_version alter column doc_types drop default;
alter table profile_version alter column doc_types type jsonb using coalesce(nullif(btrim(doc_types), ''), '[]')::jsonb;
alter table profile_version alter column doc_types set default '[]';
alter table profile_version alter column fields drop default;
alter table profile_version alter column fields type jsonb using coalesce(nullif(btrim(fields), ''), '[]')::jsonb;
alter table profile_version alter column fields set default '[]';

-- A preset's values become an array of {key, value} in the order the admin entered them: a jsonb object
-- sorts its keys, and the preset pages list them as entered. json_each_text keeps the text's order.
alter table preset add column field_list jsonb not null default '[]';
update preset set field_list = coalesce((
    select jsonb_agg(jsonb_build_object('key', e.key, 'value', e.value) order by e.n)
    from json_each_text(coalesce(nullif(btrim(preset.field_values), ''), '{}')::json) with ordinality as e(key, value, n)), '[]');
alter table preset drop column field_values;
alter table preset rename column field_list to field_values;
