package dev.rapport.contacts.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.network.NetworkRepository.ReachRow;
import dev.rapport.contacts.network.NetworkRepository.SearchRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Questions about the owner's network of connections; reads only, each scoped to the owner. */
@ApplicationScoped
public class NetworkService {

    public static final int MAX_DEPTH = 4;
    public static final int DEFAULT_DEPTH = 2;
    public static final int MAX_REACH_LISTED = 200;
    public static final int DEFAULT_REACH_LISTED = 50;
    /** An introduction path is at most this many connections long. */
    public static final int MAX_HOPS = 4;
    public static final int MAX_HITS = 50;
    public static final int DEFAULT_HITS = 20;
    public static final int MAX_QUERY_LENGTH = 200;
    /** How many of the matches a KNOWS hit knows are named. */
    public static final int KNOWN_MATCHES_SHOWN = 3;

    private final NetworkRepository network;
    private final ContactRepository contacts;

    NetworkService(NetworkRepository network, ContactRepository contacts) {
        this.network = network;
        this.contacts = contacts;
    }

    /** Whom the contact reaches within {@code depth} connections: all counted, the first {@code limit} listed. */
    @Transactional
    public Reach reach(UUID ownerId, UUID contactId, int depth, int limit) {
        contacts.requireOwned(ownerId, contactId);
        List<ReachRow> rows = network.reach(ownerId, contactId, depth, limit);
        List<Integer> reached = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).reached());
        // The walk stops early once a level is empty: the deeper distances reach no one.
        while (reached.size() < depth) {
            reached.add(0);
        }
        int total = reached.stream().mapToInt(Integer::intValue).sum();
        List<ReachedContact> items = rows.stream()
                .map(r -> new ReachedContact(r.contactId(), r.name(), r.stage(), r.trust(), r.distance()))
                .toList();
        return new Reach(contactId, depth, total, reached, items);
    }

    /**
     * The shortest chain of introductions to the contact: it starts with someone the owner knows
     * in person (EXPLORING, QUALIFYING or PARTNER: a one-to-one was held) and follows at most
     * {@value #MAX_HOPS} connections. Among the shortest, the first contact is the most trusted,
     * and so is each next one among those that keep the path shortest.
     */
    @Transactional
    public IntroductionPath introductionPath(UUID ownerId, UUID contactId) {
        contacts.requireOwned(ownerId, contactId);
        List<PathHop> hops = network.introductionPath(ownerId, contactId, MAX_HOPS).stream()
                .map(r -> new PathHop(r.contactId(), r.name(), r.stage(), r.trust(), r.note()))
                .toList();
        return new IntroductionPath(contactId, !hops.isEmpty(), hops);
    }

    /** Who in the owner's network serves or knows what {@code query} describes, best first. */
    @Transactional
    public SearchResult search(UUID ownerId, String query, int limit) {
        Map<UUID, SearchHit> hits = new LinkedHashMap<>();
        for (SearchRow row : network.search(ownerId, query, limit, KNOWN_MATCHES_SHOWN)) {
            SearchHit hit = hits.computeIfAbsent(row.contactId(), id -> new SearchHit(id, row.name(), row.stage(), row.trust(),
                    row.match(), row.relevance(), row.match() == NetworkMatch.KNOWS ? new ArrayList<>() : null));
            if (row.viaId() != null) {
                hit.knows().add(new KnownMatch(row.viaId(), row.viaName(), row.viaStage()));
            }
        }
        return new SearchResult(query, List.copyOf(hits.values()));
    }
}
