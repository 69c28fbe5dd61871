package dev.rapport.referrals.summary;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.platform.http.ProblemException;
import dev.rapport.referrals.referral.Direction;
import dev.rapport.referrals.referral.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Period summaries: the owner's totals for a week, month, quarter, year or custom range, in their time zone. */
@ApplicationScoped
public class SummaryService {

    /** The longest custom range, in days (about ten years). */
    static final int MAX_CUSTOM_DAYS = 3660;
    static final int TOP_PARTNERS = 5;

    private final SummaryRepository summaries;
    private final Clock clock;

    SummaryService(SummaryRepository summaries, Clock clock) {
        this.summaries = summaries;
        this.clock = clock;
    }

    /** What a request asks for, checked by the resource's parsing. */
    public record Query(Period period, LocalDate date, LocalDate from, LocalDate to, String zone) {
    }

    @Transactional
    public PeriodSummaryResponse summarize(UUID ownerId, Query query) {
        ZoneId zone = zone(query.zone());
        LocalDate first;
        LocalDate after;
        if (query.period() == Period.CUSTOM) {
            if (query.from() == null || query.to() == null) {
                throw ProblemException.invalid(query.from() == null ? "from" : "to", "is required with period CUSTOM");
            }
            if (query.to().isBefore(query.from())) {
                throw ProblemException.invalid("to", "must not be before from");
            }
            if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_CUSTOM_DAYS) {
                throw ProblemException.invalid("to", "must be less than " + MAX_CUSTOM_DAYS + " days after from");
            }
            first = query.from();
            after = query.to().plusDays(1);
        } else {
            if (query.from() != null || query.to() != null) {
                throw ProblemException.invalid(query.from() != null ? "from" : "to", "is only for period CUSTOM (use date)");
            }
            LocalDate day = query.date() != null ? query.date() : LocalDate.ofInstant(clock.instant(), zone);
            first = query.period().firstDay(day);
            after = query.period().dayAfter(first);
        }
        // atStartOfDay(zone), not midnight: some zones' days start at 01:00 on a DST change.
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = after.atStartOfDay(zone).toInstant();
        List<SummaryRepository.PartnerCount> partners = summaries.perPartner(ownerId, start, end);
        List<SummaryRepository.Won> won = summaries.won(ownerId, start, end);
        List<TopPartner> top = partners.stream().filter(p -> !p.deleted()).limit(TOP_PARTNERS)
                .map(p -> new TopPartner(p.partnerId(), p.partnerName(), p.given(), p.received())).toList();
        return new PeriodSummaryResponse(query.period(), zone.getId(), first, after.minusDays(1), start, end,
                partners.stream().mapToLong(SummaryRepository.PartnerCount::given).sum(),
                partners.stream().mapToLong(SummaryRepository.PartnerCount::received).sum(),
                money(won, Direction.GIVEN), money(won, Direction.RECEIVED), summaries.newPartners(ownerId, start, end), top);
    }

    private static List<Money> money(List<SummaryRepository.Won> won, Direction direction) {
        return won.stream().filter(w -> w.direction() == direction).map(w -> Money.of(w.amount(), w.currency())).toList();
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
