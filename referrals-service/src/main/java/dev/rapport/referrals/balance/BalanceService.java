package dev.rapport.referrals.balance;

import java.math.RoundingMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reciprocity with each partner: referrals given and received, value won each way, and the balance. */
@ApplicationScoped
public class BalanceService {

    private final BalanceRepository balances;
    private final Clock clock;

    BalanceService(BalanceRepository balances, Clock clock) {
        this.balances = balances;
        this.clock = clock;
    }

    @Transactional
    public PartnerBalanceResponse ofPartner(UUID ownerId, UUID partnerId) {
        BalanceRow row = balances.ofPartner(ownerId, partnerId).orElseThrow(() -> ProblemException.notFound("partner contact", partnerId));
        return responses(ownerId, List.of(row)).get(0);
    }

    /** One page of balances; the cursor's kind follows the sort, so it is read here, not by PageRequest. */
    @Transactional
    public Page<PartnerBalanceResponse> list(UUID ownerId, String limit, String cursor, BalanceSort sort) {
        int size = PageRequest.of(limit, null).limit();
        List<BalanceRow> rows = switch (sort) {
            case RECENT -> balances.pageByRecent(ownerId, size, cursor == null ? null : Cursor.decode(cursor));
            case BALANCE_DESC, BALANCE_ASC -> balances.pageByBalance(ownerId, size,
                    cursor == null ? null : BalanceCursor.decode(cursor), sort == BalanceSort.BALANCE_DESC);
        };
        boolean more = rows.size() > size;
        List<BalanceRow> shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            BalanceRow last = shown.get(shown.size() - 1);
            next = sort == BalanceSort.RECENT ? new Cursor(last.lastAt(), last.partnerId()).encode()
                    : new BalanceCursor(last.given() - last.received(), last.partnerId()).encode();
        }
        return new Page<>(responses(ownerId, shown), next);
    }

    private List<PartnerBalanceResponse> responses(UUID ownerId, List<BalanceRow> rows) {
        Map<UUID, List<WonValueRow>> won = balances.wonValues(ownerId, rows.stream().map(BalanceRow::partnerId).toList())
                .stream().collect(Collectors.groupingBy(WonValueRow::partnerId));
        Instant now = clock.instant();
        return rows.stream().map(row -> {
            List<WonValueRow> values = won.getOrDefault(row.partnerId(), List.of());
            return new PartnerBalanceResponse(row.partnerId(), row.partnerName(), row.given(), row.received(),
                    row.given() - row.received(), row.openGiven(), row.openReceived(),
                    money(values, Direction.GIVEN), money(values, Direction.RECEIVED),
                    row.lastGivenAt(), row.lastReceivedAt(), daysSince(row.lastGivenAt(), now), daysSince(row.lastReceivedAt(), now),
                    reciprocity(row.given(), row.received()));
        }).toList();
    }

    private static List<Money> money(List<WonValueRow> values, Direction direction) {
        return values.stream().filter(v -> v.direction() == direction).map(v -> Money.of(v.amount(), v.currency())).toList();
    }

    private static Long daysSince(Instant at, Instant now) {
        return at == null ? null : Math.max(0, Duration.between(at, now).toDays());
    }

    static Double reciprocity(long given, long received) {
        if (given == 0) {
            return null;
        }
        return BigDecimal.valueOf(received).divide(BigDecimal.valueOf(given), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
