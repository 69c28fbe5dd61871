package dev.rapport.referrals.balance;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reciprocity with each partner: referrals given and received, and the balance of the two. */
@ApplicationScoped
public class BalanceService {

    private final BalanceRepository balances;

    BalanceService(BalanceRepository balances) {
        this.balances = balances;
    }

    @Transactional
    public PartnerBalanceResponse ofPartner(UUID ownerId, UUID partnerId) {
        return balances.ofPartner(ownerId, partnerId).orElseThrow(() -> ProblemException.notFound("partner contact", partnerId));
    }

    @Transactional
    public Page<PartnerBalanceResponse> list(UUID ownerId, PageRequest page) {
        return Page.of(balances.page(ownerId, page), page, b -> new Cursor(lastReferralAt(b), b.partnerId()), b -> b);
    }

    /** The sort key of the list; every listed partner has at least one referral, so one of the two is set. */
    private static Instant lastReferralAt(PartnerBalanceResponse balance) {
        if (balance.lastGivenAt() == null) {
            return balance.lastReceivedAt();
        }
        if (balance.lastReceivedAt() == null) {
            return balance.lastGivenAt();
        }
        return balance.lastGivenAt().isAfter(balance.lastReceivedAt()) ? balance.lastGivenAt() : balance.lastReceivedAt();
    }
}
