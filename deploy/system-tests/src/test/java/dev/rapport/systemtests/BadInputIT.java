package dev.rapport.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;

import dev.rapport.systemtests.BadInputs.BadInput;
import dev.rapport.systemtests.OpenApiDocument.Operation;
import dev.rapport.systemtests.OpenApiDocument.Parameter;

/**
 * No input, however hostile, breaks the API's contract: for every operation of the four
 * services' own OpenAPI documents, every parameter and body member gets values of the wrong
 * type, out of range, malformed, with NUL characters and lone surrogates, and whole bodies
 * that are not the JSON asked for (see {@link BadInputs}), alone and a few at a time, more than
 * 10,000 requests in all from a fixed seed. No answer is a 5xx; every 4xx is an RFC 9457
 * {@code application/problem+json} with {@code type}, {@code title} and {@code status}; no
 * input the documents forbid is accepted; and the users' rows in every service's database
 * are as many afterwards as before. Each operation's valid request, from which the bad ones are
 * made, is shown to be accepted first.
 *
 * <p>
 * It needs the deployment to itself: other tests' requests as alice, bob or admin while it runs
 * would show as rows changed.
 */
@Tag(Deployment.SINGLE_INSTANCE)
class BadInputIT {

    private static final List<String> SERVICES = List.of("contacts-service", "meetings-service", "referrals-service",
            "notifications-service");
    private static final List<String> DATABASES = List.of("contacts", "meetings", "referrals", "notifications");
    private static final List<String> USERS = List.of("alice", "bob", "admin");
    private static final long SEED = 20_261_201L;
    private static final int THREADS = 8;
    /** Random combinations of two or three bad inputs sent together, per single bad input of an operation. */
    private static final int COMBINATIONS_PER_INPUT = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one request sends: an operation's valid request as one user, with bad inputs applied. */
    private record Probe(Operation operation, String user, List<BadInput> inputs) {

        boolean forbidden() {
            return inputs.stream().anyMatch(BadInput::forbidden);
        }

        String kind() {
            return inputs.size() == 1 ? inputs.get(0).kind() : "several bad inputs at once";
        }

        String description() {
            return inputs.stream().map(BadInput::description).collect(Collectors.joining(" + "));
        }
    }

    private record Outcome(Probe probe, RawHttp.Reply reply) {
    }

    private record Violation(String verdict, String kind, String example) {
    }

    /** A record made on purpose, deleted at the end when the API can delete it. */
    private record Made(String user, String service, String path) {
    }

    private final RawHttp http = new RawHttp(Deployment.EDGE);
    private final Random random = new Random(SEED);
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, UUID> owners = new HashMap<>();
    private final Map<String, Baseline> baselines = new HashMap<>();
    /** The ids each operation's path names, by user and operation. */
    private final Map<String, Map<String, String>> pathIds = new HashMap<>();
    private final Map<String, JsonNode> ruleSettings = new HashMap<>();
    /** Ids of records no API can make (notifications): they name nothing. */
    private final Set<String> unmakeable = new HashSet<>();
    private final List<Made> made = Collections.synchronizedList(new ArrayList<>());
    private List<Operation> operations;
    private List<Outcome> outcomes = List.of();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();

    @Test
    void noInputAnswers5xxOrAnythingButAProblemAndNothingForbiddenIsAcceptedOrChanged() throws Exception {
        for (String service : SERVICES) {
            awaitReady(service);
        }
        operations = new ArrayList<>();
        for (String service : SERVICES) {
            operations.addAll(OpenApiDocument.of(service, http).operations());
        }
        for (String user : USERS) {
            tokens.put(user, Deployment.newToken(user));
            owners.put(user, owner(tokens.get(user)));
        }
        HttpServer sink = webhookSink();
        try {
            Instant setUp = Instant.now();
            List<Violation> violations = new ArrayList<>();
            prepareBaselines(sink);
            violations.addAll(validRequestsRefused());
            for (String user : USERS) {
                for (Operation operation : operations) {
                    pathIds.put(user + " " + operation, makePathRecords(user, operation));
                }
            }
            Map<String, Long> before = settledRowCounts();
            System.out.printf("Bad-input suite: set up in %d s, %d records made%n", Duration.between(setUp, Instant.now()).toSeconds(),
                    made.size());

            List<Probe> probes = probes();
            Instant started = Instant.now();
            outcomes = send(probes);
            Duration took = Duration.between(started, Instant.now());

            Map<String, Long> after = settledRowCounts();
            outcomes.forEach(outcome -> violations.addAll(judge(outcome)));
            violations.addAll(changedRows(before, after));
            System.out.println(summary(outcomes, took));
            if (!violations.isEmpty()) {
                Path all = Path.of("target", "bad-input-violations.txt");
                Files.createDirectories(all.getParent());
                Files.write(all, violations.stream().map(v -> v.verdict() + " | " + v.kind() + " | " + v.example()).toList(), UTF_8);
                fail(report(violations, all));
            }
        } finally {
            cleanUp();
            sink.stop(0);
        }
    }

    // ---- the valid requests, and the records they name

    /** Per user: their rule settings (to restore at the end), and a contact for the ids bodies carry. */
    private void prepareBaselines(HttpServer sink) throws Exception {
        String past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hooks";
        Map<String, JsonNode> overrides = Map.of(
                "url", TextNode.valueOf(sinkUrl), // the documented example URL is not reachable here
                // A contact is introduced by the user's contact (introducedBy), so not met at an event.
                "source", TextNode.valueOf("INTRODUCED"),
                "metAtEventId", NullNode.getInstance(),
                "metAtEventName", NullNode.getInstance(),
                // A one-to-one that keeps the two-stage rule: the override and its reason come together.
                "overrideTwoStageRule", NullNode.getInstance(),
                "overrideReason", NullNode.getInstance(),
                // A referral's referred person is named, not the partner (the one contact the baseline has).
                "referredContactId", NullNode.getInstance(),
                // Accepting an invitation to link needs a code that waits.
                "code", TextNode.valueOf(linkCodeOfAnotherMember()));
        for (String user : USERS) {
            ruleSettings.put(user, JSON.readTree(sendPatiently("notifications-service", user, new Draft("GET", "/settings/rules")).body()));
            baselines.put(user, new Baseline(null, past, overrides));
            String contact = make(user, "/contacts", Map.of());
            baselines.put(user, new Baseline(contact, past, overrides));
        }
    }

    /**
     * Each operation's valid request, sent once on records of its own, is accepted (404 where
     * its path names a record no API can make): else a refusal of a bad input built from it
     * would prove nothing about that input.
     */
    private List<Violation> validRequestsRefused() throws Exception {
        List<Violation> refused = new ArrayList<>();
        for (Operation operation : operations) {
            // The administration API is for the role admin; everything else is tried as alice.
            String user = operation.path().startsWith("/admin/") ? "admin" : USERS.get(0);
            Map<String, String> ids = makePathRecords(user, operation);
            RawHttp.Reply reply = sendPatiently(operation.service(), user, baselines.get(user).request(operation, ids));
            remember(user, operation, reply);
            if (operation.method().equals("POST") && operation.path().equals("/links") && reply.status() == 201) {
                // Linked through the baseline contact, every referral given to it would be shared, and followed.
                sendPatiently(operation.service(), user, new Draft("DELETE", "/links/" + JSON.readTree(reply.body()).path("id").asText()));
            }
            boolean accepted = reply.status() >= 200 && reply.status() < 300
                    || reply.status() == 404 && ids.values().stream().anyMatch(unmakeable::contains);
            if (!accepted) {
                refused.add(new Violation("valid request not accepted", operation.toString(),
                        operation + " (as " + user + ") → " + reply.status() + " " + excerpt(reply)));
            }
        }
        return refused;
    }

    /**
     * New records for the ids in the operation's path, one for each: so that one operation
     * wrongly accepting a bad input (a cancel, a delete) leaves the others' records as they were.
     */
    private Map<String, String> makePathRecords(String user, Operation operation) throws Exception {
        List<Parameter> inPath = new ArrayList<>(operation.parameters("path"));
        inPath.sort(Comparator.comparingInt(p -> operation.path().indexOf("{" + p.name() + "}")));
        Map<String, String> ids = new LinkedHashMap<>();
        for (Parameter parameter : inPath) {
            String collection = operation.path().substring(0, operation.path().indexOf("{" + parameter.name() + "}") - 1);
            ids.put(parameter.name(), make(user, collection, ids));
        }
        bringToState(user, operation, ids);
        return ids;
    }

    /**
     * Moves a new record to the state its operation's valid request needs: a one-to-one is made
     * INVITED (its documented example), so it is accepted before it is scheduled, and scheduled
     * before it is held; someone met at an event is added before being removed.
     */
    private void bringToState(String user, Operation operation, Map<String, String> ids) throws Exception {
        List<Draft> steps = new ArrayList<>();
        String meeting = "/one-to-ones/" + ids.get("id");
        switch (operation.path()) {
            case "/one-to-ones/{id}/schedule" -> steps.add(new Draft("POST", meeting + "/accept"));
            case "/one-to-ones/{id}/held" -> {
                steps.add(new Draft("POST", meeting + "/accept"));
                Draft schedule = new Draft("POST", meeting + "/schedule");
                schedule.headers.put("Content-Type", "application/json");
                schedule.body = JSON.createObjectNode().put("scheduledFor", Instant.now().minus(Duration.ofHours(2)).toString());
                steps.add(schedule);
            }
            // A referral is made OPEN: a status change or reversal needs one to have happened; a
            // thank-you needs a referral received and won, made here in its place.
            case "/referrals/{id}/status", "/referrals/{id}/reversal" ->
                    steps.add(status("/referrals/" + ids.get("id"), "CONTACTED", baselines.get(user).past));
            case "/referrals/{id}/thanks" -> {
                Operation post = operations.stream().filter(o -> o.method().equals("POST") && o.path().equals("/referrals"))
                        .findFirst().orElseThrow();
                Draft received = baselines.get(user).request(post, ids);
                ((ObjectNode) received.body).put("direction", "RECEIVED");
                RawHttp.Reply made = sendPatiently(post.service(), user, received);
                if (made.status() != 201) {
                    throw new IllegalStateException("a referral received answered " + made.status() + ": " + made.text());
                }
                ids.put("id", JSON.readTree(made.body()).path("id").asText());
                String referral = "/referrals/" + ids.get("id");
                steps.add(status(referral, "CONTACTED", baselines.get(user).past));
                Draft won = status(referral, "WON", baselines.get(user).past);
                ((ObjectNode) won.body).putObject("value").put("amount", "100.00").put("currency", "EUR");
                steps.add(won);
            }
            case "/networking-events/{id}/attendees/{contactId}" -> {
                if (operation.method().equals("DELETE")) {
                    steps.add(new Draft("PUT", "/networking-events/" + ids.get("id") + "/attendees/" + ids.get("contactId")));
                }
            }
            default -> {
            }
        }
        for (Draft step : steps) {
            RawHttp.Reply reply = sendPatiently(operation.service(), user, step);
            if (reply.status() >= 300) {
                throw new IllegalStateException(step.method + " " + step.path + " answered " + reply.status() + ": " + reply.text());
            }
        }
    }

    /** A referral's move to {@code to} at {@code at}: the baseline's time, so that later moves at it stay in order. */
    private static Draft status(String referral, String to, String at) {
        Draft change = new Draft("POST", referral + "/status");
        change.headers.put("Content-Type", "application/json");
        change.body = JSON.createObjectNode().put("to", to).put("at", at);
        return change;
    }

    /** The id of a new record in {@code collection}, made through the API as {@code user}. */
    private String make(String user, String collection, Map<String, String> ids) throws Exception {
        if (collection.equals("/partners") || collection.endsWith("/attendees")) {
            return make(user, "/contacts", ids); // a partner, or someone met at an event, is one of the user's contacts
        }
        if (collection.equals("/links")) {
            return memberLink(user, ids);
        }
        if (collection.equals("/contacts")) {
            String contact = makeWithPost(user, collection, ids);
            awaitReplicas(contact);
            return contact;
        }
        return makeWithPost(user, collection, ids);
    }

    /**
     * Waits until the other services' replicas hold the contact: a valid request naming it
     * (a partner's balance) is answered 404 until then, which is no refusal of the request.
     */
    private static void awaitReplicas(String contact) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        for (String database : List.of("meetings", "referrals")) {
            while (Operator.column(database, "select contact_id::text from contact_replica where contact_id = ?::uuid", contact).isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the " + database + " replica never learnt of contact " + contact);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The id of a new record in {@code collection}, made with the collection's POST (if any). */
    private String makeWithPost(String user, String collection, Map<String, String> ids) throws Exception {
        if (collection.equals("/webhooks/{id}/deliveries")) {
            return delivery(user, ids.get("id"));
        }
        Operation post = operations.stream().filter(o -> o.method().equals("POST") && o.path().equals(collection)).findFirst().orElse(null);
        if (post == null) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString(); // notifications: no API makes one
            unmakeable.add(id);
            return id;
        }
        // A nested collection (/contacts/{id}/reservations) needs the ids made before it.
        Draft draft = baselines.get(user).request(post, ids);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            RawHttp.Reply reply = sendPatiently(post.service(), user, draft);
            if (reply.status() == 201) {
                JsonNode answer = JSON.readTree(reply.body());
                // A connection is named by the other contact's id: the pair is the record.
                String id = answer.has("id") ? answer.path("id").asText() : answer.path("contactId").asText();
                made.add(new Made(user, post.service(), filled(collection, ids) + "/" + id));
                return id;
            }
            // 422: the service has not yet learnt of the contact the body names, from its event.
            if (reply.status() != 422 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the valid request " + post + " answered " + reply.status() + ": " + reply.text());
            }
            Thread.sleep(200);
        }
    }

    /**
     * A link of the user's with a member of Rapport who is none of the suite's users, written in
     * referrals-service's database: through the API two members link only once, when the other
     * accepts, and the suite needs a link per operation and user.
     */
    private String memberLink(String user, Map<String, String> ids) throws Exception {
        String contact = make(user, "/contacts", ids);
        String owner = owners.get(user).toString();
        String id = Operator.column("referrals", """
                with link as (select gen_random_uuid() as id, gen_random_uuid() as peer)
                insert into member_link (id, owner_id, partner_id, peer_owner_id, linked_at)
                select id, ?::uuid, ?::uuid, peer, now() from link
                union all select id, peer, gen_random_uuid(), ?::uuid, now() from link
                returning id::text""", owner, contact, owner).get(0);
        made.add(new Made(user, "referrals-service", "/links/" + id));
        return id;
    }

    /** The code of an invitation to link that waits, made by a member who is none of the suite's users. */
    private String linkCodeOfAnotherMember() throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        // Not from the seed: the database keeps earlier runs' codes, and a code is unique.
        java.security.SecureRandom fresh = new java.security.SecureRandom();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(i > 0 && i % 4 == 0 ? "-" : "").append(alphabet.charAt(fresh.nextInt(alphabet.length())));
        }
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(code.toString().replace("-", "").getBytes(UTF_8)));
        String inviter = UUID.randomUUID().toString();
        String inviterContact = UUID.randomUUID().toString();
        Operator.column("referrals", """
                insert into contact_replica (contact_id, owner_id, name, updated_at) values (?::uuid, ?::uuid, 'A member', now())
                returning contact_id::text""", inviterContact, inviter);
        Operator.column("referrals", """
                insert into link_invitation (id, owner_id, partner_id, code_sha256, created_at, expires_at)
                values (gen_random_uuid(), ?::uuid, ?::uuid, ?, now(), now() + interval '1 day') returning id::text""",
                inviter, inviterContact, sha256);
        return code.toString();
    }

    /** A path template with the ids of its parameters put in. */
    private static String filled(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    /** A delivery of the webhook: a ping makes one. */
    private String delivery(String user, String webhook) throws Exception {
        RawHttp.Reply ping = sendPatiently("notifications-service", user, new Draft("POST", "/webhooks/" + webhook + "/ping"));
        if (ping.status() >= 300) {
            throw new IllegalStateException("ping answered " + ping.status() + ": " + ping.text());
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            RawHttp.Reply deliveries = sendPatiently("notifications-service", user, new Draft("GET", "/webhooks/" + webhook + "/deliveries"));
            JsonNode items = JSON.readTree(deliveries.body()).path("items");
            if (items.size() > 0) {
                return items.get(0).path("id").asText();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the ping of webhook " + webhook + " made no delivery");
    }

    /** Where the suite's webhooks deliver: it takes everything, so that no delivery is retried. */
    private static HttpServer webhookSink() throws IOException {
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        return sink;
    }

    // ---- the probes

    /** Every single bad input of every operation, then random combinations; shuffled, from the seed. */
    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations) {
            List<BadInput> singles = BadInputs.of(operation);
            int turn = 0;
            for (BadInput input : singles) {
                probes.add(new Probe(operation, USERS.get(turn++ % USERS.size()), List.of(input)));
            }
            List<BadInput> combinable = singles.stream().filter(b -> b.combinable() && b.forbidden()).toList();
            if (combinable.size() >= 2) {
                for (int i = 0; i < COMBINATIONS_PER_INPUT * singles.size(); i++) {
                    probes.add(new Probe(operation, USERS.get(turn++ % USERS.size()), combination(combinable)));
                }
            }
        }
        Collections.shuffle(probes, random);
        return probes;
    }

    /** Two or three bad inputs, none putting something where another does. */
    private List<BadInput> combination(List<BadInput> combinable) {
        int size = 2 + random.nextInt(2);
        List<BadInput> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && chosen.size() < size; attempt++) {
            BadInput candidate = combinable.get(random.nextInt(combinable.size()));
            if (chosen.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private Draft draft(Probe probe) {
        Draft draft = baselines.get(probe.user()).request(probe.operation(), pathIds.get(probe.user() + " " + probe.operation()));
        probe.inputs().forEach(input -> input.apply().accept(draft));
        return draft;
    }

    private List<Outcome> send(List<Probe> probes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> sent = new ArrayList<>();
            for (Probe probe : probes) {
                sent.add(pool.submit(() -> new Outcome(probe, sendPatiently(probe.operation().service(), probe.user(), draft(probe)))));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : sent) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends as {@code user} until the answer is a verdict: a 429 (the per-user rate limit) is
     * resent after its Retry-After, and while {@code service} is down (connection refused,
     * 502/503 from the edge, a restart by someone else) the request waits for it to be ready
     * again, a few times; an answer that never comes is status 0.
     */
    private RawHttp.Reply sendPatiently(String service, String user, Draft draft) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.get(user));
        headers.putAll(draft.headers);
        String target = draft.target();
        byte[] body = draft.bodyBytes();
        int unavailableInARow = 0;
        for (int limitedInARow = 0; limitedInARow < 1_000;) {
            RawHttp.Reply reply;
            try {
                reply = http.send(draft.method, target, headers, body);
            } catch (IOException e) {
                if (++unavailableInARow > 5) {
                    return new RawHttp.Reply(0, Map.of(), e.toString().getBytes(UTF_8));
                }
                unavailable.incrementAndGet();
                Thread.sleep(500);
                awaitReady(service);
                continue;
            }
            if (reply.status() == 429) {
                limitedInARow++;
                rateLimited.incrementAndGet();
                Thread.sleep(Duration.ofSeconds(retryAfter(reply)).toMillis());
                continue;
            }
            if ((reply.status() == 502 || reply.status() == 503) && ++unavailableInARow <= 5) {
                unavailable.incrementAndGet();
                Thread.sleep(500);
                awaitReady(service);
                continue;
            }
            return reply;
        }
        throw new IllegalStateException("rate-limited a thousand times in a row");
    }

    private static long retryAfter(RawHttp.Reply reply) {
        try {
            return Math.max(1, Long.parseLong(reply.header("Retry-After").trim()));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private void awaitReady(String service) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send("GET", "/" + service + "/q/health/ready", Map.of(), null).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // the edge itself is restarting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service + " is not ready");
    }

    // ---- the verdicts

    private static List<Violation> judge(Outcome outcome) {
        Probe probe = outcome.probe();
        RawHttp.Reply reply = outcome.reply();
        int status = reply.status();
        String example = probe.operation() + " " + probe.description() + " (as " + probe.user() + ") → "
                + (status == 0 ? "no answer" : status) + " " + excerpt(reply);
        List<Violation> violations = new ArrayList<>();
        if (status == 0) {
            violations.add(new Violation("no HTTP answer", probe.kind(), example));
        } else if (status >= 500) {
            violations.add(new Violation("5xx", probe.kind(), example));
        } else if (status >= 400) {
            String contentType = reply.header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                violations.add(new Violation("4xx that is not application/problem+json", probe.kind(), example));
            } else if (!wellFormedProblem(reply)) {
                violations.add(new Violation("4xx problem without type, title, or its HTTP status", probe.kind(), example));
            }
        }
        if (probe.forbidden() && status > 0 && status < 400) {
            violations.add(new Violation("forbidden input not refused", probe.kind(), example));
        }
        return violations;
    }

    private static boolean wellFormedProblem(RawHttp.Reply reply) {
        try {
            JsonNode problem = JSON.readTree(reply.body());
            return problem.path("type").isTextual() && !problem.path("type").asText().isBlank()
                    && problem.path("title").isTextual() && !problem.path("title").asText().isBlank()
                    && problem.path("status").isInt() && problem.path("status").asInt() == reply.status();
        } catch (IOException e) {
            return false;
        }
    }

    private static String excerpt(RawHttp.Reply reply) {
        String type = reply.header("Content-Type");
        String text = reply.text().replaceAll("\\s+", " ").trim();
        return "[" + (type == null ? "no content type" : type) + "] " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    // ---- what changed

    /**
     * The suite's users' rows in every table with an {@code owner_id}, in every service's
     * database, once they stay the same for two seconds: the events of the last requests
     * (replicas, notifications' views) have then been applied.
     */
    private Map<String, Long> settledRowCounts() throws InterruptedException {
        Map<String, Long> previous = rowCounts();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Thread.sleep(2_000);
            Map<String, Long> current = rowCounts();
            if (current.equals(previous)) {
                return current;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the users' rows keep changing: " + previous + " → " + current);
            }
            previous = current;
        }
    }

    /** How many rows each user has in each table with an {@code owner_id}: "database.table user" → count. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : DATABASES) {
            List<String> tables = Operator.column(database,
                    "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'owner_id'");
            for (String table : tables) {
                for (String user : USERS) {
                    counts.put(database + "." + table + " " + user, 0L);
                }
            }
            // One query per database: the owners are UUIDs, the tables names the database gave.
            String owned = owners.values().stream().map(owner -> "'" + owner + "'").collect(Collectors.joining(", "));
            String sql = tables.stream()
                    .map(table -> "select '" + table + "' || ' ' || owner_id || ' ' || count(*) from " + table
                            + " where owner_id in (" + owned + ") group by owner_id")
                    .collect(Collectors.joining(" union all "));
            for (String row : Operator.column(database, sql)) {
                String[] tableOwnerCount = row.split(" ");
                counts.put(database + "." + tableOwnerCount[0] + " " + user(UUID.fromString(tableOwnerCount[1])),
                        Long.parseLong(tableOwnerCount[2]));
            }
        }
        return counts;
    }

    private String user(UUID owner) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(owner)).findFirst().orElseThrow().getKey();
    }

    /** One violation per table where a user has more or fewer rows than before. */
    private static List<Violation> changedRows(Map<String, Long> before, Map<String, Long> after) {
        Map<String, List<String>> changes = new TreeMap<>();
        before.forEach((tableAndUser, count) -> {
            long now = after.getOrDefault(tableAndUser, 0L);
            if (count != now) {
                String[] split = tableAndUser.split(" ");
                changes.computeIfAbsent(split[0], table -> new ArrayList<>()).add(split[1] + " " + count + " → " + now);
            }
        });
        return changes.entrySet().stream()
                .map(change -> new Violation("rows changed", change.getKey(), change.getKey() + ": " + String.join(", ", change.getValue())))
                .toList();
    }

    private static UUID owner(String token) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return UUID.fromString(claims.path("sub").asText());
    }

    // ---- reporting

    private String summary(List<Outcome> outcomes, Duration took) {
        StringBuilder summary = new StringBuilder(String.format("Bad-input suite: %d requests in %d s (%d more after a 429, %d after "
                + "the service was unavailable)%n", outcomes.size(), took.toSeconds(), rateLimited.get(), unavailable.get()));
        Map<String, List<Outcome>> byService = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.probe().operation().service(), TreeMap::new, Collectors.toList()));
        byService.forEach((service, sent) -> {
            Map<Integer, Long> statuses = sent.stream()
                    .collect(Collectors.groupingBy(o -> o.reply().status(), TreeMap::new, Collectors.counting()));
            summary.append(String.format("  %-22s %5d requests; by status: %s%n", service, sent.size(), statuses));
        });
        return summary.toString();
    }

    private static String report(List<Violation> violations, Path all) {
        StringBuilder report = new StringBuilder(violations.size() + " violations (every one in " + all.toAbsolutePath() + ")\n");
        Map<String, Map<String, List<Violation>>> grouped = violations.stream().collect(Collectors.groupingBy(Violation::verdict,
                TreeMap::new, Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.toList())));
        grouped.forEach((verdict, byKind) -> {
            report.append("\n").append(verdict).append(": ").append(byKind.values().stream().mapToInt(List::size).sum()).append("\n");
            byKind.forEach((kind, these) -> report.append(String.format("  %-45s %5d  e.g. %s%n", kind, these.size(), these.get(0).example())));
        });
        return report.toString();
    }

    // ---- clean-up

    /** Notes the record a POST made, if it made one, for the clean-up. */
    private void remember(String user, Operation operation, RawHttp.Reply reply) {
        if (operation.method().equals("POST") && reply.status() == 201) {
            try {
                JsonNode id = JSON.readTree(reply.body()).path("id");
                if (id.isTextual()) { // an import's report names no record of its own
                    made.add(new Made(user, operation.service(), operation.path() + "/" + id.asText()));
                }
            } catch (IOException e) {
                // not a record's JSON: nothing to delete
            }
        }
    }

    /**
     * Leaves the users' data as the API lets it: their rule settings as they were, and deleted
     * the webhooks (whose deliveries would fail once the sink is gone), touchpoints and
     * contacts the suite made, on purpose or because a forbidden input was accepted. The API
     * deletes no meeting or referral.
     */
    private void cleanUp() {
        try {
            deleteWhatWasMadeAndRestoreSettings();
        } catch (Exception e) {
            // Reported, not thrown: it would hide the verdict.
            System.out.println("Bad-input suite: the clean-up failed: " + e);
        }
    }

    private void deleteWhatWasMadeAndRestoreSettings() throws Exception {
        outcomes.forEach(outcome -> remember(outcome.probe().user(), outcome.probe().operation(), outcome.reply()));
        List<Made> records = new ArrayList<>(made);
        records.sort(Comparator.comparing(record -> record.path().startsWith("/contacts/")));
        for (Made record : records) {
            String collection = record.path().substring(0, record.path().lastIndexOf('/'));
            boolean deletable = operations.stream().anyMatch(o -> o.method().equals("DELETE") && o.path().equals(collection + "/{id}"));
            if (deletable) {
                sendPatiently(record.service(), record.user(), new Draft("DELETE", record.path()));
            }
        }
        for (Map.Entry<String, JsonNode> settings : ruleSettings.entrySet()) {
            RawHttp.Reply now = sendPatiently("notifications-service", settings.getKey(), new Draft("GET", "/settings/rules"));
            if (!JSON.readTree(now.body()).equals(settings.getValue())) {
                Draft restore = new Draft("PUT", "/settings/rules");
                restore.headers.put("Content-Type", "application/json");
                restore.body = settings.getValue();
                sendPatiently("notifications-service", settings.getKey(), restore);
            }
        }
    }
}
