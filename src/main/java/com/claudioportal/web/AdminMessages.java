package com.claudioportal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the tenant admins' and the platform admin's pages (the Claudio connection, profiles, presets,
 * members, tenants, encryption keys) and of the messages their Java writes, in English; French in
 * messages/admmsg_fr.properties. Templates write {@code {admmsg:conn_title}}; Java gets them in the reader's
 * language through {@code forms.Words.of(AdminMessages.class)}. A bundle of its own: see {@link JobMessages}.
 */
@MessageBundle(value = "admmsg", locale = "en")
public interface AdminMessages {

    // the Claudio connection (credentials/connection.html)

    @Message("Claudio connection")
    String conn_title();

    @Message("How {tenant} reaches Claudio: your team's base URL, API key and secret.")
    String conn_intro(String tenant);

    @Message("Base URL")
    String conn_base_url();

    @Message("API key")
    String conn_api_key();

    @Message("API secret")
    String conn_api_secret();

    @Message("New API key")
    String conn_new_api_key();

    @Message("New API secret")
    String conn_new_api_secret();

    @Message("Last test")
    String conn_last_test();

    @Message("not tested since the last change")
    String conn_not_tested();

    @Message("Your team's Claudio address, as a Claudio team admin finds it in Claudio's admin area, e.g. https://api.claudio.example/team-123")
    String conn_base_url_help();

    @Message("Leave both empty to keep the current ones.")
    String conn_keep_help();

    @Message("Key and secret are stored encrypted and are never shown again, only their last four characters.")
    String conn_stored_encrypted();

    @Message("Save changes")
    String conn_save_changes();

    @Message("Save connection")
    String conn_save();

    @Message("Test connection")
    String conn_test();

    @Message("Test tries the address, key and secret on this form without saving them; empty key and secret fields test the saved ones.")
    String conn_test_help();

    @Message("Remove connection…")
    String conn_remove();

    @Message("Staff will not be able to submit jobs until a new connection is saved.")
    String conn_remove_warning();

    @Message("Remove")
    String conn_remove_button();

    @Message("Webhook address")
    String conn_webhook_title();

    @Message("Claudio calls this address when one of your jobs is complete, so transcripts appear sooner. The portal also checks every job itself, so nothing is missed if a notification never comes.")
    String conn_webhook_intro();

    @Message("Your new webhook address")
    String conn_webhook_new();

    @Message("Copy")
    String conn_copy();

    @Message("Copy it now.")
    String conn_copy_now();

    @Message("For security it is shown only this once; if it is lost, create a new one.")
    String conn_copy_why();

    @Message("Current address (created {date}):")
    String conn_webhook_current(String date);

    @Message("No webhook address yet.")
    String conn_webhook_none();

    @Message("Where it goes in Claudio")
    String conn_where_title();

    @Message("Sign in to Claudio as a team admin and open the admin settings (the gear icon at the top right).")
    String conn_where_1();

    @Message("Paste the address into the team's webhook setting and save.")
    String conn_where_2();

    @Message("If you cannot find the setting, send the address to your Loom Analytics contact.")
    String conn_where_3();

    @Message("Create a new address…")
    String conn_webhook_regenerate();

    @Message("The current address stops working at once: until the new one is pasted into Claudio, transcripts arrive only through the portal's own checks (a few minutes later).")
    String conn_webhook_regenerate_warning();

    @Message("Create a new address")
    String conn_webhook_regenerate_button();

    @Message("Create webhook address")
    String conn_webhook_create();

    @Message("Not tested.")
    String conn_not_tested_verdict();

    // the test's verdicts (credentials.ConnectionTester), by outcome name

    @Message("Works")
    String verdict_WORKS();

    @Message("Key or secret rejected")
    String verdict_REJECTED();

    @Message("Address unreachable")
    String verdict_UNREACHABLE();

    @Message("Unexpected answer")
    String verdict_UNEXPECTED();

    /** A failed test saved before its outcome was kept (ClaudioConnection.lastTestWordKey). */
    @Message("Failed")
    String verdict_failed();

    @Message("Claudio accepted the key and secret.")
    String verdict_text_WORKS();

    @Message("Claudio did not accept the key or the secret. Check both in Claudio's admin area and enter them again.")
    String verdict_text_REJECTED();

    @Message("The portal could not reach this address. Check the base URL, or try again later.")
    String verdict_text_UNREACHABLE();

    @Message("Something answered at this address, but not the way Claudio does. Check that the base URL is your team's Claudio address.")
    String verdict_text_UNEXPECTED();

    @Message("The address did not answer in time. Check the base URL, or try again later.")
    String verdict_timeout();

    @Message("Calls to this address have been failing, so the portal paused them for a minute. Try again shortly.")
    String verdict_paused();

    // the connection's messages (credentials.ConnectionResource, ConnectionService)

    @Message("The Claudio connection is saved. Test it to check the key and secret.")
    String conn_saved_first();

    @Message("The new key and secret are in use from now on, also for jobs already in progress.")
    String conn_saved_rotated();

    @Message("The Claudio connection is saved.")
    String conn_saved();

    @Message("The Claudio connection was removed. Staff cannot submit jobs until a new one is saved.")
    String conn_removed();

    @Message("{#if busy == 1}1 job is{#else}{busy} jobs are{/if} still being processed with this connection. Remove it when they have finished, or rotate the key instead.")
    String conn_remove_busy(long busy);

    @Message("Enter the base URL to test.")
    String conn_enter_url_to_test();

    @Message("Enter your team's base URL from Claudio.")
    String conn_enter_url();

    @Message("Enter the API key from Claudio.")
    String conn_enter_key();

    @Message("Enter the API secret from Claudio.")
    String conn_enter_secret();

    @Message("Enter the new API key too, or leave both empty to keep the current ones.")
    String conn_enter_new_key_save();

    @Message("Enter the new API secret too, or leave both empty to keep the current ones.")
    String conn_enter_new_secret_save();

    @Message("Enter the new API key too, to test them together, or leave both empty to test the saved ones.")
    String conn_enter_new_key_test();

    @Message("Enter the new API secret too, to test them together, or leave both empty to test the saved ones.")
    String conn_enter_new_secret_test();

    // the encryption keys (credentials/encryption.html, EncryptionResource)

    @Message("Encryption keys")
    String enc_title();

    @Message("Tenants' Claudio API keys and secrets are stored encrypted (AES-256-GCM). The master keys come from the PORTAL_ENCRYPTION_KEYS setting; new values are sealed with PORTAL_ENCRYPTION_ACTIVE_KEY.")
    String enc_intro();

    @Message("Active key")
    String enc_active();

    @Message("Configured keys")
    String enc_configured();

    @Message("Tenants still on an older key")
    String enc_pending();

    @Message("Rotating the master key")
    String enc_rotate_title();

    @Message("Add a new key to PORTAL_ENCRYPTION_KEYS (keep the old one) and make it the active key; restart.")
    String enc_rotate_1();

    @Message("The portal re-encrypts at start-up; or press the button below.")
    String enc_rotate_2();

    @Message("When no tenant is left on an older key, remove the old key from the setting.")
    String enc_rotate_3();

    @Message("Re-encrypt now")
    String enc_reencrypt();

    @Message("Every stored secret already uses the active key.")
    String enc_nothing_to_do();

    @Message("Re-encrypted the credentials of {#if changed == 1}1 tenant{#else}{changed} tenants{/if} with key {key}.")
    String enc_done(int changed, String key);

    // profiles (profile/list.html, edit.html)

    @Message("Profiles")
    String prof_title();

    @Message("The Claudio profiles staff submit jobs with, and the form each one asks for.")
    String prof_intro();

    @Message("New profile")
    String prof_new();

    @Message("Profile")
    String prof_col_profile();

    @Message("Claudio profile")
    String prof_col_claudio();

    @Message("Status")
    String prof_col_status();

    @Message("Actions")
    String prof_col_actions();

    @Message("version {version} · {#if fields == 1}1 field{#else}{fields} fields{/if}")
    String prof_summary(int version, int fields);

    @Message("In use")
    String prof_in_use();

    @Message("Disabled")
    String prof_disabled();

    @Message("Export")
    String prof_export();

    @Message("Disable…")
    String prof_disable();

    @Message("Disable {name}? Staff can no longer choose it for new jobs; jobs already sent keep it. You can enable it again at any time.")
    String prof_disable_confirm(String name);

    @Message("Disable")
    String prof_disable_button();

    @Message("Enable")
    String prof_enable();

    @Message("No profiles yet. Import one from Claudio's sample job JSON, or create one.")
    String prof_none();

    @Message("Import from a sample job JSON")
    String prof_import_title();

    @Message("Paste the sample job from Claudio's Submit Job page (or a profile exported here). The form fields are read from its job_data; the key and secret in it are ignored.")
    String prof_import_intro();

    @Message("Sample job JSON")
    String prof_import_json();

    @Message("…or a file")
    String prof_import_file();

    @Message("Import profile")
    String prof_import_button();

    @Message("Saving a change creates version {next}; jobs keep the version they were submitted with.")
    String prof_version_note(int next);

    @Message("Export JSON")
    String prof_export_json();

    @Message("Save profile")
    String prof_save();

    @Message("Save")
    String prof_save_short();

    @Message("Profile")
    String prof_card();

    @Message("Name shown to staff")
    String prof_display_name();

    @Message("Transcript format by default")
    String prof_default_raw();

    @Message("Staff can change it per job.")
    String prof_raw_help();

    @Message("Document types allowed")
    String prof_doc_types();

    @Message("Comma-separated doc_type values staff can pick for attached documents, e.g. loi")
    String prof_doc_types_help();

    @Message("Versions")
    String prof_versions();

    @Message("Version {no}")
    String prof_version(int no);

    @Message("{#if fields == 1}1 field{#else}{fields} fields{/if}")
    String prof_field_count(int fields);

    @Message("Form fields")
    String prof_fields_title();

    @Message("(job_data, in the order staff see them)")
    String prof_fields_order();

    @Message("Field {n}")
    String prof_field(int n);

    @Message("Key")
    String prof_key();

    @Message("Label (ui_label)")
    String prof_label();

    @Message("Help text (ui_desc)")
    String prof_help();

    @Message("Default value")
    String prof_default();

    @Message("Required")
    String prof_required();

    @Message("Optional")
    String prof_optional();

    @Message("Options (choice fields, comma-separated)")
    String prof_options();

    @Message("Move field {n} up")
    String prof_move_up(int n);

    @Message("Move field {n} down")
    String prof_move_down(int n);

    @Message("Remove field {n}")
    String prof_remove_field(int n);

    @Message("Remove")
    String prof_remove();

    @Message("No fields: Claudio will receive an empty job_data list.")
    String prof_no_fields();

    @Message("Add a field")
    String prof_add_field();

    @Message("Expected turnaround")
    String prof_turnaround_title();

    @Message("A job of this profile not finished this long after it was saved is marked late in the job list and on the dashboard. Changing it applies to jobs submitted from now on.")
    String prof_turnaround_intro();

    @Message("Hours")
    String prof_hours();

    @Message("Save turnaround")
    String prof_save_turnaround();

    // profile messages (profile.ProfileResource, ProfileRules, ProfileService)

    @Message("That file is larger than 1 MB; a sample job JSON is a few kilobytes. Choose the exported profile or the sample job.")
    String prof_file_too_large();

    @Message("That file is not plain text (UTF-8). Choose the .json file the portal exported, or open the file, copy its text and paste it here.")
    String prof_file_not_text();

    @Message("The profile could not be imported: {first}")
    String prof_not_imported(String first);

    @Message("Imported “{name}” with {#if fields == 1}1 field{#else}{fields} fields{/if}.")
    String prof_imported(String name, int fields);

    @Message("The key and secret in the JSON were ignored: enter them on the Claudio connection page.")
    String prof_credentials_ignored();

    @Message("The profile “{name}” was created.")
    String prof_created(String name);

    @Message("The profile “{name}” was saved.")
    String prof_saved(String name);

    @Message("“{name}” is disabled: staff no longer see it when submitting.")
    String prof_disabled_done(String name);

    @Message("“{name}” is enabled again.")
    String prof_enabled_done(String name);

    @Message("Jobs of this profile are now expected within {hours} hours.")
    String prof_turnaround_done(String hours);

    @Message("Enter a number of hours, like 24 or 1.5.")
    String prof_turnaround_number();

    @Message("Enter a number of hours between 0.1 and 8784 (a year).")
    String prof_turnaround_range();

    @Message("Another profile is already called “{name}”.")
    String prof_name_taken(String name);

    @Message("Give the profile a name staff will recognise.")
    String prof_name_missing();

    @Message("Enter Claudio's profile_id for this profile.")
    String prof_id_missing();

    @Message("Enter Claudio's form_id for this profile.")
    String prof_form_id_missing();

    @Message("Enter the profile_name exactly as Claudio knows it.")
    String prof_profile_name_missing();

    @Message("A profile can allow at most {max} document types.")
    String prof_too_many_doc_types(int max);

    @Message("A profile can have at most {max} fields; this one has {n}.")
    String prof_too_many_fields(int max, int n);

    @Message("“{type}” is not a valid document type: use letters, digits, - or _.")
    String prof_bad_doc_type(String type);

    @Message("Every field needs a key.")
    String prof_key_missing();

    @Message("Use letters, digits, _ . or - (no spaces), at most 80 characters.")
    String prof_key_bad();

    @Message("Field {earlier} already uses the key “{key}”: keys must be unique.")
    String prof_key_twice(int earlier, String key);

    @Message("Give the field a label.")
    String prof_label_missing();

    @Message("A choice field needs at least one option.")
    String prof_options_missing();

    @Message("A choice field can have at most {max} options.")
    String prof_too_many_options(int max);

    // presets (profile/presets.html, preset.html, PresetResource, PresetForm, PresetService)

    @Message("Presets")
    String preset_title();

    @Message("Saved values for profile fields that staff pick when submitting, instead of retyping them.")
    String preset_intro();

    @Message("New preset")
    String preset_new();

    @Message("Preset")
    String preset_col_preset();

    @Message("Fields it fills")
    String preset_col_fields();

    @Message("Delete…")
    String preset_delete();

    @Message("Delete the preset {name}? Jobs already submitted keep their values.")
    String preset_delete_confirm(String name);

    @Message("Delete")
    String preset_delete_button();

    @Message("No presets yet.")
    String preset_none();

    @Message("Preset name")
    String preset_name();

    @Message("What staff pick on the submit form, e.g. \"Dr. Jane Roe, orthopaedics\".")
    String preset_name_help();

    @Message("Values")
    String preset_values();

    @Message("Each value fills the field of that key in every profile that has one.")
    String preset_values_intro();

    @Message("Field")
    String preset_field();

    @Message("Value")
    String preset_value();

    @Message("Remove value {n}")
    String preset_remove_value(int n);

    @Message("Remove")
    String preset_remove();

    @Message("Add a value")
    String preset_add_value();

    @Message("Save preset")
    String preset_save();

    @Message("The preset “{name}” was deleted.")
    String preset_deleted(String name);

    @Message("The preset “{name}” was saved.")
    String preset_saved(String name);

    @Message("A preset can hold at most {max} values; remove the ones no profile uses.")
    String preset_too_many(int max);

    @Message("Choose which field this value is for.")
    String preset_key_missing();

    @Message("Field keys use letters, digits, _ . or - only.")
    String preset_key_bad();

    @Message("“{key}” is already set above.")
    String preset_key_twice(String key);

    @Message("No profile has a field “{key}”. Choose one of the listed fields.")
    String preset_key_unknown(String key);

    @Message("Choose a field…")
    String preset_choose_field();

    @Message("{key} (no profile has this field now)")
    String preset_key_orphan(String key);

    @Message("No profile has fields yet: add a profile first, then the fields it asks for can be preset here.")
    String preset_no_fields();

    @Message("Give the preset a name staff will recognise, e.g. the specialist's name.")
    String preset_name_missing();

    @Message("Another preset is already called “{name}”.")
    String preset_name_taken(String name);

    @Message("Add at least one field value.")
    String preset_values_missing();

    // members (members/members.html, MemberResource, MemberService)

    @Message("Members")
    String mem_title();

    @Message("People who may use {tenant}, and what they may do.")
    String mem_intro(String tenant);

    @Message("Members of {tenant}")
    String mem_caption(String tenant);

    @Message("Person")
    String mem_col_person();

    @Message("Role")
    String mem_col_role();

    @Message("Last seen")
    String mem_col_last_seen();

    @Message("Actions")
    String mem_col_actions();

    @Message("via organization")
    String mem_via_org();

    @Message("Role of {email}")
    String mem_role_of(String email);

    @Message("Change")
    String mem_change();

    @Message("never")
    String mem_never();

    @Message("Remove…")
    String mem_remove();

    @Message("Remove {email}? They lose access at once.")
    String mem_remove_confirm(String email);

    @Message("Remove access")
    String mem_remove_button();

    @Message("Add a member")
    String mem_add_title();

    @Message("E-mail address")
    String mem_email();

    @Message("They sign in with this address. They need no invitation e-mail.")
    String mem_email_help();

    @Message("Role")
    String mem_role();

    @Message("Staff submit and track jobs. Tenant admins also manage the connection, profiles and members. Auditors only read job details and the audit log.")
    String mem_role_help();

    @Message("Add member")
    String mem_add_button();

    @Message("{email} can now use {tenant}.")
    String mem_added(String email, String tenant);

    @Message("{email} is now {role}.")
    String mem_role_changed(String email, String role);

    @Message("{email} no longer has access to {tenant}.")
    String mem_removed(String email, String tenant);

    @Message("{email} is already a member ({role}).")
    String mem_already(String email, String role);

    @Message("Choose one of the listed roles.")
    String mem_choose_role();

    @Message("Make someone else a tenant admin first: {email} is the only one.")
    String mem_last_admin(String email);

    // the platform (platform/platformTenants.html, platformTenantEdit.html, PlatformTenantResource, PlatformTenantService)

    @Message("Tenants")
    String plat_title();

    @Message("Every clinic or firm using the portal. Only platform administrators see this page.")
    String plat_intro();

    @Message("Encryption keys")
    String plat_encryption();

    @Message("Audit logs")
    String plat_audit();

    @Message("Name")
    String plat_col_name();

    @Message("Address")
    String plat_col_address();

    @Message("Organization")
    String plat_col_org();

    @Message("Status")
    String plat_col_status();

    @Message("Actions")
    String plat_col_actions();

    @Message("Enabled")
    String plat_enabled();

    @Message("Disabled")
    String plat_disabled();

    @Message("Edit")
    String plat_edit();

    @Message("Disable…")
    String plat_disable();

    @Message("Disable {name}? Its members can no longer sign in to it and no new jobs are sent; nothing is deleted, and enabling it again restores everything.")
    String plat_disable_confirm(String name);

    @Message("Disable")
    String plat_disable_button();

    @Message("Enable")
    String plat_enable();

    @Message("No tenants yet.")
    String plat_none();

    @Message("Create a tenant")
    String plat_create_title();

    @Message("Name")
    String plat_name();

    @Message("Web address")
    String plat_web_address();

    @Message("Lower-case letters, digits and dashes; it becomes /t/<address>. It cannot be changed later.")
    String plat_web_address_help();

    @Message("Identity provider organization (optional)")
    String plat_org();

    @Message("Members of this Keycloak organization become staff automatically.")
    String plat_org_help();

    @Message("First tenant admin's e-mail")
    String plat_first_admin();

    @Message("Create tenant")
    String plat_create_button();

    @Message("Edit {name}")
    String plat_edit_title(String name);

    @Message("Save")
    String plat_save();

    @Message("Cancel")
    String plat_cancel();

    @Message("{name} is created; {email} is its tenant admin.")
    String plat_created(String name, String email);

    @Message("{name} was saved.")
    String plat_saved(String name);

    @Message("{name} is disabled: its members cannot use the portal until it is enabled again.")
    String plat_disabled_done(String name);

    @Message("{name} is enabled again.")
    String plat_enabled_done(String name);

    @Message("A tenant with the address “{id}” already exists.")
    String plat_id_taken(String id);

    @Message("Another tenant already uses the organization “{alias}”.")
    String plat_org_taken(String alias);

    @Message("Paste the sample job JSON, or choose a file that contains it.")
    String prof_json_missing();

    // profile.JsonProblems (pasted JSON in words) and credentials.BaseUrlPolicy (a refused Claudio address)

    @Message("This is not JSON: line {line} starts with “{start}”. Paste the JSON block from Claudio's sample, starting with {brace}.")
    String prof_json_not_json(int line, String start, String brace);

    @Message("The JSON is nested more than {max} levels deep, or holds a value longer than a profile needs; a Claudio sample job is three levels deep. Paste the sample job itself.")
    String prof_json_too_deep(int max);

    @Message("The JSON stops before it is complete: a closing } or ] is missing at the end. Copy the whole block, from the first { to the last }.")
    String prof_json_cut_short();

    @Message("Line {line} (“{start}”)")
    String prof_json_where_line(int line, String start);

    @Message("The JSON")
    String prof_json_where_all();

    @Message("{where}: a colon is missing between a name and its value, like \"key\": \"value\".")
    String prof_json_no_colon(String where);

    @Message("{where}: a comma is missing between two entries. Put a , after the entry before it.")
    String prof_json_no_comma(String where);

    @Message("{where}: use double quotes (\") around names and text, not single quotes (').")
    String prof_json_single_quotes(String where);

    @Message("{where}: there is a comma before the closing {closing} that must go.")
    String prof_json_trailing_comma(String where, String closing);

    @Message("{where}: names need double quotes, like \"key\".")
    String prof_json_quote_names(String where);

    @Message("{where}: this word is not JSON. Put text values in double quotes, like \"Dr. Roe\".")
    String prof_json_bare_word(String where);

    @Message("{where}: a text value runs over the end of the line. Keep each value on one line.")
    String prof_json_line_break(String where);

    @Message("{where}: a closing } or ] does not match what it closes: a { ends with }, a [ with ].")
    String prof_json_mismatch(String where);

    @Message("The JSON stops before it is complete: a closing } or ] or a quote is missing. Copy the whole block, from the first { to the last }.")
    String prof_json_unfinished();

    @Message("{where}: the JSON has a mistake here. Compare it with Claudio's sample, or paste the sample again.")
    String prof_json_mistake(String where);

    @Message("This is {length} characters long; a profile's JSON is at most {max}. Paste only the sample job, from its first { to its last }.")
    String prof_json_too_long(String length, String max);

    @Message("The JSON must be one object, starting with {brace}.")
    String prof_json_not_object(String brace);

    @Message("The JSON has no {names} {#if count == 1}value{#else}values{/if}. A Claudio sample job names the profile and lists its fields.")
    String prof_json_no_values(String names, int count);

    @Message("\"job_data\" must be a list of fields in [ ].")
    String prof_json_not_a_list();

    @Message("\"job_data\" lists {count} fields; a profile can have at most {max}.")
    String prof_json_too_many_fields(int count, int max);

    @Message("{path} must be an object with a \"key\".")
    String prof_json_field_not_object(String path);

    @Message("{path} has no \"key\"{#if label} (its label is \"{label}\"){/if}.")
    String prof_json_field_no_key(String path, String label);

    @Message("{path}: the key \"{key}\" appears more than once.")
    String prof_json_key_twice(String path, String key);
}
