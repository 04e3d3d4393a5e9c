package com.claudioportal.credentials;

import com.claudioportal.forms.Words;
import com.claudioportal.web.TimelineMessages;
import com.claudioportal.web.JobMessages;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Decides whether the portal may call a URL, and pins the call to what was checked. The portal
 * calls a tenant admin's Claudio base URL (and the links Claudio answers with) from inside its own
 * network, so an address pointing back into it (loopback, link-local, private ranges, cloud
 * metadata services) would let a tenant admin probe internal systems: such addresses are refused
 * unless an operator allows that host and port ({@code PORTAL_CONNECTION_ALLOWED_PRIVATE_HOSTS},
 * e.g. {@code sandbox:8090}; allowing {@code localhost} does not open the management port).
 * <p>
 * The host is resolved once and every address it resolves to is checked; {@link #pin} returns
 * those addresses so that the client connects to them instead of resolving the name again, which
 * a rebinding DNS could answer differently ({@link PinnedResolution}).
 */
@ApplicationScoped
public class BaseUrlPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    @Inject
    ConnectionPolicyConfig config;

    @Inject
    HostResolver resolver;

    /** The problem with {@code url}, in words for a tenant admin, or empty when it may be used. */
    public Optional<String> problemWith(String url) {
        return Optional.ofNullable(pin(url).problem());
    }

    /** Checks {@code url} as a base URL, resolving its host exactly once; the result carries the addresses to connect to. */
    public PinnedResolution pin(String url) {
        return check(url, true);
    }

    /**
     * Checks an address the portal calls or sends a browser to (a Claudio call, a link Claudio
     * answered with): the same rules as for a base URL, except that it may carry a query.
     */
    public PinnedResolution pinCall(String url) {
        return check(url, false);
    }

    private PinnedResolution check(String url, boolean baseUrl) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            return refused("url_invalid", null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refused("url_scheme", null);
        }
        if (config.requireHttps() && !scheme.equals("https")) {
            return refused("url_https", null);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return refused("url_no_host", null);
        }
        if (uri.getRawUserInfo() != null) {
            return refused("url_user_info", null);
        }
        if (baseUrl && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            return refused("url_query", null);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean allowed = AllowedHosts.parse(config.allowedPrivateHosts().orElse(List.of())).allows(name, port, scheme);
        if (!allowed && METADATA_HOSTS.contains(name)) {
            return refused("url_internal", null);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.lookup(name);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses == null || addresses.isEmpty()) {
            return refused("url_unknown_host", host);
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    return refused("url_internal", null);
                }
            }
        }
        return PinnedResolution.pinned(uri, name, port, addresses);
    }

    /**
     * The address a client must connect to for {@code uri}, in plain JDK types so that a client
     * which imports nothing of the portal's (package {@code claudio}) can take it as a function.
     *
     * @throws ConnectException when the policy refuses the URL (the message is the reason in words)
     */
    public InetSocketAddress addressFor(URI uri) throws ConnectException {
        PinnedResolution pinned = pinCall(uri.toString());
        if (!pinned.ok()) {
            throw new ConnectException(pinned.problem());
        }
        return pinned.socketAddress();
    }

    /**
     * Why the portal will not send a browser to a link Claudio answered with (a transcript or
     * media file), in the reader's words, or empty. The browser fetches it, not the portal, so the name is not resolved
     * here; but the link must use https (unless the operator turned that off, as the demo does),
     * carry no user name, and not name an internal address or a metadata service outright.
     */
    public Optional<String> linkProblem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(Words.of(JobMessages.class).link_invalid());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (!config.requireHttps() && scheme.equals("http"));
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!schemeOk || host.isEmpty() || uri.getRawUserInfo() != null) {
            return Optional.of(Words.of(JobMessages.class).link_not_https());
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (AllowedHosts.parse(config.allowedPrivateHosts().orElse(List.of())).allows(name, port, scheme)) {
            return Optional.empty();
        }
        boolean literal = name.contains(":") || name.matches("[0-9.]+");
        try {
            if (METADATA_HOSTS.contains(name) || name.equals("localhost") || (literal && isInternal(InetAddress.getByName(name)))) {
                return Optional.of(Words.of(JobMessages.class).link_internal());
            }
        } catch (UnknownHostException e) {
            return Optional.of(Words.of(JobMessages.class).link_invalid());
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address v6) {
            if (isIpv4Mapped(b)) {
                return isInternalV4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff) || v6.isLoopbackAddress();
            }
            // unique local addresses fc00::/7 (also AWS's metadata fd00:ec2::254)
            return (b[0] & 0xfe) == 0xfc;
        }
        return isInternalV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }

    private static boolean isInternalV4(int first, int second, int third) {
        return first == 0 // "this network"
                || first == 10 || first == 127 || (first == 169 && second == 254) || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224; // multicast, reserved, broadcast
    }

    /** ::ffff:a.b.c.d, which the JDK keeps as an IPv6 address when it comes from a resolver. */
    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** The refusal in the request's words, with their name for a page that words it later ({@link PinnedResolution#problemCode()}). */
    private static PinnedResolution refused(String code, String host) {
        // worded once, where the job's lines that quote a refused address find them too
        TimelineMessages words = Words.of(TimelineMessages.class);
        String problem = switch (code) {
            case "url_invalid" -> words.url_invalid();
            case "url_scheme" -> words.url_scheme();
            case "url_https" -> words.url_https();
            case "url_no_host" -> words.url_no_host();
            case "url_user_info" -> words.url_user_info();
            case "url_query" -> words.url_query();
            case "url_unknown_host" -> words.url_unknown_host(host);
            default -> words.url_internal();
        };
        return PinnedResolution.refused(problem, code, host);
    }
}
