package dev.rapport.notifications.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.rapport.notifications.webhook.DeliveryQueue.Due;
import dev.rapport.platform.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends one signed delivery, without blocking a thread: the endpoint's URL is checked (and its
 * host resolved) just before, and the connection goes to the address that check approved, with
 * the URL's host name for the Host header, TLS SNI and certificate verification. Connecting,
 * sending and the answer's status line are bounded by {@code rapport.webhooks.timeout}.
 * <p>
 * A delivery queued in a trace is attempted in a client span of that trace, and the request
 * carries the span as a W3C {@code traceparent} header (not signed), so that the subscriber can
 * join the trace. Vert.x's own HTTP client tracing is off for this client, so that it adds no
 * second span or header.
 */
@ApplicationScoped
public class WebhookSender {

    private final Vertx vertx;
    private final EndpointPolicy policy;
    private final WebhooksConfig config;
    private final Clock clock;
    private final HttpClient client;
    private final Tracer tracer;

    WebhookSender(Vertx vertx, EndpointPolicy policy, WebhooksConfig config, Clock clock, Tracer tracer) {
        this.vertx = vertx;
        this.tracer = tracer;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
        int timeoutMillis = (int) config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("webhooks")
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout(timeoutMillis)
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                // A connection on which nothing moves for this long (an answer's body that never
                // ends) is closed, freeing its place in the pool.
                .setIdleTimeout(timeoutMillis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // Pools are per address: this bounds the connections to one endpoint.
                .setMaxPoolSize(config.maxInFlightPerEndpoint())
                .setDecompressionSupported(false)
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    void close() {
        client.close();
    }

    /** Sends the delivery; the outcome always completes, with the answer or why there was none. */
    public CompletableFuture<AttemptOutcome> send(Due delivery) {
        long started = System.nanoTime();
        Span span = startAttempt(delivery);
        CompletableFuture<AttemptOutcome> outcome;
        try {
            outcome = attempt(delivery, started, span);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(AttemptOutcome.failed(describe(e), millisSince(started)));
        }
        return outcome.whenComplete((done, failure) -> endAttempt(span, done));
    }

    /** A client span for an attempt at a delivery queued in a trace; {@link Span#getInvalid()} for one queued outside any. */
    private Span startAttempt(Due delivery) {
        if (!delivery.trace().isPresent()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("POST webhook")
                .setSpanKind(SpanKind.CLIENT)
                .setParent(delivery.trace().asParent())
                .setAttribute("http.request.method", "POST")
                .setAttribute("rapport.webhook.endpoint_id", delivery.endpointId().toString())
                .setAttribute("rapport.webhook.delivery_id", delivery.id().toString())
                .setAttribute("rapport.webhook.attempt", delivery.attempts() + 1)
                .startSpan();
    }

    private static void endAttempt(Span span, AttemptOutcome outcome) {
        if (outcome != null) {
            if (outcome.statusCode() != null) {
                span.setAttribute("http.response.status_code", outcome.statusCode());
            }
            if (!outcome.delivered()) {
                span.setStatus(StatusCode.ERROR, outcome.error() != null ? outcome.error() : "answered " + outcome.statusCode());
            }
        }
        span.end();
    }

    private CompletableFuture<AttemptOutcome> attempt(Due delivery, long started, Span span) {
        EndpointPolicy.Checked checked = policy.check(delivery.url());
        if (!checked.allowed()) {
            return CompletableFuture.completedFuture(AttemptOutcome.failed("endpoint refused: it " + checked.refusal(), millisSince(started)));
        }
        URI uri = checked.uri();
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long timestamp = clock.instant().getEpochSecond();
        String messageId = "msg_" + delivery.id();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, checked.address().getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Rapport-Webhooks/1")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signWithEach(delivery.secrets(), messageId, timestamp, delivery.payload()));
        TraceContext trace = TraceContext.of(Context.root().with(span));
        if (trace.isPresent()) {
            span.setAttribute("server.address", uri.getHost());
            span.setAttribute("server.port", port);
            request.putHeader("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                request.putHeader("tracestate", trace.tracestate());
            }
        }

        CompletableFuture<AttemptOutcome> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(request)
                .compose(open -> {
                    sent.set(open);
                    return open.send(Buffer.buffer(delivery.payload()));
                })
                // The outcome is the status (and Retry-After) as soon as they arrive. The body, if
                // any, is dropped as it comes (no data handler: the answer may even have ended
                // before this runs), and its end returns the connection to the pool.
                .map(response -> AttemptOutcome.answered(response.statusCode(), response.getHeader("Retry-After"), millisSince(started)))
                .onComplete(result -> outcome.complete(result.succeeded() ? result.result()
                        : AttemptOutcome.failed(describe(result.cause()), millisSince(started))));
        long timer = vertx.setTimer(config.timeout().toMillis(), fired -> {
            if (outcome.complete(AttemptOutcome.failed("no answer within " + config.timeout(), millisSince(started)))) {
                HttpClientRequest open = sent.get();
                if (open != null) {
                    open.reset();
                }
            }
        });
        outcome.whenComplete((done, failure) -> vertx.cancelTimer(timer));
        return outcome;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static int millisSince(long startedNanos) {
        return (int) ((System.nanoTime() - startedNanos) / 1_000_000);
    }
}
