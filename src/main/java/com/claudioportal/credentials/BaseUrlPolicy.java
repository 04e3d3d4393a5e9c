package com.claudioportal.credentials;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether a tenant admin's Claudio base URL may be used. The portal calls that address
 * from inside its own network, so an address pointing back into it (loopback, link-local, private
 * ranges, cloud metadata services) would let a tenant admin probe internal systems: such
 * addresses are refused unless an operator lists the host. Checked when the URL is saved and again
 * before each call, since DNS answers can change.
 */
@ApplicationScoped
public class BaseUrlPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    @Inject
    ConnectionPolicyConfig config;

    /** The problem with {@code url}, in words for a tenant admin, or empty when it may be used. */
    public Optional<String> problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("This is not a valid web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("Use an address starting with https://.");
        }
        if (config.requireHttps() && !scheme.equals("https")) {
            return Optional.of("Use https:// \u2014 the API key and secret must not travel unencrypted.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("The address has no host name.");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("Leave user names and passwords out of the address.");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("Leave out everything after ? or #: enter only the base address.");
        }
        String normalized = host.toLowerCase(Locale.ROOT);
        if (allowed(normalized)) {
            return Optional.empty();
        }
        if (METADATA_HOSTS.contains(normalized)) {
            return Optional.of(internalMessage());
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(normalized.startsWith("[") ? normalized.substring(1, normalized.length() - 1) : normalized);
        } catch (UnknownHostException e) {
            return Optional.of("The host name " + host + " could not be found. Check the address for typing errors.");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of(internalMessage());
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        List<String> hosts = config.allowedPrivateHosts().orElse(List.of());
        return hosts.stream().anyMatch(h -> h.trim().equalsIgnoreCase(host));
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // unique local addresses fc00::/7 (also AWS's metadata fd00:ec2::254)
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }

    private static String internalMessage() {
        return "This address points into the portal's own network, which is not allowed. "
                + "If your Claudio service really runs there, ask the platform operator to allow its host.";
    }
}
