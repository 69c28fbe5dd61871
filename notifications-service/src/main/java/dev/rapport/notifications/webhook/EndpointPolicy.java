package dev.rapport.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which URLs may receive webhooks: public https endpoints, plus loopback when allowed (local
 * runs and tests) and the hosts of an operator's allow-list. Checked at subscription and again
 * before each attempt, since a name can come to resolve to a private address later.
 */
@ApplicationScoped
public class EndpointPolicy {

    private final boolean allowLoopback;
    private final List<String> allowedHosts;

    EndpointPolicy(WebhooksConfig config) {
        this.allowLoopback = config.allowLoopback();
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** @return why the URL is refused, or {@code null} when it may receive webhooks */
    public String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return "must be an absolute http(s) URL without credentials or fragment";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an https URL";
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
        boolean loopback = addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (loopback) {
            return allowLoopback ? null : "must be a public https URL (loopback is not allowed here)";
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                return "must be a public https URL (it resolves to a private address)";
            }
        }
        return scheme.equals("https") ? null : "must be an https URL";
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
