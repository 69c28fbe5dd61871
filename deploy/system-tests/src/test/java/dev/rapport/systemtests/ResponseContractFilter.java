package dev.rapport.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks each response from the edge against the OpenAPI document of the service that served
 * it, fetched from the edge once per service, and keeps what broke a document until
 * {@link #takeFindings()}. Requests to anything but the edge (Keycloak, ...) pass unchecked.
 */
final class ResponseContractFilter implements Filter {

    /** What the checked responses broke, one list of violations per broken response. */
    record Findings(int checkedResponses, List<List<String>> brokenResponses) {
    }

    private static final Duration DOCUMENT_PATIENCE = Duration.ofSeconds(60);

    private final URI edge;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, ResponseContract> contracts = new ConcurrentHashMap<>();
    private int checkedResponses;
    private List<List<String>> brokenResponses = new ArrayList<>();

    ResponseContractFilter(String edge) {
        this.edge = URI.create(edge);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getScheme().equals(edge.getScheme()) || !uri.getRawAuthority().equals(edge.getRawAuthority())) {
            return response;
        }
        Optional<String> service = serviceOf(uri.getPath());
        if (service.isPresent()) {
            List<String> violations = contractOf(service.get())
                    .map(contract -> contract.violations(request.getMethod(), uri.getPath(), response.statusCode(),
                            response.contentType(), response.asString()))
                    .orElseGet(() -> List.of(request.getMethod() + " " + uri.getPath() + ": no OpenAPI document of "
                            + service.get() + " to check the response against"));
            record(violations);
        }
        return response;
    }

    /** The findings since the last call, and a fresh start. */
    synchronized Findings takeFindings() {
        Findings findings = new Findings(checkedResponses, brokenResponses);
        checkedResponses = 0;
        brokenResponses = new ArrayList<>();
        return findings;
    }

    private synchronized void record(List<String> violations) {
        checkedResponses++;
        if (!violations.isEmpty()) {
            brokenResponses.add(violations);
        }
    }

    /**
     * The service that serves a path at the edge, as deploy/nginx/rapport.conf routes it; empty
     * for the edge's own answers ({@code /healthz}, unknown paths) and each service's {@code /q/}.
     */
    static Optional<String> serviceOf(String path) {
        String[] segments = path.split("/", 3);
        String first = segments.length > 1 ? segments[1] : "";
        return Optional.ofNullable(switch (first) {
            case "contacts" -> "contacts-service";
            case "meetings", "one-to-ones", "touchpoints", "events", "networking-events", "follow-ups", "timelines", "calendar", "calendar-feed" -> "meetings-service";
            case "referrals", "partners", "links", "link-invitations" -> "referrals-service";
            case "notifications", "inbox", "webhooks", "settings" -> "notifications-service";
            default -> null;
        });
    }

    private Optional<ResponseContract> contractOf(String service) {
        ResponseContract contract = contracts.get(service);
        if (contract == null) {
            URI documentUri = edge.resolve("/" + service + "/q/openapi?format=json");
            Optional<String> document = fetch(documentUri);
            if (document.isEmpty()) {
                return Optional.empty();
            }
            contract = contracts.computeIfAbsent(service,
                    s -> new ResponseContract(edge.resolve("/" + service + "/q/openapi").toString(), document.get()));
        }
        return Optional.of(contract);
    }

    /** The document, waiting for a service that a test is restarting; empty if it never comes. */
    private Optional<String> fetch(URI documentUri) {
        Instant deadline = Instant.now().plus(DOCUMENT_PATIENCE);
        HttpRequest request = HttpRequest.newBuilder(documentUri).build();
        try {
            while (Instant.now().isBefore(deadline)) {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        return Optional.of(answer.body());
                    }
                } catch (IOException e) {
                    // Not reachable now: try again until the deadline.
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("No OpenAPI document at " + documentUri + " within " + DOCUMENT_PATIENCE);
        return Optional.empty();
    }
}
