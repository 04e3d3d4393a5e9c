package com.claudioportal.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the deployment files in step with the configuration: every environment variable that
 * application.properties reads must be documented in docs/configuration.md, listed in
 * docker/.env.example and known to the Kubernetes ConfigMap or Secret example, so a new setting
 * cannot be forgotten in a deployment. Variables read only by the demo, dev or test profiles
 * need the documentation only.
 */
final class ConfigurationDrift {

    private static final Pattern READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern DOC_NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)(_\\*)?`");

    record Variables(Set<String> deployment, Set<String> profileOnly) {
        Set<String> all() {
            Set<String> all = new TreeSet<>(deployment);
            all.addAll(profileOnly);
            return all;
        }
    }

    private ConfigurationDrift() {
    }

    static Variables readBy(String properties) {
        Set<String> deployment = new TreeSet<>();
        Set<String> profileOnly = new TreeSet<>();
        for (String raw : properties.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#") || !line.contains("=")) {
                continue;
            }
            boolean profile = line.startsWith("%demo.") || line.startsWith("%test.") || line.startsWith("%dev.");
            Matcher m = READ.matcher(line.substring(line.indexOf('=')));
            while (m.find()) {
                (profile ? profileOnly : deployment).add(m.group(1));
            }
        }
        profileOnly.removeAll(deployment);
        return new Variables(deployment, profileOnly);
    }

    /** Problems: variables missing from the documentation, the compose example or Kubernetes. */
    static List<String> check(Variables variables, String configurationDoc, String envExample, String kubernetes) {
        Set<String> documented = new TreeSet<>();
        Set<String> documentedPrefixes = new TreeSet<>();
        Matcher m = DOC_NAME.matcher(configurationDoc);
        while (m.find()) {
            (m.group(2) == null ? documented : documentedPrefixes).add(m.group(1) + (m.group(2) == null ? "" : "_"));
        }
        List<String> problems = new ArrayList<>();
        for (String variable : variables.all()) {
            if (!documented.contains(variable) && documentedPrefixes.stream().noneMatch(variable::startsWith)) {
                problems.add(variable + " is not documented in docs/configuration.md");
            }
        }
        for (String variable : variables.deployment()) {
            if (!Pattern.compile("(?m)^#?\\s*" + variable + "=").matcher(envExample).find()) {
                problems.add(variable + " is not in docker/.env.example");
            }
            if (!Pattern.compile("(?m)^\\s*#?\\s*" + variable + ":").matcher(kubernetes).find()) {
                problems.add(variable + " is not in k8s/base/configmap.yaml or secret.example.yaml");
            }
        }
        return problems;
    }
}
