package dev.rapport.referrals.exchange;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.inbox.IdempotentConsumer;
import dev.rapport.platform.inbox.InboundEvent;
import dev.rapport.platform.inbox.MalformedEventException;
import dev.rapport.referrals.events.ReferralGiven;
import dev.rapport.referrals.events.ReferralStatusChanged;
import dev.rapport.referrals.events.ReferralThanked;
import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.Money;
import dev.rapport.referrals.referral.SharedReferrals;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The exchange between linked members travels as this service's own events: a referral given
 * to a linked member ({@code given}) is copied into their ledger, and what the receiver does to
 * their copy ({@code status-changed}, {@code thanked}) is followed by the giver's. Each event is
 * applied once (by its id), and a shared referral's copy is made once (by the referral).
 */
@ApplicationScoped
public class ExchangeConsumer {

    static final String CONSUMER = "referrals-service.exchange";

    private final IdempotentConsumer consumer;
    private final LinkService links;
    private final SharedReferrals sharedReferrals;
    private final ObjectMapper mapper;

    ExchangeConsumer(IdempotentConsumer consumer, LinkService links, SharedReferrals sharedReferrals, ObjectMapper mapper) {
        this.consumer = consumer;
        this.links = links;
        this.sharedReferrals = sharedReferrals;
        this.mapper = mapper;
    }

    @Incoming("referrals")
    @Blocking
    public void consume(List<ConsumerRecord<String, String>> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        consumer.applyAll(CONSUMER, batch, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case ReferralGiven.TYPE -> {
                ReferralGiven given = read(event, ReferralGiven.class);
                require(event, given.referralId() != null && given.partnerId() != null);
                links.receiverOf(event.ownerId(), given.partnerId())
                        .ifPresent(receiver -> sharedReferrals.share(event.ownerId(), given.referralId(), receiver));
            }
            case ReferralStatusChanged.TYPE -> {
                ReferralStatusChanged changed = read(event, ReferralStatusChanged.class);
                require(event, changed.referralId() != null && changed.to() != null && changed.at() != null);
                if (changed.direction() == Direction.RECEIVED) {
                    if (changed.reversal()) {
                        sharedReferrals.followReversal(event.ownerId(), changed.referralId());
                    } else {
                        Money value = changed.value() == null ? null : Money.of(changed.value().decimal(), changed.value().currency());
                        sharedReferrals.followStatus(event.ownerId(), changed.referralId(), changed.to(), value, changed.at());
                    }
                }
            }
            case ReferralThanked.TYPE -> {
                ReferralThanked thanked = read(event, ReferralThanked.class);
                require(event, thanked.referralId() != null);
                if (thanked.direction() == Direction.RECEIVED) {
                    sharedReferrals.followThanks(event.ownerId(), thanked.referralId());
                }
            }
            default -> Log.debugf("Skipping event %s of type %s: the exchange does not use it", event.id(), event.type());
        }
    }

    private <T> T read(InboundEvent event, Class<T> type) {
        T data = event.dataAs(type, mapper);
        require(event, data != null);
        return data;
    }

    private static void require(InboundEvent event, boolean wellFormed) {
        if (!wellFormed) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " lacks a field the exchange needs");
        }
    }
}
