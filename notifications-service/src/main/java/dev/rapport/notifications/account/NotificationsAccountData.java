package dev.rapport.notifications.account;

import static dev.rapport.platform.account.OwnedRows.byOwner;

import java.util.List;

import dev.rapport.platform.account.AccountData;
import dev.rapport.platform.account.OwnedRows;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What notifications-service keeps of an account: its inbox and stream, settings, webhooks with
 * their deliveries and attempts, and the projections its rules read.
 */
@ApplicationScoped
class NotificationsAccountData implements AccountData {

    @Override
    public List<OwnedRows> ownedRows() {
        return List.of(new OwnedRows("webhook_attempt", "t.delivery_id in (select id from webhook_delivery where owner_id = :owner)"),
                byOwner("webhook_delivery"), byOwner("webhook_subscription"), byOwner("notification_stream"),
                byOwner("notification_stream_owner"), byOwner("notification"), byOwner("rule_subject"), byOwner("rule_setting"),
                byOwner("digest_setting"), byOwner("contact_activity"), byOwner("partner_ledger"),
                byOwner("referral_activity"), byOwner("one_to_one"), byOwner("introduction"), byOwner("event_attendee"),
                byOwner("networking_event"), byOwner("reservation_activity"));
    }
}
