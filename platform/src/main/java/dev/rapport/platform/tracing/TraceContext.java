package dev.rapport.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C Trace Context ({@code traceparent}, {@code tracestate}) as it travels with the work a
 * request or an event caused: stored with an outbox row or a webhook delivery, sent as the
 * CloudEvents distributed-tracing extension ({@code ce_traceparent}, {@code ce_tracestate}) or
 * as a webhook's {@code traceparent} header. Always the W3C format, whatever propagators the
 * service configures for HTTP, because that is what those headers are defined to carry.
 */
public record TraceContext(String traceparent, String tracestate) {

    /** No trace: work done outside any span, or a value that could not be read. */
    public static final TraceContext NONE = new TraceContext(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the span current on this thread, or {@link #NONE} outside any span. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The context of the span in {@code context}, or {@link #NONE} if it holds no valid one. */
    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
        String traceparent = carrier.get("traceparent");
        return traceparent == null ? NONE : new TraceContext(traceparent, carrier.get("tracestate"));
    }

    /**
     * Reads a context received with a message. A missing or malformed {@code traceparent}
     * gives {@link #NONE}: a bad trace header must not make a good message unreadable.
     */
    public static TraceContext parse(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return NONE;
        }
        return of(extract(traceparent, tracestate));
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /**
     * This context as the parent of a new span: the remote span it names, or, for {@link #NONE},
     * the root context, so that the new span starts a trace of its own rather than joining
     * whatever span happens to be current.
     */
    public Context asParent() {
        return isPresent() ? extract(traceparent, tracestate) : Context.root();
    }

    /** The 32 hex digits of the trace id, or null. */
    public String traceId() {
        return isPresent() ? Span.fromContext(asParent()).getSpanContext().getTraceId() : null;
    }

    private static Context extract(String traceparent, String tracestate) {
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", traceparent.trim());
        if (tracestate != null && !tracestate.isBlank()) {
            carrier.put("tracestate", tracestate.trim());
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }
}
