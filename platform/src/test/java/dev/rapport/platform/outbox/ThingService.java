package dev.rapport.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Publishes test events the way a service does: inside the change's transaction. */
@ApplicationScoped
public class ThingService {

    private final Outbox outbox;

    ThingService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void happen(UUID owner, UUID thing, int times) {
        for (int n = 1; n <= times; n++) {
            outbox.publish(owner, new ThingHappened(thing, n));
        }
    }

    @Transactional
    public void happenThenFail(UUID owner, UUID thing) {
        outbox.publish(owner, new ThingHappened(thing, 1));
        throw new IllegalStateException("the change fails after writing its event");
    }
}
