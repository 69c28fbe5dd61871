package dev.rapport.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of the nginx edge proxy, read from deploy/nginx/rapport.conf: which request path goes
 * to which service, and with which path the service sees it. Each location with a proxy_pass
 * gives examples: "location ~ ^/(a|b)(/|$)" gives /a, /a/x, /b and /b/x ("^/x/(a|b)(/|$)" gives /x/a, ...); "location = /p" gives
 * /p; "location /x-service/q/" gives /x-service/q/health, seen by the service as /q/health.
 */
final class EdgeRoutes {

    record Route(String requestPath, String service, String pathAtService) {
    }

    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\w+)\\s*\\{\\s*server\\s+[^:;]+:@([a-z-]+)@;");
    private static final Pattern LOCATION = Pattern.compile("^\\s*location\\s+(?:(~|=)\\s+)?(\\S+)\\s*\\{\\s*$");
    private static final Pattern PROXY_PASS = Pattern.compile("^\\s*proxy_pass\\s+http://(\\w+)(\\S*);");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\^/((?:[a-z-]+/)*)\\(([a-z|-]+)\\)\\(/\\|\\$\\)");

    final List<Route> routes = new ArrayList<>();
    /** Directives of the location "= /notifications/stream", e.g. proxy_buffering → off. */
    final Map<String, String> streamDirectives = new HashMap<>();
    final String maxBodySize;

    EdgeRoutes(Path conf) {
        String text;
        try {
            text = Files.readString(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> serviceOfUpstream = new HashMap<>();
        Matcher upstream = UPSTREAM.matcher(text);
        while (upstream.find()) {
            serviceOfUpstream.put(upstream.group(1), upstream.group(2));
        }
        Matcher bodySize = Pattern.compile("client_max_body_size\\s+(\\S+);").matcher(text);
        maxBodySize = bodySize.find() ? bodySize.group(1) : null;

        String modifier = null;
        String pattern = null;
        for (String line : text.split("\n")) {
            Matcher location = LOCATION.matcher(line);
            if (location.matches()) {
                modifier = location.group(1);
                pattern = location.group(2);
                continue;
            }
            if (pattern == null) {
                continue;
            }
            if (line.trim().equals("}")) {
                pattern = null;
                continue;
            }
            if ("=".equals(modifier) && pattern.equals("/notifications/stream")) {
                String[] directive = line.trim().replace(";", "").split("\\s+", 2);
                if (directive.length == 2) {
                    streamDirectives.put(directive[0], directive[1]);
                }
            }
            Matcher proxyPass = PROXY_PASS.matcher(line);
            if (proxyPass.find()) {
                String service = serviceOfUpstream.get(proxyPass.group(1));
                if (service == null) {
                    throw new IllegalStateException("no upstream " + proxyPass.group(1) + " in " + conf);
                }
                addRoutes(modifier, pattern, service, proxyPass.group(2));
            }
        }
    }

    private void addRoutes(String modifier, String pattern, String service, String uriPart) {
        if ("~".equals(modifier)) {
            Matcher alternatives = ALTERNATIVES.matcher(pattern);
            if (!alternatives.matches()) {
                throw new IllegalStateException("cannot read the location " + pattern
                        + ": this test knows ^/(a|b)(/|$) and ^/x/(a|b)(/|$); teach it the new form");
            }
            for (String last : alternatives.group(2).split("\\|")) {
                String prefix = alternatives.group(1) + last;
                routes.add(new Route("/" + prefix, service, "/" + prefix));
                routes.add(new Route("/" + prefix + "/some/thing", service, "/" + prefix + "/some/thing"));
            }
        } else if ("=".equals(modifier)) {
            routes.add(new Route(pattern, service, pattern));
        } else {
            // A prefix location whose proxy_pass has a URI: nginx replaces the prefix with it.
            String rest = "health/ready";
            routes.add(new Route(pattern + rest, service, (uriPart.isEmpty() ? pattern : uriPart) + rest));
        }
    }
}
