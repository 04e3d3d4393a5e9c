package com.claudioportal.deploy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** A compose file and its .env example, as the compose checks read them. */
final class ComposeFile {

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}}; {@code $$} is a literal dollar. */
    static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    /** Names of settings whose values are secrets: passwords, client secrets, tokens, key lists. */
    static final Pattern SECRET_NAME = Pattern.compile("^([A-Z0-9_]*_)?(PASSWORD|SECRET|TOKEN|SECRET_ACCESS_KEY|ENCRYPTION_KEYS|AUDIT_KEYS)$");
    private static final Pattern ENV_LINE = Pattern.compile("^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");

    final JsonNode compose;
    final String composeText;
    final Map<String, String> examples;
    final Set<String> exampleDocumented;
    final List<String> exampleLines;

    ComposeFile(String composeText, String envExample) {
        this.composeText = composeText;
        this.compose = DeployFiles.documents(composeText).get(0);
        this.examples = new LinkedHashMap<>();
        this.exampleDocumented = new TreeSet<>();
        this.exampleLines = List.of(envExample.split("\n", -1));
        for (String line : exampleLines) {
            Matcher m = ENV_LINE.matcher(line.trim());
            if (m.matches()) {
                exampleDocumented.add(m.group(2));
                if (m.group(1) == null) {
                    examples.put(m.group(2), m.group(3));
                }
            }
        }
    }

    /** Variables the compose file reads from the environment (.env). */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(composeText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    /** Problems that would put a secret into the compose file or the committed example. */
    List<String> committedSecrets() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services().entrySet()) {
            Iterator<Map.Entry<String, JsonNode>> env = environment(service.getValue()).entrySet().iterator();
            while (env.hasNext()) {
                Map.Entry<String, JsonNode> entry = env.next();
                String value = entry.getValue().asText("");
                Matcher m = REFERENCE.matcher(value);
                StringBuilder literal = new StringBuilder();
                int end = 0;
                while (m.find()) {
                    literal.append(value, end, m.start());
                    end = m.end();
                    if (SECRET_NAME.matcher(m.group(1)).matches() && "-".equals(strip(m.group(2))) && !m.group(3).isEmpty()) {
                        problems.add(service.getKey() + "." + entry.getKey() + ": ${" + m.group(1) + "} has a default value in the compose file");
                    }
                }
                literal.append(value.substring(end));
                if (SECRET_NAME.matcher(entry.getKey()).matches() && !literal.toString().isBlank()) {
                    problems.add(service.getKey() + "." + entry.getKey() + ": a literal value; take it from docker/.env");
                }
            }
        }
        for (Map.Entry<String, String> example : examples.entrySet()) {
            if (SECRET_NAME.matcher(example.getKey()).matches() && !example.getValue().isBlank()) {
                problems.add(".env.example " + example.getKey() + ": has a value; leave secrets empty");
            }
        }
        return problems;
    }

    /** Secrets in the example without an instruction how to make one in the comment above them. */
    List<String> secretsWithoutInstructions() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < exampleLines.size(); i++) {
            Matcher m = ENV_LINE.matcher(exampleLines.get(i).trim());
            if (!m.matches() || m.group(1) != null || !SECRET_NAME.matcher(m.group(2)).matches()) {
                continue;
            }
            StringBuilder comments = new StringBuilder();
            for (int j = i - 1; j >= 0 && exampleLines.get(j).trim().startsWith("#"); j--) {
                comments.append(exampleLines.get(j));
            }
            if (!comments.toString().matches("(?s).*(openssl rand|demo-client-secret|same format|from your mail provider).*")) {
                problems.add(m.group(2) + " has no instruction how to generate it");
            }
        }
        return problems;
    }

    static Map<String, JsonNode> environment(JsonNode service) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String[] parts = item.asText().split("=", 2);
                env.put(parts[0], DeployFiles.JSON.getNodeFactory().textNode(parts.length > 1 ? parts[1] : ""));
            }
        }
        return env;
    }

    private static String strip(String operator) {
        return operator == null ? "" : operator.replace(":", "");
    }
}
