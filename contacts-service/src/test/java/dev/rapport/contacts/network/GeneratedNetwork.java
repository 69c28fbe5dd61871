package dev.rapport.contacts.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.rapport.contacts.stage.RelationshipStage;

/**
 * A random network of one owner's contacts, from a fixed seed, written straight into the
 * database, and the answers to the network queries worked out in memory with a plain
 * breadth-first search: what the SQL must agree with.
 */
final class GeneratedNetwork {

    /** A contact of the network; names are unique and sort the same in any collation. */
    record Node(int index, UUID id, String name, RelationshipStage stage, Short trust, boolean matches) {
    }

    /** Nearest first, then most trusted (unrated last), then by name: the order of reach and of path choices. */
    static final Comparator<Node> BY_TRUST_THEN_NAME = Comparator
            .comparing((Node n) -> n.trust() == null ? -1 : n.trust(), Comparator.reverseOrder())
            .thenComparing(Node::name);

    final List<Node> nodes = new ArrayList<>();
    final Map<Integer, Set<Integer>> neighbours = new HashMap<>();
    final Map<Set<Integer>, String> notes = new HashMap<>();
    final String word;

    /**
     * @param matching the share of contacts whose target market mentions {@link #word}, the
     *        one word no other contact in the database has
     */
    GeneratedNetwork(long seed, int size, int connections, double knownInPerson, double matching) {
        Random random = new Random(seed);
        String tag = letters(new Random(), 6);
        // Ends in "er", so that English stemming takes its plural ("...ers") to the same lexeme.
        word = "qz" + letters(new Random(), 8) + "er";
        for (int i = 0; i < size; i++) {
            RelationshipStage stage = random.nextDouble() < knownInPerson
                    ? List.of(RelationshipStage.EXPLORING, RelationshipStage.QUALIFYING, RelationshipStage.PARTNER).get(random.nextInt(3))
                    : List.of(RelationshipStage.PROSPECT, RelationshipStage.PROSPECT, RelationshipStage.INVITED,
                            RelationshipStage.DECLINED, RelationshipStage.CLOSED).get(random.nextInt(5));
            Short trust = random.nextInt(10) < 3 ? null : (short) random.nextInt(6);
            nodes.add(new Node(i, UUID.randomUUID(), "Net %04d %s".formatted(i, tag), stage, trust, random.nextDouble() < matching));
            neighbours.put(i, new HashSet<>());
        }
        while (notes.size() < connections) {
            int a = random.nextInt(size);
            int b = random.nextInt(size);
            if (a != b && notes.putIfAbsent(Set.of(a, b), "knows " + a + "-" + b) == null) {
                neighbours.get(a).add(b);
                neighbours.get(b).add(a);
            }
        }
    }

    /** A contact of a network drawn by hand. */
    record Drawn(String name, RelationshipStage stage, Short trust) {
    }

    /** A network drawn by hand: its contacts, and its connections as pairs of their indexes. */
    GeneratedNetwork(List<Drawn> contacts, int[]... connections) {
        word = "qz" + letters(new Random(), 8) + "er";
        for (Drawn contact : contacts) {
            nodes.add(new Node(nodes.size(), UUID.randomUUID(), contact.name(), contact.stage(), contact.trust(), false));
            neighbours.put(nodes.size() - 1, new HashSet<>());
        }
        for (int[] pair : connections) {
            notes.put(Set.of(pair[0], pair[1]), "knows " + pair[0] + "-" + pair[1]);
            neighbours.get(pair[0]).add(pair[1]);
            neighbours.get(pair[1]).add(pair[0]);
        }
    }

    Node named(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    void writeTo(DataSource dataSource, UUID ownerId) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contact (id, owner_id, name, business, target_market, tags, notes, source, stage, trust_rating,
                                         created_at, updated_at, version)
                    values (?, ?, ?, 'Bookkeeping for small firms', ?, '{}', 'Met at the breakfast', 'OTHER', ?, ?, ?, ?, 0)""")) {
                for (Node node : nodes) {
                    insert.setObject(1, node.id());
                    insert.setObject(2, ownerId);
                    insert.setString(3, node.name());
                    insert.setString(4, node.matches() ? "Owners of " + word + " in the north" : "Owners of shops in the north");
                    insert.setString(5, node.stage().name());
                    insert.setObject(6, node.trust());
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contact_connection (owner_id, contact_a, contact_b, note, origin, created_at)
                    values (?, least(?, ?), greatest(?, ?), ?, 'MANUAL', ?)""")) {
                for (Map.Entry<Set<Integer>, String> link : notes.entrySet()) {
                    List<Integer> pair = List.copyOf(link.getKey());
                    UUID a = nodes.get(pair.get(0)).id();
                    UUID b = nodes.get(pair.get(1)).id();
                    insert.setObject(1, ownerId);
                    insert.setObject(2, a);
                    insert.setObject(3, b);
                    insert.setObject(4, a);
                    insert.setObject(5, b);
                    insert.setString(6, link.getValue());
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The distance of every contact within {@code depth} connections of {@code start}, itself excluded. */
    Map<Node, Integer> reach(Node start, int depth) {
        Map<Node, Integer> distances = new LinkedHashMap<>();
        List<List<Node>> levels = levels(start, depth, false);
        for (int distance = 1; distance < levels.size(); distance++) {
            for (Node node : levels.get(distance)) {
                distances.put(node, distance);
            }
        }
        return distances;
    }

    /**
     * The introduction path to {@code target}: breadth first from the target until a level holds
     * someone known in person (at most {@code hops} levels out); the most trusted of those first,
     * then each time the most trusted neighbour one level nearer. Empty when there is none.
     */
    List<Node> introductionPath(Node target, int hops) {
        List<List<Node>> levels = levels(target, hops, true);
        List<Node> last = levels.get(levels.size() - 1);
        List<Node> known = last.stream().filter(n -> n.stage().knownInPerson()).sorted(BY_TRUST_THEN_NAME).toList();
        if (known.isEmpty()) {
            return List.of();
        }
        List<Node> path = new ArrayList<>(List.of(known.get(0)));
        for (int distance = levels.size() - 2; distance >= 0; distance--) {
            Set<Integer> around = neighbours.get(path.get(path.size() - 1).index());
            path.add(levels.get(distance).stream().filter(n -> around.contains(n.index())).sorted(BY_TRUST_THEN_NAME).findFirst().orElseThrow());
        }
        return path;
    }

    String note(Node a, Node b) {
        return notes.get(Set.of(a.index(), b.index()));
    }

    List<Node> neighboursOf(Node node) {
        return neighbours.get(node.index()).stream().map(nodes::get).toList();
    }

    /** Breadth-first levels from {@code start} (level 0), up to {@code depth}; optionally stopping at the first level with someone known in person. */
    private List<List<Node>> levels(Node start, int depth, boolean stopAtKnown) {
        List<List<Node>> levels = new ArrayList<>(List.of(List.of(start)));
        Set<Integer> visited = new HashSet<>(Set.of(start.index()));
        ArrayDeque<Node> frontier = new ArrayDeque<>(List.of(start));
        while (levels.size() <= depth && !frontier.isEmpty()
                && !(stopAtKnown && levels.get(levels.size() - 1).stream().anyMatch(n -> n.stage().knownInPerson()))) {
            List<Node> next = new ArrayList<>();
            for (Node node : frontier) {
                for (int neighbour : neighbours.get(node.index())) {
                    if (visited.add(neighbour)) {
                        next.add(nodes.get(neighbour));
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            levels.add(next);
            frontier = new ArrayDeque<>(next);
        }
        return levels;
    }

    private static String letters(Random random, int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
