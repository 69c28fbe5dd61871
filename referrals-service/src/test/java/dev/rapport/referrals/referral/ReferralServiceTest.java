package dev.rapport.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import dev.rapport.referrals.ContactFeed;
import dev.rapport.referrals.events.ReferralReceived;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ReferralServiceTest {

    @Inject
    ReferralService referrals;
    @Inject
    ContactFeed contacts;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    @Test
    void recordingAReferralWritesItsFirstLedgerEntryAndItsEventInOneTransaction() {
        UUID owner = UUID.fromString(Tokens.subjectOf("alice"));
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        Instant occurredAt = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);

        UUID id = referrals.create(owner, new ReferralRequest(Direction.RECEIVED, partner, null, "Jo Patel", null, null, null, null, null, null, occurredAt, "private"))
                .referral().id();

        List<Object[]> entries = rows("""
                select seq, status, value_amount, value_currency, at from referral_entry where referral_id = ?1""", id);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsExactly(1, "OPEN", null, null, occurredAt);
        List<Object[]> events = rows("select type, owner_id, cast(payload as text) from outbox_event where subject = ?1", id.toString());
        assertThat(events).hasSize(1);
        assertThat(events.get(0)[0]).isEqualTo(ReferralReceived.TYPE);
        assertThat(events.get(0)[1]).isEqualTo(owner);
        assertThat((String) events.get(0)[2]).contains("\"partnerId\":\"" + partner + "\"").doesNotContain("private");
    }

    @Test
    void theLedgerRefusesToChangeOrRemoveAnEntry() {
        UUID owner = UUID.fromString(Tokens.subjectOf("alice"));
        UUID partner = contacts.contactOf("alice", "Sam Carter");
        UUID id = referrals.create(owner, new ReferralRequest(Direction.GIVEN, partner, null, "Jo Patel", null, null, null, null, null, null, clock.instant(), null))
                .referral().id();

        for (String change : List.of("update referral_entry set status = 'WON' where referral_id = ?1",
                "delete from referral_entry where referral_id = ?1")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    entityManager.createNativeQuery(change).setParameter(1, id).executeUpdate()))
                    .hasStackTraceContaining("referral_entry is append-only");
        }
        assertThat(rows("select status from referral_entry where referral_id = ?1", id)).hasSize(1);
    }

    @Test
    void theLedgerRefusesTruncation() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("truncate referral_entry cascade").executeUpdate()))
                .hasStackTraceContaining("referral_entry is append-only");
    }

    /**
     * The other half of the proof: no code of the service holds an UPDATE or DELETE of the
     * ledger, and its entries are no JPA entity that a flush could write back. Only erasure's
     * deletion of notes, kept beside the ledger, touches a table named after it.
     */
    @Test
    void noCodePathChangesOrRemovesALedgerEntry() throws IOException {
        Pattern change = Pattern.compile("(?is)(update\\s+referral_entry\\b|delete\\s+from\\s+referral_entry\\b|truncate\\s+referral_entry\\b)");
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            List<Path> files = sources.filter(Files::isRegularFile).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                String text = Files.readString(file);
                if (file.toString().contains("db/migration")) {
                    // the migrations' only mention is the trigger that refuses these statements
                    continue;
                }
                assertThat(change.matcher(text).find()).as("%s changes referral_entry", file).isFalse();
            }
        }
        assertThat(ReferralEntry.class.isAnnotationPresent(jakarta.persistence.Entity.class)).isFalse();
        assertThat(ReferralEntry.class.isRecord()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery(sql).setParameter(1, parameter).getResultList());
    }
}
