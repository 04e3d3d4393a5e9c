package com.claudioportal.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every rendered Kubernetes overlay must satisfy beyond its schema: the production rules of
 * the deployment issue, written as checks over the output of {@code kustomize build}. Returns the
 * problems found, each naming the resource; an empty list means the overlay passes.
 */
final class ManifestPolicy {

    static final long UPLOAD_BYTES = 250_000_000L;
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    /** A tag with an exact version (17.6, 26.7.3, 17.0.15_6-jre) or a release date, and/or a digest. */
    private static final Pattern PINNED = Pattern.compile("^[^:@]+(:[^:@]*(\\d+\\.\\d+|\\d{4}-\\d{2}-\\d{2})[^:@]*)?(@sha256:[0-9a-f]{64})?$");
    private static final Pattern SECRET_NAME = ComposeFile.SECRET_NAME;
    private static final Pattern QUANTITY = Pattern.compile("^(\\d+(?:\\.\\d+)?)([kKMGT]i?|[mg])?$");

    private final List<JsonNode> docs;
    private final List<String> problems = new ArrayList<>();

    private ManifestPolicy(List<JsonNode> docs) {
        this.docs = docs;
    }

    static List<String> check(List<JsonNode> docs) {
        ManifestPolicy policy = new ManifestPolicy(docs);
        policy.run();
        return policy.problems;
    }

    private void run() {
        List<JsonNode> workloads = ofKinds(WORKLOADS);
        if (workloads.isEmpty()) {
            problems.add("no workload rendered");
        }
        for (JsonNode workload : workloads) {
            workload(workload);
        }
        for (JsonNode doc : docs) {
            switch (kind(doc)) {
                case "PersistentVolumeClaim" -> claim(doc);
                case "Ingress" -> ingress(doc);
                case "Secret" -> secret(doc);
                case "Service" -> selects(doc, doc.at("/spec/selector"), "Service");
                case "PodDisruptionBudget" -> selects(doc, doc.at("/spec/selector/matchLabels"), "PodDisruptionBudget");
                case "NetworkPolicy" -> selects(doc, doc.at("/spec/podSelector/matchLabels"), "NetworkPolicy");
                case "Cluster" -> cnpgCluster(doc);
                case "Keycloak" -> keycloak(doc);
                default -> {
                }
            }
        }
    }

    // ---- workloads -----------------------------------------------------------------------

    private void workload(JsonNode workload) {
        String id = id(workload);
        JsonNode pod = workload.at("/spec/template/spec");
        if ("Deployment".equals(kind(workload))) {
            int replicas = workload.at("/spec/replicas").asInt(1);
            if (replicas < 2) {
                problems.add(id + ": replicas " + replicas + " (at least 2)");
            }
            if (docs.stream().noneMatch(d -> "HorizontalPodAutoscaler".equals(kind(d))
                    && name(workload).equals(d.at("/spec/scaleTargetRef/name").asText())
                    && d.at("/spec/minReplicas").asInt(1) >= 2)) {
                problems.add(id + ": no HorizontalPodAutoscaler with minReplicas >= 2 targets it");
            }
            if (docs.stream().noneMatch(d -> "PodDisruptionBudget".equals(kind(d)) && matches(d.at("/spec/selector/matchLabels"), workload))) {
                problems.add(id + ": no PodDisruptionBudget selects its pods");
            }
            if (docs.stream().noneMatch(d -> "NetworkPolicy".equals(kind(d)) && matches(d.at("/spec/podSelector/matchLabels"), workload)
                    && d.at("/spec/policyTypes").toString().contains("Ingress") && d.at("/spec/policyTypes").toString().contains("Egress"))) {
                problems.add(id + ": no NetworkPolicy restricts both ingress and egress of its pods");
            }
            if (!pod.has("topologySpreadConstraints") || pod.get("topologySpreadConstraints").isEmpty()) {
                problems.add(id + ": no topologySpreadConstraints");
            }
        }
        if (!pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
            problems.add(id + ": the pod does not set securityContext.runAsNonRoot: true");
        }
        if (pod.at("/securityContext/runAsUser").asInt(-1) == 0) {
            problems.add(id + ": the pod runs as uid 0");
        }
        if (!"false".equals(pod.at("/automountServiceAccountToken").asText())) {
            problems.add(id + ": mounts a service account token it does not need (automountServiceAccountToken: false)");
        }
        long grace = pod.at("/terminationGracePeriodSeconds").asLong(30);
        long needed = shutdownSeconds();
        if (grace < needed) {
            problems.add(id + ": terminationGracePeriodSeconds " + grace + " is shorter than the portal's shutdown delay + timeout (" + needed + " s)");
        }
        for (JsonNode volume : iterable(pod.at("/volumes"))) {
            if (!(volume.has("emptyDir") || volume.has("configMap") || volume.has("secret") || volume.has("projected"))) {
                problems.add(id + ": volume " + volume.at("/name").asText() + " is not an emptyDir, ConfigMap or Secret: no shared or host storage");
            }
            if (volume.has("emptyDir") && !volume.at("/emptyDir/sizeLimit").isTextual()) {
                problems.add(id + ": emptyDir " + volume.at("/name").asText() + " has no sizeLimit");
            }
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : iterable(pod.at("/" + list))) {
                container(id, container, list.equals("containers"), pod);
            }
        }
    }

    private void container(String id, JsonNode container, boolean main, JsonNode pod) {
        String where = id + " container " + container.at("/name").asText();
        String image = container.at("/image").asText("");
        if (!pinned(image)) {
            problems.add(where + ": image " + image + " is not pinned to an exact version or digest");
        }
        if (main) {
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                if (!container.has(probe)) {
                    problems.add(where + ": no " + probe);
                } else if (container.at("/" + probe + "/httpGet").isObject()) {
                    String port = container.at("/" + probe + "/httpGet/port").asText();
                    if (!"management".equals(port) && !"9000".equals(port)) {
                        problems.add(where + ": " + probe + " is not on the management port (" + port + ")");
                    }
                }
            }
        }
        for (String pointer : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            if (!container.at(pointer).isValueNode()) {
                problems.add(where + ": no " + pointer.substring(1).replace('/', '.'));
            }
        }
        JsonNode security = container.at("/securityContext");
        if (!security.at("/runAsNonRoot").asBoolean(false) && !pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
            problems.add(where + ": runAsNonRoot is not true");
        }
        if (!"false".equals(security.at("/allowPrivilegeEscalation").asText())) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!security.at("/readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!security.at("/capabilities/drop").toString().contains("\"ALL\"")) {
            problems.add(where + ": does not drop ALL capabilities");
        }
        if (security.at("/privileged").asBoolean(false)) {
            problems.add(where + ": privileged");
        }
    }

    /** The portal's PORTAL_SHUTDOWN_DELAY + PORTAL_SHUTDOWN_TIMEOUT from the rendered ConfigMap. */
    private long shutdownSeconds() {
        JsonNode config = configMap("claudio-portal");
        if (config == null) {
            return 0;
        }
        return seconds(config.at("/data/PORTAL_SHUTDOWN_DELAY").asText("0S")) + seconds(config.at("/data/PORTAL_SHUTDOWN_TIMEOUT").asText("30S"));
    }

    // ---- other resources ---------------------------------------------------------------------

    private void claim(JsonNode claim) {
        if (claim.at("/spec/accessModes").toString().contains("ReadWriteMany")) {
            problems.add(id(claim) + ": ReadWriteMany volumes are not available on many clusters; stage uploads in S3");
        }
    }

    private void ingress(JsonNode ingress) {
        String id = id(ingress);
        List<String> tlsHosts = new ArrayList<>();
        for (JsonNode tls : iterable(ingress.at("/spec/tls"))) {
            iterable(tls.at("/hosts")).forEach(h -> tlsHosts.add(h.asText()));
            if (!tls.at("/secretName").isTextual()) {
                problems.add(id + ": TLS entry without secretName");
            }
        }
        for (JsonNode rule : iterable(ingress.at("/spec/rules"))) {
            if (!tlsHosts.contains(rule.at("/host").asText())) {
                problems.add(id + ": host " + rule.at("/host").asText() + " is not served over TLS");
            }
            for (JsonNode path : iterable(rule.at("/http/paths"))) {
                String service = path.at("/backend/service/name").asText();
                if (docs.stream().noneMatch(d -> "Service".equals(kind(d)) && service.equals(name(d)))) {
                    problems.add(id + ": backend service " + service + " is not rendered");
                }
            }
        }
        String bodySize = ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-body-size").asText(null);
        long limit = bodySize == null ? 0 : bytes(bodySize);
        JsonNode config = configMap("claudio-portal");
        long portalLimit = config == null ? UPLOAD_BYTES : bytes(config.at("/data/PORTAL_MAX_REQUEST_BODY").asText("260M"));
        if (limit < Math.max(UPLOAD_BYTES, portalLimit)) {
            problems.add(id + ": proxy-body-size " + bodySize + " is below the portal's largest request (" + Math.max(UPLOAD_BYTES, portalLimit) + " bytes)");
        }
        if (!"off".equals(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-request-buffering").asText())) {
            problems.add(id + ": uploads are buffered by the ingress (proxy-request-buffering: \"off\")");
        }
    }

    private void secret(JsonNode secret) {
        for (String section : List.of("data", "stringData")) {
            Iterator<Map.Entry<String, JsonNode>> fields = secret.at("/" + section).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_NAME.matcher(field.getKey()).matches() && !field.getValue().asText().isEmpty()) {
                    problems.add(id(secret) + ": " + field.getKey() + " has a committed value");
                }
            }
        }
    }

    private void selects(JsonNode doc, JsonNode selector, String what) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            if (!"NetworkPolicy".equals(what)) {
                problems.add(id(doc) + ": empty selector");
            }
            return;
        }
        boolean appLabel = selector.has("app.kubernetes.io/name") && selector.get("app.kubernetes.io/name").asText().startsWith("claudio-portal")
                && !selector.get("app.kubernetes.io/name").asText().equals("claudio-portal-db");
        if (appLabel && ofKinds(WORKLOADS).stream().noneMatch(w -> matches(selector, w))) {
            problems.add(id(doc) + ": its selector " + selector + " matches no pod");
        }
    }

    private void cnpgCluster(JsonNode cluster) {
        if (cluster.at("/spec/instances").asInt(1) < 2) {
            problems.add(id(cluster) + ": a single PostgreSQL instance has no failover");
        }
        if (!pinned(cluster.at("/spec/imageName").asText(""))) {
            problems.add(id(cluster) + ": imageName is not pinned");
        }
        if (!cluster.at("/spec/resources/limits/memory").isValueNode()) {
            problems.add(id(cluster) + ": no memory limit");
        }
    }

    private void keycloak(JsonNode keycloak) {
        if (keycloak.at("/spec/instances").asInt(1) < 2) {
            problems.add(id(keycloak) + ": a single Keycloak instance");
        }
        if (!pinned(keycloak.at("/spec/image").asText(""))) {
            problems.add(id(keycloak) + ": image is not pinned (the operator would pick its own)");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    static boolean pinned(String image) {
        if (image.isBlank() || image.endsWith(":latest")) {
            return false;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        boolean hasTagOrDigest = lastSegment.contains(":") || image.contains("@sha256:");
        return hasTagOrDigest && PINNED.matcher(lastSegment).matches();
    }

    private JsonNode configMap(String name) {
        return docs.stream().filter(d -> "ConfigMap".equals(kind(d)) && name.equals(name(d))).findFirst().orElse(null);
    }

    private List<JsonNode> ofKinds(Set<String> kinds) {
        return docs.stream().filter(d -> kinds.contains(kind(d))).toList();
    }

    private static boolean matches(JsonNode selector, JsonNode workload) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        JsonNode labels = workload.at("/spec/template/metadata/labels");
        Iterator<Map.Entry<String, JsonNode>> wanted = selector.fields();
        while (wanted.hasNext()) {
            Map.Entry<String, JsonNode> label = wanted.next();
            if (!label.getValue().asText().equals(labels.at("/" + label.getKey().replace("~", "~0").replace("/", "~1")).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    static String kind(JsonNode doc) {
        return doc.at("/kind").asText("");
    }

    static String name(JsonNode doc) {
        return doc.at("/metadata/name").asText("");
    }

    static String id(JsonNode doc) {
        return kind(doc) + " " + name(doc);
    }

    /** Kubernetes/nginx quantities in bytes: 260m (nginx: megabytes), 260M, 1Gi, 250000000. */
    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity.trim());
        if (!m.matches()) {
            return 0;
        }
        double value = Double.parseDouble(m.group(1));
        Map<String, Long> units = new HashMap<>(Map.of("k", 1_000L, "K", 1_000L, "m", 1_000_000L, "M", 1_000_000L, "g", 1_000_000_000L,
                "G", 1_000_000_000L, "Ki", 1024L, "Mi", 1024L * 1024, "Gi", 1024L * 1024 * 1024));
        return (long) (value * (m.group(2) == null ? 1 : units.getOrDefault(m.group(2), 0L)));
    }

    /** Quarkus durations as the ConfigMap writes them: 10S, 270S, 5M, PT30S. */
    static long seconds(String duration) {
        String text = duration.trim().toUpperCase();
        if (text.isEmpty()) {
            return 0;
        }
        if (text.startsWith("P")) {
            return java.time.Duration.parse(text).toSeconds();
        }
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        return java.time.Duration.parse("PT" + text).toSeconds();
    }
}
