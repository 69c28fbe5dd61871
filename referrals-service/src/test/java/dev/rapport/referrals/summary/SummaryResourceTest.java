package dev.rapport.referrals.summary;

import static dev.rapport.referrals.Ledger.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.rapport.referrals.ContactFeed;
import dev.rapport.referrals.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class SummaryResourceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    ContactFeed contacts;

    // Each run works in a random past year, so that runs against the same database do not meet;
    // the counts are compared before and after, the other figures taken from days only this run uses.
    private final int year = ThreadLocalRandom.current().nextInt(1971, 2020);

    @Test
    void periodsAreCountedInTheCallersTimeZone() {
        UUID partner = contacts.contactOf("alice", "New Year Partner");
        // 23:30 on 31 December in New York is already the next year in UTC.
        LocalDateTime newYearsEve = LocalDateTime.of(year, 12, 31, 23, 30);
        Map<String, JsonPath> before = figures();
        Ledger.record("alice", "GIVEN", partner, newYearsEve.atZone(NEW_YORK).toInstant());
        Ledger.record("alice", "RECEIVED", partner, newYearsEve.plusHours(1).atZone(NEW_YORK).toInstant());
        Map<String, JsonPath> after = figures();

        assertDelta(before, after, "YEAR " + year + " New_York", 1, 0, 1);
        assertDelta(before, after, "YEAR " + (year + 1) + " New_York", 0, 1, 0);
        assertDelta(before, after, "QUARTER " + year + "-12-01 New_York", 1, 0, 1);
        assertDelta(before, after, "MONTH " + year + "-12-01 New_York", 1, 0, 1);
        assertDelta(before, after, "YEAR " + year + " UTC", 0, 0, 0);
        assertDelta(before, after, "YEAR " + (year + 1) + " UTC", 1, 1, 1);

        JsonPath quarter = after.get("QUARTER " + year + "-12-01 New_York");
        assertThat(quarter.getString("from")).isEqualTo(year + "-10-01");
        assertThat(quarter.getString("to")).isEqualTo(year + "-12-31");
        assertThat(quarter.getString("start")).isEqualTo(LocalDate.of(year, 10, 1).atStartOfDay(NEW_YORK).toInstant().toString());
        assertThat(quarter.getString("end")).isEqualTo(LocalDate.of(year + 1, 1, 1).atStartOfDay(NEW_YORK).toInstant().toString());
        assertThat(quarter.getString("zone")).isEqualTo("America/New_York");
    }

    @Test
    void aWeekRunsMondayToSundayInTheZone() {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7, 350));
        JsonPath week = summary("period", "WEEK", "date", day.toString(), "zone", "Asia/Tokyo");
        LocalDate monday = LocalDate.parse(week.getString("from"));
        assertThat(monday.getDayOfWeek()).hasToString("MONDAY");
        assertThat(monday).isBetween(day.minusDays(6), day);
        assertThat(week.getString("to")).isEqualTo(monday.plusDays(6).toString());
        assertThat(week.getString("start")).isEqualTo(monday.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toString());
    }

    @Test
    void wonValueNewPartnersAndTopPartnersOfACustomRange() {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1, 360));
        UUID top = contacts.contactOf("alice", "Top Partner");
        UUID second = contacts.contactOf("alice", "Second Partner");
        // 23:00 in New York: the next day in UTC.
        var lateEvening = day.atTime(23, 0).atZone(NEW_YORK).toInstant();
        for (int i = 0; i < 3; i++) {
            Ledger.record("alice", "RECEIVED", top, lateEvening);
        }
        Ledger.won("alice", Ledger.record("alice", "GIVEN", top, lateEvening), "100", "EUR", lateEvening);
        Ledger.won("alice", Ledger.record("alice", "RECEIVED", second, lateEvening), "20.50", "USD", lateEvening);
        Ledger.won("alice", Ledger.record("alice", "RECEIVED", second, lateEvening), "4.50", "USD", lateEvening);
        String reversed = Ledger.won("alice", Ledger.record("alice", "RECEIVED", second, lateEvening), "1000", "USD", lateEvening);
        Ledger.reverse("alice", reversed);

        JsonPath inNewYork = summary("period", "CUSTOM", "from", day.toString(), "to", day.toString(), "zone", "America/New_York");
        assertThat(inNewYork.getInt("given")).isEqualTo(1);
        assertThat(inNewYork.getInt("received")).isEqualTo(6);
        assertThat(inNewYork.getList("wonGiven")).isEqualTo(List.of(Map.of("amount", "100.00", "currency", "EUR")));
        assertThat(inNewYork.getList("wonReceived")).isEqualTo(List.of(Map.of("amount", "25.00", "currency", "USD")));
        assertThat(inNewYork.getInt("newPartners")).isEqualTo(2);
        assertThat(inNewYork.getList("topPartners.partnerId")).containsExactly(top.toString(), second.toString());
        assertThat(inNewYork.getList("topPartners.partnerName")).containsExactly("Top Partner", "Second Partner");
        assertThat(inNewYork.getList("topPartners.given")).containsExactly(1, 0);
        assertThat(inNewYork.getList("topPartners.received")).containsExactly(3, 3);

        JsonPath sameDayInUtc = summary("period", "CUSTOM", "from", day.toString(), "to", day.toString());
        assertThat(sameDayInUtc.getInt("given") + sameDayInUtc.getInt("received")).isZero();
        assertThat(sameDayInUtc.getList("wonReceived")).isEmpty();
        assertThat(summary("period", "CUSTOM", "from", day.plusDays(1).toString(), "to", day.plusDays(1).toString())
                .getInt("received")).isEqualTo(6);

        as("bob").queryParams(Map.of("period", "CUSTOM", "from", day.toString(), "to", day.toString(), "zone", "America/New_York"))
                .get("/referrals/summary").then().statusCode(200).body("given", equalTo(0)).body("received", equalTo(0))
                .body("newPartners", equalTo(0));
    }

    @Test
    void aRangeCountsItsWholeMonthsAndItsEdgesExactly() {
        UUID partner = contacts.contactOf("alice", "Spring Partner");
        Instant march10 = LocalDateTime.of(year, 3, 10, 12, 0).toInstant(ZoneOffset.UTC);
        Instant april15 = LocalDateTime.of(year, 4, 15, 12, 0).toInstant(ZoneOffset.UTC);
        Instant may31 = LocalDateTime.of(year, 5, 31, 23, 59).toInstant(ZoneOffset.UTC);
        Instant june1 = LocalDateTime.of(year, 6, 1, 0, 0).toInstant(ZoneOffset.UTC);
        String[][] ranges = { { "03-05", "06-01" }, { "03-11", "05-30" }, { "04-01", "04-30" }, { "03-10", "03-10" },
                { "05-31", "06-01" }, { "04-02", "05-31" } };
        Map<String, Integer> before = new java.util.HashMap<>();
        for (String[] range : ranges) {
            before.put(range[0] + ".." + range[1], customGiven(range[0], range[1]));
        }
        for (Instant at : List.of(march10, april15, may31, june1)) {
            Ledger.record("alice", "GIVEN", partner, at);
        }
        int[] expected = { 4, 1, 1, 1, 2, 2 };
        for (int i = 0; i < ranges.length; i++) {
            String key = ranges[i][0] + ".." + ranges[i][1];
            assertThat(customGiven(ranges[i][0], ranges[i][1]) - before.get(key)).as(key).isEqualTo(expected[i]);
        }
    }

    private int customGiven(String from, String to) {
        return summary("period", "CUSTOM", "from", year + "-" + from, "to", year + "-" + to).getInt("given");
    }

    @Test
    void badParametersAnswer400NamingThem() {
        String[][] cases = {
                { "period=DAY", "period" },
                { "period=MONTH&zone=Mars/Olympus_Mons", "zone" },
                { "period=MONTH&date=2026-02-30", "date" },
                { "period=MONTH&date=yesterday", "date" },
                { "period=CUSTOM&to=2026-01-01", "from" },
                { "period=CUSTOM&from=2026-01-01", "to" },
                { "period=CUSTOM&from=2026-02-01&to=2026-01-01", "to" },
                { "period=CUSTOM&from=2000-01-01&to=2026-01-01", "to" },
                { "period=CUSTOM&from=2026-01-01&to=2026-01-02&date=2026-01-01", "date" },
                { "period=YEAR&from=2026-01-01", "from" } };
        for (String[] bad : cases) {
            as("alice").get("/referrals/summary?" + bad[0])
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
        given().get("/referrals/summary").then().statusCode(401);
        as("alice").get("/referrals/summary").then().statusCode(200).body("period", equalTo("MONTH")).body("zone", equalTo("UTC"));
    }

    private Map<String, JsonPath> figures() {
        return Map.of(
                "YEAR " + year + " New_York", summary("period", "YEAR", "date", year + "-06-01", "zone", "America/New_York"),
                "YEAR " + (year + 1) + " New_York", summary("period", "YEAR", "date", (year + 1) + "-06-01", "zone", "America/New_York"),
                "QUARTER " + year + "-12-01 New_York", summary("period", "QUARTER", "date", year + "-12-01", "zone", "America/New_York"),
                "MONTH " + year + "-12-01 New_York", summary("period", "MONTH", "date", year + "-12-01", "zone", "America/New_York"),
                "YEAR " + year + " UTC", summary("period", "YEAR", "date", year + "-06-01"),
                "YEAR " + (year + 1) + " UTC", summary("period", "YEAR", "date", (year + 1) + "-06-01", "zone", ZoneOffset.UTC.getId()));
    }

    private static void assertDelta(Map<String, JsonPath> before, Map<String, JsonPath> after, String key, int given, int received,
            int newPartners) {
        assertThat(after.get(key).getInt("given") - before.get(key).getInt("given")).as("given, " + key).isEqualTo(given);
        assertThat(after.get(key).getInt("received") - before.get(key).getInt("received")).as("received, " + key).isEqualTo(received);
        assertThat(after.get(key).getInt("newPartners") - before.get(key).getInt("newPartners")).as("new partners, " + key)
                .isEqualTo(newPartners);
    }

    private static JsonPath summary(String... parameters) {
        var request = as("alice");
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/referrals/summary").then().statusCode(200).extract().jsonPath();
    }
}
