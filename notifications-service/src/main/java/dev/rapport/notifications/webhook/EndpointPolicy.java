package dev.rapport.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which URLs may receive webhooks: public https endpoints, plus loopback when allowed (local
 * runs and tests) and the hosts of an operator's allow-list. Checked at subscription and again
 * before each attempt, since a name can come to resolve to a private address later; the attempt
 * then connects to the address this check approved, never resolving the name a second time (a
 * DNS-rebinding answer between check and connection cannot redirect it).
 */
@ApplicationScoped
public class EndpointPolicy {

    private static final String NOT_PUBLIC = "must be a public https URL";

    private final boolean allowLoopback;
    private final List<String> allowedHosts;
    private final HostResolver resolver;

    EndpointPolicy(WebhooksConfig config, HostResolver resolver) {
        this.allowLoopback = config.allowLoopback();
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /** A URL's verdict: the address to connect to, or why it may not receive webhooks. */
    public record Checked(URI uri, InetAddress address, String refusal) {

        static Checked refused(String refusal) {
            return new Checked(null, null, refusal);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    /** @return why the URL is refused, or {@code null} when it may receive webhooks */
    public String refusal(String url) {
        return check(url).refusal();
    }

    /** Resolves the URL's host once and checks every address; an allowed URL comes with the address to use. */
    public Checked check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Checked.refused("is not a URL");
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return Checked.refused("must be an absolute http(s) URL without credentials or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Checked.refused("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.addressesOf(host);
        } catch (UnknownHostException e) {
            return Checked.refused(NOT_PUBLIC);
        }
        if (addresses.length == 0) {
            return Checked.refused(NOT_PUBLIC);
        }
        Checked allowed = new Checked(uri, addresses[0], null);
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return allowed;
        }
        if (Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)) {
            return allowLoopback ? allowed : Checked.refused(NOT_PUBLIC);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                // One answer for every refusal, so the API cannot be used to map internal names.
                return Checked.refused(NOT_PUBLIC);
            }
        }
        return scheme.equals("https") ? allowed : Checked.refused("must be an https URL");
    }

    private static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first >= 240                       // this network, reserved
                    || (first == 100 && (second & 0xc0) == 64)         // 100.64.0.0/10 shared (carrier NAT, cloud metadata)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    || (first == 198 && (second & 0xfe) == 18));      // 198.18.0.0/15 benchmarking
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;                   // fc00::/7
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b; // 64:ff9b::/96
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;              // 2002::/16 embeds an IPv4 address
        return !(uniqueLocal || nat64 || sixToFour);
    }
}
