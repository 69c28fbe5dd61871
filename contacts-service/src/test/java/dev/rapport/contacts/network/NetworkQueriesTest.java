package dev.rapport.contacts.network;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.network.GeneratedNetwork.Drawn;
import dev.rapport.contacts.network.GeneratedNetwork.Node;
import dev.rapport.contacts.network.NetworkRepository.PathRow;
import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Reach, introduction path and search, compared with a plain breadth-first search over generated networks. */
@QuarkusTest
class NetworkQueriesTest {

    private static final UUID ALICE = UUID.fromString(Tokens.subjectOf("alice"));

    @Inject
    DataSource dataSource;

    @Inject
    NetworkRepository repository;

    @Test
    void reachListsEveryContactWithinTheDepthAtItsShortestDistanceInOrder() throws SQLException {
        GeneratedNetwork network = new GeneratedNetwork(11, 70, 110, 0.2, 0.1);
        network.writeTo(dataSource, ALICE);
        Set<Integer> sizesSeen = new HashSet<>();
        for (Node start : network.nodes.subList(0, 12)) {
            for (int depth = 1; depth <= 4; depth++) {
                Map<Node, Integer> expected = network.reach(start, depth);
                List<Node> order = expected.keySet().stream()
                        .sorted(Comparator.comparing((Node n) -> expected.get(n)).thenComparing(GeneratedNetwork.BY_TRUST_THEN_NAME))
                        .toList();
                List<Integer> byDistance = new ArrayList<>();
                for (int distance = 1; distance <= depth; distance++) {
                    int at = distance;
                    byDistance.add((int) expected.values().stream().filter(d -> d == at).count());
                }

                JsonPath reach = as("alice").queryParam("depth", depth).queryParam("limit", 200)
                        .get("/contacts/" + start.id() + "/reach").then().statusCode(200).extract().jsonPath();
                assertThat(reach.getString("contactId")).isEqualTo(start.id().toString());
                assertThat(reach.getInt("depth")).isEqualTo(depth);
                assertThat(reach.getInt("total")).isEqualTo(expected.size());
                assertThat(reach.getList("reachedByDistance", Integer.class)).isEqualTo(byDistance);
                assertThat(reach.getList("items.contactId", String.class)).as("reach of %s at depth %d", start.name(), depth)
                        .containsExactlyElementsOf(order.stream().map(n -> n.id().toString()).toList());
                assertThat(reach.getList("items.distance", Integer.class))
                        .containsExactlyElementsOf(order.stream().map(expected::get).toList());
                sizesSeen.add(expected.size());

                // Capped: the same first contacts, the same counts.
                JsonPath capped = as("alice").queryParam("depth", depth).queryParam("limit", 5)
                        .get("/contacts/" + start.id() + "/reach").then().statusCode(200).extract().jsonPath();
                assertThat(capped.getList("items.contactId", String.class))
                        .containsExactlyElementsOf(order.stream().limit(5).map(n -> n.id().toString()).toList());
                assertThat(capped.getInt("total")).isEqualTo(expected.size());
            }
        }
        assertThat(sizesSeen).as("the generated network gives small and large reaches").contains(0).anyMatch(size -> size > 30);
        // The default depth is 2.
        Node start = network.nodes.get(1);
        as("alice").get("/contacts/" + start.id() + "/reach").then().statusCode(200)
                .body("depth", equalTo(2)).body("total", equalTo(network.reach(start, 2).size()));
    }

    @Test
    void thePathStartsWithTheMostTrustedOfTheNearestContactsKnownInPersonAndIsShortest() throws SQLException {
        GeneratedNetwork network = new GeneratedNetwork(23, 80, 95, 0.08, 0.1);
        network.writeTo(dataSource, ALICE);
        Set<Integer> lengthsSeen = new HashSet<>();
        for (Node target : network.nodes) {
            List<Node> expected = network.introductionPath(target, 4);
            JsonPath path = as("alice").get("/contacts/" + target.id() + "/path").then().statusCode(200).extract().jsonPath();
            assertThat(path.getString("contactId")).isEqualTo(target.id().toString());
            assertThat(path.getBoolean("found")).isEqualTo(!expected.isEmpty());
            assertThat(path.getList("hops.contactId", String.class)).as("path to %s", target.name())
                    .containsExactlyElementsOf(expected.stream().map(n -> n.id().toString()).toList());
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                notes.add(i == 0 ? null : network.note(expected.get(i - 1), expected.get(i)));
            }
            assertThat(path.getList("hops.note", String.class)).containsExactlyElementsOf(notes);
            if (!expected.isEmpty()) {
                assertThat(path.getString("hops[0].stage")).isIn("EXPLORING", "QUALIFYING", "PARTNER");
                assertThat(path.getString("hops[-1].name")).isEqualTo(target.name());
            }
            lengthsSeen.add(expected.size() - 1);
        }
        assertThat(lengthsSeen).as("connections on the paths; -1: no path").contains(-1, 0, 1, 2, 3);
    }

    /**
     * The walk goes from both ends, the known side too once its frontier is the smaller: an owner
     * of its own (new, so no earlier run's contacts known in person join the walk), few contacts
     * known in person, and paths up to 4 connections long that meet in the middle.
     */
    @Test
    void theWalkFromBothEndsFindsThePathOfABreadthFirstSearchFromTheTarget() throws SQLException {
        UUID owner = UUID.randomUUID();
        GeneratedNetwork network = new GeneratedNetwork(61, 400, 560, 0.012, 0);
        network.writeTo(dataSource, owner);
        Set<Integer> lengthsSeen = new HashSet<>();
        for (Node target : network.nodes) {
            List<Node> expected = network.introductionPath(target, 4);
            List<PathRow> path = pathOf(owner, target);
            assertThat(path).extracting(PathRow::contactId).as("path to %s", target.name())
                    .containsExactlyElementsOf(expected.stream().map(Node::id).toList());
            for (int i = 1; i < expected.size(); i++) {
                assertThat(path.get(i).note()).isEqualTo(network.note(expected.get(i - 1), expected.get(i)));
            }
            lengthsSeen.add(expected.size() - 1);
        }
        assertThat(lengthsSeen).as("connections on the paths; -1: no path").contains(-1, 0, 1, 2, 3, 4);
    }

    @Test
    void thePathTakesTheShortestWayBreaksTiesByTrustThenNameAndStopsAtFourConnections() throws SQLException {
        List<Drawn> contacts = new ArrayList<>(List.of(
                drawn("Target", RelationshipStage.PROSPECT, null), // 0
                drawn("Middle low", RelationshipStage.PROSPECT, 1), // 1
                drawn("Known Ann", RelationshipStage.EXPLORING, 4), // 2
                drawn("Middle high", RelationshipStage.PROSPECT, 5), // 3
                drawn("Known Bea", RelationshipStage.PARTNER, 4), // 4: as trusted as Ann, after her by name
                drawn("Known Cal", RelationshipStage.QUALIFYING, 5), // 5: more trusted, one connection further
                drawn("Far 1", RelationshipStage.PROSPECT, 5), // 6
                drawn("Far 2", RelationshipStage.PROSPECT, 5), // 7
                drawn("Known Aaron", RelationshipStage.EXPLORING, null), // 8: unrated, last whatever the name
                drawn("Deep target", RelationshipStage.INVITED, 2), // 9
                drawn("Deep 1", RelationshipStage.PROSPECT, null), // 10
                drawn("Deep 2", RelationshipStage.PROSPECT, null), // 11
                drawn("Deep 3", RelationshipStage.PROSPECT, null), // 12
                drawn("Known Eve", RelationshipStage.EXPLORING, 0), // 13
                drawn("Deep 2 twin", RelationshipStage.PROSPECT, 3), // 14
                drawn("Too far target", RelationshipStage.PROSPECT, null), // 15
                drawn("Too far 1", RelationshipStage.PROSPECT, null), // 16
                drawn("Too far 2", RelationshipStage.PROSPECT, null), // 17
                drawn("Too far 3", RelationshipStage.PROSPECT, null), // 18
                drawn("Too far 4", RelationshipStage.PROSPECT, null), // 19
                drawn("Known Fay", RelationshipStage.PARTNER, 5), // 20
                drawn("Loner", RelationshipStage.PROSPECT, 5))); // 21
        List<int[]> connections = new ArrayList<>(List.of(new int[][] {
                { 0, 1 }, { 1, 2 }, { 0, 3 }, { 3, 4 }, { 2, 3 }, { 0, 6 }, { 6, 7 }, { 7, 5 }, { 1, 8 },
                { 9, 10 }, { 10, 11 }, { 11, 12 }, { 12, 13 }, { 10, 14 }, { 14, 12 },
                { 15, 16 }, { 16, 17 }, { 17, 18 }, { 18, 19 }, { 19, 20 } }));
        // The deep target's own frontier outgrows the six known in person: the walk then goes from their side.
        for (int leaf = 0; leaf < 8; leaf++) {
            contacts.add(drawn("Deep leaf " + leaf, RelationshipStage.PROSPECT, null));
            connections.add(new int[] { 9, contacts.size() - 1 });
        }
        UUID owner = UUID.randomUUID();
        GeneratedNetwork network = new GeneratedNetwork(contacts, connections.toArray(int[][]::new));
        network.writeTo(dataSource, owner);

        Map<String, List<String>> expected = Map.of(
                "Target", List.of("Known Ann", "Middle high", "Target"),
                "Deep target", List.of("Known Eve", "Deep 3", "Deep 2 twin", "Deep 1", "Deep target"),
                "Too far target", List.of(),
                "Loner", List.of(),
                "Known Bea", List.of("Known Bea"));
        expected.forEach((target, names) -> {
            List<Node> path = network.introductionPath(network.named(target), 4);
            assertThat(path).extracting(Node::name).as("path to %s in memory", target).containsExactlyElementsOf(names);
            assertThat(pathOf(owner, network.named(target))).extracting(PathRow::name).as("path to %s", target)
                    .containsExactlyElementsOf(names);
        });
        assertThat(pathOf(owner, network.named("Deep target"))).extracting(PathRow::note)
                .containsExactly(null, "knows 12-13", "knows 14-12", "knows 10-14", "knows 9-10");

        // Another owner's contacts are not on the way: the same drawing without anyone known in person has no paths.
        UUID other = UUID.randomUUID();
        GeneratedNetwork unknown = new GeneratedNetwork(contacts.stream()
                .map(c -> drawn(c.name(), RelationshipStage.PROSPECT, c.trust() == null ? null : c.trust().intValue())).toList(),
                connections.toArray(int[][]::new));
        unknown.writeTo(dataSource, other);
        assertThat(pathOf(other, unknown.named("Target"))).isEmpty();
        assertThat(pathOf(other, network.named("Target"))).as("another owner's contact").isEmpty();
        assertThat(pathOf(owner, unknown.named("Target"))).as("another owner's contact").isEmpty();
    }

    /** The walks read contact_link, which triggers keep in step with every connection made or removed. */
    @Test
    void theWalksFollowConnectionsAsTheyAreMadeRemovedAndDeletedWithTheirContacts() throws SQLException {
        GeneratedNetwork network = new GeneratedNetwork(List.of(
                drawn("Link start", RelationshipStage.PROSPECT, null), drawn("Link middle", RelationshipStage.PROSPECT, null),
                drawn("Link known", RelationshipStage.PARTNER, 3), drawn("Link other", RelationshipStage.PROSPECT, null)));
        network.writeTo(dataSource, ALICE);
        UUID start = network.named("Link start").id();
        UUID middle = network.named("Link middle").id();
        UUID known = network.named("Link known").id();
        UUID other = network.named("Link other").id();
        connect(start, middle);
        connect(known, middle);
        connect(other, start);
        as("alice").queryParam("depth", 4).get("/contacts/" + start + "/reach").then().statusCode(200)
                .body("reachedByDistance", equalTo(List.of(2, 1, 0, 0)));
        as("alice").get("/contacts/" + start + "/path").then().statusCode(200)
                .body("hops.contactId", equalTo(List.of(known.toString(), middle.toString(), start.toString())));

        as("alice").delete("/contacts/" + middle + "/connections/" + known).then().statusCode(204);
        as("alice").queryParam("depth", 4).get("/contacts/" + start + "/reach").then().statusCode(200)
                .body("reachedByDistance", equalTo(List.of(2, 0, 0, 0)));
        as("alice").get("/contacts/" + start + "/path").then().statusCode(200).body("found", equalTo(false));

        connect(middle, known);
        as("alice").delete("/contacts/" + middle).then().statusCode(204);
        as("alice").queryParam("depth", 4).get("/contacts/" + start + "/reach").then().statusCode(200)
                .body("reachedByDistance", equalTo(List.of(1, 0, 0, 0))).body("items.contactId", equalTo(List.of(other.toString())));
        as("alice").get("/contacts/" + start + "/path").then().statusCode(200).body("found", equalTo(false));
        assertThat(linksOf(middle)).isZero();
        assertThat(linksOf(start)).isEqualTo(2);
    }

    private long linksOf(UUID contact) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("select count(*) from contact_link where contact_id = ? or other_id = ?")) {
            count.setObject(1, contact);
            count.setObject(2, contact);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<PathRow> pathOf(UUID owner, Node target) {
        return QuarkusTransaction.requiringNew().call(() -> repository.introductionPath(owner, target.id(), NetworkService.MAX_HOPS));
    }

    private static Drawn drawn(String name, RelationshipStage stage, Integer trust) {
        return new Drawn(name, stage, trust == null ? null : trust.shortValue());
    }

    @Test
    void searchFindsWhoServesAndWhoKnowsThemRankedByStageAndTrust() throws SQLException {
        GeneratedNetwork network = new GeneratedNetwork(38, 60, 90, 0.3, 0.12);
        network.writeTo(dataSource, ALICE);
        // Every match has the word once in its target market: equal relevance, so stage and trust decide.
        Comparator<Node> byStageTrustName = Comparator.comparing((Node n) -> NetworkRepository.SEARCH_STAGE_ORDER.indexOf(n.stage()))
                .thenComparing(GeneratedNetwork.BY_TRUST_THEN_NAME);
        List<Node> serves = network.nodes.stream().filter(n -> n.matches() && !n.stage().ended()).sorted(byStageTrustName).toList();
        Map<Node, List<Node>> knows = new LinkedHashMap<>();
        network.nodes.stream().filter(n -> !serves.contains(n) && !n.stage().ended()).sorted(byStageTrustName).forEach(n -> {
            List<Node> known = network.neighboursOf(n).stream().filter(serves::contains).sorted(byStageTrustName).toList();
            if (!known.isEmpty()) {
                knows.put(n, known);
            }
        });
        assertThat(serves).hasSizeGreaterThan(3);
        assertThat(knows).hasSizeGreaterThan(3);
        assertThat(serves.size() + knows.size()).isLessThanOrEqualTo(50);

        JsonPath search = as("alice").queryParam("q", network.word).queryParam("limit", 50)
                .get("/network/search").then().statusCode(200).extract().jsonPath();
        assertThat(search.getString("query")).isEqualTo(network.word);
        List<String> expectedIds = new ArrayList<>();
        serves.forEach(n -> expectedIds.add(n.id().toString()));
        knows.keySet().forEach(n -> expectedIds.add(n.id().toString()));
        assertThat(search.getList("items.contactId", String.class)).containsExactlyElementsOf(expectedIds);
        for (int i = 0; i < serves.size(); i++) {
            assertThat(search.getString("items[" + i + "].match")).isEqualTo("SERVES");
            assertThat(search.getMap("items[" + i + "]")).doesNotContainKey("knows");
        }
        float served = search.getFloat("items[0].relevance");
        int i = serves.size();
        for (Map.Entry<Node, List<Node>> knower : knows.entrySet()) {
            assertThat(search.getString("items[" + i + "].match")).isEqualTo("KNOWS");
            assertThat(search.getFloat("items[" + i + "].relevance")).isEqualTo(served / 2);
            assertThat(search.getList("items[" + i + "].knows.contactId", String.class))
                    .containsExactlyElementsOf(knower.getValue().stream().limit(3).map(n -> n.id().toString()).toList());
            i++;
        }

        as("alice").queryParam("q", network.word).queryParam("limit", 3).get("/network/search").then().statusCode(200)
                .body("items.contactId", equalTo(expectedIds.subList(0, 3)));
        // Stemmed: the plural finds the singular's matches, and a phrase or an -exclusion works as on the web.
        as("alice").queryParam("q", network.word + "s").queryParam("limit", 50).get("/network/search").then()
                .body("items", hasSize(expectedIds.size()));
        as("alice").queryParam("q", network.word + " -north").get("/network/search").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void relevanceComesFirstThenStageThenTrustAndKnowersRankAtHalfTheirBestMatch() throws SQLException {
        String word = "qx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<String[]> contacts = List.of(
                // name, stage, trust, where the word is
                new String[] { "Rank A", "PROSPECT", "5", "target_market" },
                new String[] { "Rank I", "PARTNER", null, "ideal_client" },
                new String[] { "Rank J", "PARTNER", "3", "target_market" },
                new String[] { "Rank B", "PARTNER", "5", "business" },
                new String[] { "Rank D", "PROSPECT", "2", "tags" },
                new String[] { "Rank C", "QUALIFYING", "5", "notes" },
                new String[] { "Rank E", "PROSPECT", null, null },
                new String[] { "Rank F", "INVITED", "1", null },
                new String[] { "Rank G", "DECLINED", "5", "target_market" },
                new String[] { "Rank H", "CLOSED", "5", null },
                new String[] { "Rank K", "PROSPECT", "5", null });
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        insert into contact (id, owner_id, name, business, target_market, ideal_client, tags, notes, source, stage,
                                             trust_rating, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, cast(? as varchar(50)[]), ?, 'OTHER', ?, cast(? as smallint), now(), now(), 0)""")) {
            for (String[] contact : contacts) {
                UUID id = UUID.randomUUID();
                ids.put(contact[0], id);
                insert.setObject(1, id);
                insert.setObject(2, ALICE);
                insert.setString(3, contact[0]);
                insert.setString(4, "business".equals(contact[3]) ? "Fixing " + word + " since 1990" : "Plumbing");
                insert.setString(5, "target_market".equals(contact[3]) ? word + " in the city" : "Homeowners");
                insert.setString(6, "ideal_client".equals(contact[3]) ? "A large " + word : "A family");
                insert.setString(7, "tags".equals(contact[3]) ? "{" + word + "}" : "{trade}");
                insert.setString(8, "notes".equals(contact[3]) ? "Knows about " + word : "Met at the breakfast");
                insert.setString(9, contact[1]);
                insert.setString(10, contact[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connect(ids.get("Rank E"), ids.get("Rank A"));
        connect(ids.get("Rank E"), ids.get("Rank J"));
        connect(ids.get("Rank F"), ids.get("Rank C"));
        connect(ids.get("Rank H"), ids.get("Rank A")); // CLOSED: left out though it knows a match
        connect(ids.get("Rank K"), ids.get("Rank G")); // knows only a DECLINED match: no hit

        JsonPath search = as("alice").queryParam("q", word).get("/network/search").then().statusCode(200).extract().jsonPath();
        assertThat(search.getList("items.name", String.class))
                .containsExactly("Rank J", "Rank I", "Rank A", "Rank E", "Rank B", "Rank D", "Rank C", "Rank F");
        assertThat(search.getList("items.match", String.class))
                .containsExactly("SERVES", "SERVES", "SERVES", "KNOWS", "SERVES", "SERVES", "SERVES", "KNOWS");
        List<Float> relevance = search.getList("items.relevance", Float.class);
        assertThat(relevance.get(3)).isEqualTo(relevance.get(0) / 2);
        assertThat(relevance.get(7)).isEqualTo(relevance.get(6) / 2);
        assertThat(relevance.get(4)).isEqualTo(relevance.get(5)).isLessThan(relevance.get(3)).isGreaterThan(relevance.get(6));
        assertThat(search.getList("items[3].knows.name", String.class)).containsExactly("Rank J", "Rank A");
        assertThat(search.getList("items[7].knows.name", String.class)).containsExactly("Rank C");
        assertThat(search.getMap("items[1]")).doesNotContainKey("trust");
    }

    @Test
    void everyNetworkQueryIsScopedToTheOwner() throws SQLException {
        GeneratedNetwork alices = new GeneratedNetwork(41, 12, 20, 0.3, 0.5);
        alices.writeTo(dataSource, ALICE);
        GeneratedNetwork bobs = new GeneratedNetwork(41, 12, 20, 0.3, 0.5);
        bobs.writeTo(dataSource, UUID.fromString(Tokens.subjectOf("bob")));
        Node alicesContact = alices.nodes.get(0);

        as("bob").get("/contacts/" + alicesContact.id() + "/reach").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No contact with id " + alicesContact.id()));
        as("bob").queryParam("depth", 4).get("/contacts/" + alicesContact.id() + "/reach").then().statusCode(404);
        as("bob").get("/contacts/" + alicesContact.id() + "/path").then().statusCode(404).contentType("application/problem+json");
        as("alice").get("/contacts/" + UUID.randomUUID() + "/reach").then().statusCode(404);
        as("alice").get("/contacts/" + UUID.randomUUID() + "/path").then().statusCode(404);

        // Bob's network has Alice's word too, in contacts of his own: each sees only theirs.
        JsonPath alicesHits = as("alice").queryParam("q", alices.word).queryParam("limit", 50).get("/network/search").then()
                .statusCode(200).extract().jsonPath();
        Set<String> alicesIds = new HashSet<>(alices.nodes.stream().map(n -> n.id().toString()).toList());
        assertThat(alicesHits.getList("items.contactId", String.class)).isNotEmpty().allMatch(alicesIds::contains);
        as("bob").queryParam("q", alices.word).get("/network/search").then().statusCode(200).body("items", hasSize(0));
        JsonPath bobsHits = as("bob").queryParam("q", bobs.word).queryParam("limit", 50).get("/network/search").then()
                .statusCode(200).extract().jsonPath();
        Set<String> bobsIds = new HashSet<>(bobs.nodes.stream().map(n -> n.id().toString()).toList());
        assertThat(bobsHits.getList("items.contactId", String.class)).isNotEmpty().allMatch(bobsIds::contains);
        as("alice").queryParam("q", bobs.word).get("/network/search").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badQueryParametersAre400ProblemsNamingThem() throws SQLException {
        GeneratedNetwork network = new GeneratedNetwork(5, 3, 2, 0.5, 0.5);
        network.writeTo(dataSource, ALICE);
        String reach = "/contacts/" + network.nodes.get(0).id() + "/reach";
        for (String depth : List.of("0", "5", "two", "1.5", "-1", " 2")) {
            as("alice").queryParam("depth", depth).get(reach).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("depth"));
        }
        for (String limit : List.of("0", "201", "1e2")) {
            as("alice").queryParam("limit", limit).get(reach).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        as("alice").get("/network/search").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        as("alice").queryParam("q", " ").get("/network/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        as("alice").queryParam("q", "x".repeat(201)).get("/network/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        for (String limit : List.of("0", "51", "ten")) {
            as("alice").queryParam("q", "dentists").queryParam("limit", limit).get("/network/search").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        // Only stop words, or nothing matching: an empty answer, not an error.
        as("alice").queryParam("q", "the and of").get("/network/search").then().statusCode(200).body("items", hasSize(0));
        as("alice").queryParam("q", "x".repeat(200)).get("/network/search").then().statusCode(200).body("items", hasSize(0));
        as("alice").queryParam("q", "\"unclosed phrase & | ! ( :*").get("/network/search").then().statusCode(200);
    }

    private void connect(UUID a, UUID b) {
        as("alice").contentType("application/json").body("{\"contactId\": \"" + b + "\"}").post("/contacts/" + a + "/connections")
                .then().statusCode(201);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
