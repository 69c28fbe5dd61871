package dev.rapport.contacts.importing;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.rapport.contacts.events.ContactCreated;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class ImportResourceTest {

    private static final String CSV = "text/csv";
    private static final String VCARD = "text/vcard";

    @Inject
    DataSource dataSource;

    @Test
    void aCsvFileIsImportedRowByRowWithQuotedFields() {
        String tag = marker();
        String csv = "Full Name,Company,Job Title,E-mail,Mobile,Tags,Notes,Target Market,Ideal Client,Business,LinkedIn\r\n"
                + "\"Carter, Sam\",\"Carter \"\"& Co\"\" " + tag + "\",Founder,sam-" + tag + "@carter.example,+44 20 7946 0000,"
                + tag + ";accountant|bni,\"Met at BNI,\r\nwants referrals\",Small firms,A design studio,Bookkeeping,https://x\r\n"
                + "Jo Patel,Patel Design " + tag + ",,,," + tag + ",,,,,\r\n";

        Response imported = upload("alice", CSV, csv)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("created", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("rejected", equalTo(0))
                .body("ignoredColumns", contains("LinkedIn"))
                .body("rows.row", contains(1, 2))
                .body("rows.outcome", contains("CREATED", "CREATED"))
                .body("rows[0].reason", nullValue())
                .extract().response();

        as("alice").get("/contacts/" + imported.path("rows[0].contactId"))
                .then().statusCode(200)
                .body("name", equalTo("Carter, Sam"))
                .body("company", equalTo("Carter \"& Co\" " + tag))
                .body("role", equalTo("Founder"))
                .body("email", equalTo("sam-" + tag + "@carter.example"))
                .body("phone", equalTo("+44 20 7946 0000"))
                .body("tags", contains(tag, "accountant", "bni"))
                .body("notes", equalTo("Met at BNI,\r\nwants referrals"))
                .body("targetMarket", equalTo("Small firms"))
                .body("idealClient", equalTo("A design studio"))
                .body("business", equalTo("Bookkeeping"))
                .body("source", equalTo("BUSINESS_CARD"))
                .body("stage", equalTo("PROSPECT"));
        as("alice").get("/contacts/" + imported.path("rows[0].contactId") + "/stages")
                .then().statusCode(200).body("items.to", contains("PROSPECT"));
    }

    @Test
    void vCard3And4FilesAreImportedWithFoldedLinesAndEscapes() {
        String tag = marker();
        String vcards = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Carter\r\nN:Carter;Sam;;;\r\nORG:Carter & Co " + tag + ";Tax\r\n"
                + "TITLE:Founder\r\nEMAIL;TYPE=work:sam-" + tag + "@carter.example\r\nTEL;VALUE=uri:tel:+44-20-7946-0000\r\n"
                + "CATEGORIES:" + tag + ",bni\r\nNOTE:Met at BNI\\, 12 March\\nwants refe\r\n rrals\r\nURL:https://carter.example\r\n"
                + "END:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Zoë;;;\r\nFN:Zoë\r\n  Müller\r\nORG:Müller\\; Söhne " + tag + "\r\n"
                + "item1.EMAIL;type=INTERNET:zoe-" + tag + "@mueller.example\r\nCATEGORIES:" + tag + "\r\nEND:VCARD\r\n";

        Response imported = upload("alice", VCARD, vcards)
                .then().statusCode(201)
                .body("created", equalTo(2))
                .body("ignoredColumns", contains("URL"))
                .extract().response();

        as("alice").get("/contacts/" + imported.path("rows[0].contactId"))
                .then().statusCode(200)
                .body("name", equalTo("Sam Carter"))
                .body("company", equalTo("Carter & Co " + tag))
                .body("role", equalTo("Founder"))
                .body("phone", equalTo("+44-20-7946-0000"))
                .body("tags", contains(tag, "bni"))
                .body("notes", equalTo("Met at BNI, 12 March\nwants referrals"))
                .body("source", equalTo("BUSINESS_CARD"));
        as("alice").get("/contacts/" + imported.path("rows[1].contactId"))
                .then().statusCode(200)
                .body("name", equalTo("Zoë Müller"))
                .body("company", equalTo("Müller; Söhne " + tag))
                .body("email", equalTo("zoe-" + tag + "@mueller.example"));
    }

    @Test
    void malformedRowsAreRejectedWithTheReasonAndTheOthersImported() {
        String tag = marker();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(("Name,Email,Tags\n"
                + "Sam " + tag + ",sam-" + tag + "@carter.example," + tag + "\n"
                + ",nobody-" + tag + "@example.com," + tag + "\n"
                + "Jo Patel,not-an-email," + tag + "\n").getBytes(UTF_8));
        csv.writeBytes(new byte[] { 'Z', 'o', (byte) 0xEB, ',', 'z', '@', 'x', '.', 'y', ',' });
        csv.writeBytes((tag + "\n" + "Alex\u0000Moreno,," + tag + "\n"
                + "Kim Lee,kim-" + tag + "@lee.example," + tag + ";" + "x".repeat(51) + "\n"
                + "Ana " + tag + ",ana-" + tag + "@silva.example," + tag + "\n").getBytes(UTF_8));

        upload("alice", CSV, csv.toByteArray())
                .then().statusCode(201)
                .body("created", equalTo(2))
                .body("rejected", equalTo(5))
                .body("rows.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "CREATED"))
                .body("rows[1].reason", equalTo("name: must not be blank"))
                .body("rows[2].reason", equalTo("email: must be a well-formed email address"))
                .body("rows[3].reason", equalTo("not valid UTF-8"))
                .body("rows[4].reason", equalTo("name: must not contain NUL characters"))
                .body("rows[5].reason", equalTo("tags[1]: size must be between 0 and 50"))
                .body("rows[1].contactId", nullValue());

        assertThat(countTagged("alice", tag)).isEqualTo(2);
    }

    @Test
    void duplicatesWithinTheFileAndOfExistingContactsAreSkippedNamingWhatTheyDuplicate() {
        String tag = marker();
        String existing = as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Sam Carter\", \"company\": \"Carter " + tag + "\", \"email\": \"Sam-" + tag + "@Carter.example\"}")
                .post("/contacts").then().statusCode(201).extract().path("id");
        String csv = "Name,Company,Email,Tags\n"
                + "Samuel Carter,Other,sam-" + tag + "@CARTER.example," + tag + "\n"
                + " sam carter ,CARTER " + tag.toUpperCase() + ",," + tag + "\n"
                + "Jo Patel,Patel " + tag + ",jo-" + tag + "@patel.example," + tag + "\n"
                + "Joanna Patel,,JO-" + tag + "@patel.example," + tag + "\n"
                + "jo patel,patel " + tag + ",," + tag + "\n";

        Response imported = upload("alice", CSV, csv)
                .then().statusCode(201)
                .body("created", equalTo(1))
                .body("duplicates", equalTo(4))
                .body("rows.outcome", contains("DUPLICATE", "DUPLICATE", "CREATED", "DUPLICATE", "DUPLICATE"))
                .body("rows[0].contactId", equalTo(existing))
                .body("rows[0].duplicateOf", nullValue())
                .body("rows[0].reason", equalTo("the same email as an existing contact"))
                .body("rows[1].contactId", equalTo(existing))
                .body("rows[1].reason", equalTo("the same name and company as an existing contact"))
                .body("rows[3].duplicateOf", equalTo(3))
                .body("rows[3].reason", equalTo("the same email as row 3"))
                .body("rows[4].duplicateOf", equalTo(3))
                .body("rows[4].reason", equalTo("the same name and company as row 3"))
                .extract().response();
        assertThat(imported.<String>path("rows[3].contactId")).isEqualTo(imported.path("rows[2].contactId"));

        // Importing the same file again makes nothing: every row is now a duplicate (200, not 201).
        upload("alice", CSV, csv).then().statusCode(200).body("created", equalTo(0)).body("duplicates", equalTo(5));
        assertThat(countTagged("alice", tag)).isEqualTo(1);
    }

    @Test
    void duplicatesAreLookedForOnlyAmongTheCallersContacts() {
        String tag = marker();
        String csv = "Name,Company,Email,Tags\nSam Carter,Carter & Co " + tag + ",sam-" + tag + "@carter.example," + tag + "\n";
        String alices = upload("alice", CSV, csv).then().statusCode(201).extract().path("rows[0].contactId");

        String bobs = upload("bob", CSV, csv).then().statusCode(201)
                .body("created", equalTo(1)).body("duplicates", equalTo(0))
                .extract().path("rows[0].contactId");

        assertThat(bobs).isNotEqualTo(alices);
        as("bob").get("/contacts/" + bobs).then().statusCode(200);
        as("bob").get("/contacts/" + alices).then().statusCode(404);
        as("alice").get("/contacts/" + bobs).then().statusCode(404);
        assertThat(countTagged("alice", tag)).isEqualTo(1);
        assertThat(countTagged("bob", tag)).isEqualTo(1);
    }

    @Test
    void twoUploadsOfTheSameFileAtOnceCreateEachContactOnce() throws Exception {
        String tag = marker();
        StringBuilder csv = new StringBuilder("Name,Company,Tags\n");
        for (int i = 1; i <= 300; i++) {
            csv.append("Card ").append(i).append(",Company ").append(tag).append(',').append(tag).append('\n');
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = pool.submit(() -> upload("alice", CSV, csv.toString()));
            Future<Response> second = pool.submit(() -> upload("alice", CSV, csv.toString()));
            List<Integer> created = List.of(first.get().path("created"), second.get().path("created"));
            assertThat(created).containsExactlyInAnyOrder(300, 0);
        } finally {
            pool.shutdown();
        }
        assertThat(countTagged("alice", tag)).isEqualTo(300);
    }

    @Test
    void eachCreatedContactPublishesItsCreatedEvent() {
        String tag = marker();
        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.contacts-service.contacts.v1")) {
            Response imported = upload("alice", CSV, "Name,Tags\nSam " + tag + "," + tag + "\nJo " + tag + "," + tag + "\n,\nJo " + tag + "," + tag + "\n")
                    .then().statusCode(201).body("created", equalTo(2)).extract().response();
            List<UUID> created = List.of(UUID.fromString(imported.path("rows[0].contactId")),
                    UUID.fromString(imported.path("rows[1].contactId")));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    topic.poll(r -> created.stream().anyMatch(id -> TopicReader.withSubject(id).test(r)))).hasSize(2));
            List<ConsumerRecord<String, String>> events = topic.poll(
                    r -> created.stream().anyMatch(id -> TopicReader.withSubject(id).test(r)));
            assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsOnly(ContactCreated.TYPE);
            assertThat(events).extracting(r -> TopicReader.header(r, "ce_subject"))
                    .containsExactlyInAnyOrderElementsOf(created.stream().map(UUID::toString).toList());
            assertThat(events).allSatisfy(r -> assertThat(r.value()).contains("\"source\":\"BUSINESS_CARD\"", "\"stage\":\"PROSPECT\""));
        }
    }

    @Test
    void moreThan5000RowsAnswer413AndImportNothing() {
        String tag = marker();
        StringBuilder csv = new StringBuilder("Name,Tags\n");
        for (int i = 1; i <= 5001; i++) {
            csv.append("Card ").append(i).append(',').append(tag).append('\n');
        }

        upload("alice", CSV, csv.toString())
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/too-many-rows"))
                .body("detail", containsString("5001 rows; an import takes at most 5000"));
        assertThat(countTagged("alice", tag)).isZero();
    }

    @Test
    void aBodyOver8MiBAnswers413BeforeItIsRead() {
        byte[] tenMegabytes = new byte[10_000_000];
        Arrays.fill(tenMegabytes, (byte) 'x');
        System.arraycopy("Name\n".getBytes(UTF_8), 0, tenMegabytes, 0, 5);

        upload("alice", CSV, tenMegabytes)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/payload-too-large"))
                .body("detail", equalTo("The request body exceeds 8 MiB"));
    }

    @Test
    void otherContentTypesAndCharsetsAnswer415() {
        upload("alice", "text/plain", "Name\nSam\n").then().statusCode(415).contentType("application/problem+json");
        upload("alice", "application/json", "{\"name\": \"Sam\"}").then().statusCode(415).contentType("application/problem+json");
        upload("alice", "text/csv; charset=ISO-8859-1", "Name\nSam\n")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("The file is ISO-8859-1; send it as UTF-8 (charset=utf-8)"));
        String tag = marker();
        upload("alice", "text/csv; charset=utf-8", "Name,Tags\nSam " + tag + "," + tag + "\n").then().statusCode(201);
    }

    @Test
    void unreadableFilesAnswer400AndImportNothing() {
        String tag = marker();
        upload("alice", CSV, "Company,E-mail,Tags\nCarter & Co,sam@carter.example," + tag + "\n")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("the header has no name column; name one \"Name\", \"Full Name\""));
        upload("alice", CSV, "Name,Tags\nSam," + tag + "\nJo,\"" + tag + "\n").then().statusCode(400)
                .body("errors[0].message", equalTo("row 2 has a quoted field that is never closed"));
        upload("alice", VCARD, "BEGIN:VCARD\nVERSION:4.0\nFN:Sam\nCATEGORIES:" + tag + "\n").then().statusCode(400)
                .body("errors[0].message", equalTo("card 1 has no END:VCARD"));
        upload("alice", CSV, "").then().statusCode(400);
        assertThat(countTagged("alice", tag)).isZero();
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyReplaysTheReportAndCreatesNothingMore() {
        String tag = marker();
        String key = UUID.randomUUID().toString();
        String csv = "Name,Tags\nSam " + tag + "," + tag + "\nJo " + tag + "," + tag + "\n";

        Response first = upload("alice", CSV, csv, key).then().statusCode(201).extract().response();
        Response retry = upload("alice", CSV, csv, key).then().statusCode(201)
                .header("Idempotent-Replayed", "true").contentType(ContentType.JSON).extract().response();

        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(countTagged("alice", tag)).isEqualTo(2);
        upload("alice", CSV, csv + "Alex," + tag + "\n", key).then().statusCode(422);
    }

    @Test
    void aFailureOfTheWholeImportsNothing() throws SQLException {
        String tag = marker();
        // A database error at the third row, after two rows were inserted.
        execute("create function refuse_" + tag + "() returns trigger language plpgsql as $$ begin "
                + "if new.name = 'Explode' then raise exception 'refused by the test'; end if; return new; end $$");
        execute("create trigger refuse_" + tag + " before insert on contact for each row execute function refuse_" + tag + "()");
        try {
            upload("alice", CSV, "Name,Tags\nSam " + tag + "," + tag + "\nJo " + tag + "," + tag + "\nExplode," + tag + "\nAna " + tag + "," + tag + "\n")
                    .then().statusCode(500).contentType("application/problem+json");
        } finally {
            execute("drop trigger refuse_" + tag + " on contact");
            execute("drop function refuse_" + tag + "()");
        }
        assertThat(countTagged("alice", tag)).isZero();
        assertThat(count("select count(*) from outbox_event where payload::text like ?", "%" + tag + "%")).isZero();
    }

    /** 5,000 rows, the most an import takes: how long it takes, and that its report (~0.4 MB) is replayed whole. */
    @Test
    void fiveThousandRowsAreImportedAndTheirReportReplayed() {
        String tag = marker();
        StringBuilder csv = new StringBuilder("Name,Company,Email,Tags\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append("Card ").append(i).append(',').append("Company ").append(i).append(' ').append(tag).append(",card").append(i).append('-')
                    .append(tag).append("@example.com,").append(tag).append('\n');
        }
        String key = UUID.randomUUID().toString();

        long started = System.nanoTime();
        Response first = upload("alice", CSV, csv.toString(), key);
        long took = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Import of 5000 rows (%d bytes): %d ms, report %d bytes%n", csv.length(), took, first.asByteArray().length);
        first.then().statusCode(201).body("created", equalTo(5000)).body("rows", hasSize(5000));

        Response retry = upload("alice", CSV, csv.toString(), key).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().response();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(countTagged("alice", tag)).isEqualTo(5000);
        assertThat(count("select count(*) from outbox_event where type = ? and payload::text like ?",
                ContactCreated.TYPE, "%" + tag + "%")).isEqualTo(5000);
    }

    @Test
    void theImportIsDocumentedWithBothFormatsAndItsReport() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/contacts/import'.post.requestBody.content.keySet()", contains("text/csv", "text/vcard"))
                .body("paths.'/contacts/import'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ImportReport"))
                .body("paths.'/contacts/import'.post.responses.'413'.description", containsString("5,000 rows"))
                .body("components.schemas.ImportRowResult.properties.outcome", notNullValue());
    }

    private static String marker() {
        return "imp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static Response upload(String user, String contentType, String body) {
        return upload(user, contentType, body.getBytes(UTF_8));
    }

    private static Response upload(String user, String contentType, String body, String idempotencyKey) {
        return as(user).config(bytesAsSent()).header("Idempotency-Key", idempotencyKey).contentType(contentType)
                .body(body.getBytes(UTF_8)).post("/contacts/import");
    }

    private static Response upload(String user, String contentType, byte[] body) {
        return as(user).config(bytesAsSent()).contentType(contentType).body(body).post("/contacts/import");
    }

    /** REST Assured would otherwise add charset=ISO-8859-1 to a text/* Content-Type. */
    private static RestAssuredConfig bytesAsSent() {
        return RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    private long countTagged(String user, String tag) {
        return count("select count(*) from contact where owner_id = cast(? as uuid) and ? = any(tags)", Tokens.subjectOf(user), tag);
    }

    private long count(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
