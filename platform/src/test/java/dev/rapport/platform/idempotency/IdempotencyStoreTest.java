package dev.rapport.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class IdempotencyStoreTest {

    @Inject
    IdempotencyStore store;

    private final UUID owner = UUID.randomUUID();

    @Test
    void aKeyIsClaimedOnceAndARepeatWhileTheFirstRunsIsInProgress() {
        assertThat(store.claim(owner, "k1", "hash-a")).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(owner, "k1", "hash-a")).isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.claim(owner, "k1", "hash-b")).isInstanceOf(IdempotencyStore.Mismatch.class);
    }

    @Test
    void anAnsweredKeyReplaysItsAnswerAndARefusedOneCanBeRetried() {
        var claimed = (IdempotencyStore.Claimed) store.claim(owner, "k2", "hash-a");
        store.complete(claimed, new IdempotencyStore.Answered(201, "application/json", "/things/1", "\"0\"", "{\"id\":1}"));
        assertThat(store.claim(owner, "k2", "hash-a"))
                .isEqualTo(new IdempotencyStore.Answered(201, "application/json", "/things/1", "\"0\"", "{\"id\":1}"));

        var failed = (IdempotencyStore.Claimed) store.claim(owner, "k3", "hash-a");
        store.release(failed);
        assertThat(store.claim(owner, "k3", "hash-a")).isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void keysBelongToTheirOwner() {
        assertThat(store.claim(owner, "k4", "hash-a")).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(UUID.randomUUID(), "k4", "hash-b")).isInstanceOf(IdempotencyStore.Claimed.class);
    }
}
