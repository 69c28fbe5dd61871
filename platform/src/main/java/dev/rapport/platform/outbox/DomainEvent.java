package dev.rapport.platform.outbox;

import java.util.UUID;

/**
 * A fact a service publishes. Implemented by records under a sealed interface per aggregate;
 * the record's components are the JSON body, {@link #type()} and {@link #subject()} become
 * the CloudEvents {@code ce_type} and {@code ce_subject}.
 */
public interface DomainEvent {

    /** {@code rapport.<aggregate>.<what-happened>.v1} */
    String type();

    /** The id of the aggregate the event is about. */
    UUID subject();
}
