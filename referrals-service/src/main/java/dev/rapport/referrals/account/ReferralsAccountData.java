package dev.rapport.referrals.account;

import static dev.rapport.platform.account.OwnedRows.byOwner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.account.AccountData;
import dev.rapport.platform.account.OwnedRows;
import dev.rapport.referrals.exchange.LinkService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What referrals-service keeps of an account: its ledger (entries and their notes included: the
 * append-only guard lets an account's erasure through), balances, summaries, invitations and
 * links. A linked member keeps their own referrals, unlinked first as by an unlink.
 */
@ApplicationScoped
class ReferralsAccountData implements AccountData {

    private static final String OWN_REFERRALS = "t.referral_id in (select id from referral where owner_id = :owner)";

    private final LinkService links;

    ReferralsAccountData(LinkService links) {
        this.links = links;
    }

    @Override
    public List<OwnedRows> ownedRows() {
        return List.of(new OwnedRows("referral_entry_note", OWN_REFERRALS), new OwnedRows("referral_entry", OWN_REFERRALS),
                byOwner("referral"), byOwner("referral_month"), byOwner("partner_balance_value"), byOwner("partner_balance"),
                byOwner("member_link"), byOwner("link_invitation"), byOwner("contact_replica"));
    }

    @Override
    public void beforeErase(UUID ownerId, Instant erasedAt) {
        links.unlinkAll(ownerId);
    }
}
