-- The trace a delivery was queued in (W3C Trace Context): each attempt is a span of that trace,
-- and the request carries it as a traceparent header. Null when queued outside any trace.
alter table webhook_delivery add column traceparent text;
alter table webhook_delivery add column tracestate text;
