package dev.rapport.contacts.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hibernate.Session;

import dev.rapport.contacts.stage.RelationshipStage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The network queries, each one SQL statement scoped to one owner. Graph walks go breadth first,
 * a level at a time: each level is one set-based step from the previous level's frontier (an
 * array) that drops every contact an earlier level holds, so a contact is expanded once however
 * many paths lead to it, and the walk stops at its depth. A recursive query enumerating paths
 * instead would grow with their number, which explodes within four steps of a dense network.
 * The introduction path walks from both of its ends, so that a deep path costs two shallow walks.
 */
@ApplicationScoped
public class NetworkRepository {

    /** Search ranks these stages in this order; DECLINED and CLOSED are left out of it. */
    static final List<RelationshipStage> SEARCH_STAGE_ORDER = List.of(RelationshipStage.PARTNER, RelationshipStage.QUALIFYING,
            RelationshipStage.EXPLORING, RelationshipStage.INVITED, RelationshipStage.PROSPECT);

    private static final String KNOWN_IN_PERSON = sqlList(RelationshipStage::knownInPerson);
    private static final String ENDED = sqlList(RelationshipStage::ended);
    private static final String STAGE_RANK = "array_position(array[" + SEARCH_STAGE_ORDER.stream()
            .map(stage -> "'" + stage.name() + "'").collect(Collectors.joining(", ")) + "], %s)";

    /**
     * The next frontier of level {@code l}: the contacts one connection away from its frontier
     * (contact_link holds each connection from both ends: one index descent per contact) that no
     * earlier level holds; EXCEPT also drops the duplicates, in one hash. OFFSET 0 keeps it one
     * subquery, computed once per level; without it the planner copies it into each place that
     * uses {@code next}.
     */
    private static final String NEXT_FRONTIER = """
            select array(
                select e.other_id from contact_link e where e.owner_id = :owner and e.contact_id = any(l.frontier)
                except
                select unnest(l.visited)) as next
            offset 0""";

    // Package-private, so that NetworkQueryBenchmark can print their plans.
    static final String REACH = """
            with recursive level (distance, frontier, visited) as (
                select 0, array[c.id], array[c.id] from contact c where c.owner_id = :owner and c.id = :start
              union all
                select l.distance + 1, n.next, l.visited || n.next
                from level l cross join lateral (%s) n
                where l.distance < :depth and cardinality(l.frontier) > 0
            ),
            counted as (
                select distance, frontier,
                       sum(cardinality(frontier)) over (order by distance) - cardinality(frontier) as reached_before
                from level where distance > 0
            ),
            -- Only the levels the answer reaches into need names and ratings, to be ordered.
            shown as (
                select unnest(frontier) as contact_id, distance from counted where reached_before < :limit
            )
            select c.id, c.name, c.stage, c.trust_rating, s.distance,
                   (select array_agg(cardinality(frontier) order by distance) from level where distance > 0) as reached
            from shown s join contact c on c.owner_id = :owner and c.id = s.contact_id
            order by s.distance, c.trust_rating desc nulls last, c.name, c.id
            limit :limit""".formatted(NEXT_FRONTIER);

    /**
     * A walk from both ends at once, the target's side and the side of everyone the owner knows in
     * person: each step takes the side with the smaller frontier one level further, so a deep path
     * meets in the middle after expanding a few hundred contacts instead of thousands. The first
     * step at which the new level holds contacts the other side has visited gives the shortest
     * length, target depth + known depth (the sides were disjoint before it), and those contacts,
     * {@code met}, are exactly the ones at that target depth and known depth.
     */
    static final String INTRODUCTION_PATH = """
            with recursive known as materialized (
                select id from contact where owner_id = :owner and stage in (%1$s)
            ),
            walk (target_depth, target_frontier, target_visited, known_depth, known_frontier, known_visited, met) as (
                select 0, array[c.id], array[c.id], 0, k.ids, k.ids, case when c.stage in (%1$s) then array[c.id] else '{}' end
                from contact c cross join (select array(select id from known) as ids) k
                where c.owner_id = :owner and c.id = :target
              union all
                select w.target_depth + s.target_step,
                       case when s.target_step = 1 then n.next else w.target_frontier end,
                       case when s.target_step = 1 then w.target_visited || n.next else w.target_visited end,
                       w.known_depth + 1 - s.target_step,
                       case when s.target_step = 1 then w.known_frontier else n.next end,
                       case when s.target_step = 1 then w.known_visited else w.known_visited || n.next end,
                       array(select unnest(n.next)
                             intersect
                             select unnest(case when s.target_step = 1 then w.known_visited else w.target_visited end))
                from walk w
                cross join lateral (select case when cardinality(w.target_frontier) <= cardinality(w.known_frontier)
                                                then 1 else 0 end as target_step) s
                cross join lateral (select case when s.target_step = 1 then w.target_frontier else w.known_frontier end as frontier,
                                           case when s.target_step = 1 then w.target_visited else w.known_visited end as visited
                                    offset 0) l
                cross join lateral (%2$s) n
                -- An empty frontier: that side's contacts are all visited, and none met the other side.
                where cardinality(w.met) = 0 and w.target_depth + w.known_depth < :hops
                  and cardinality(w.target_frontier) > 0 and cardinality(w.known_frontier) > 0
            ),
            meeting as (
                select target_depth, known_depth, met from walk where cardinality(met) > 0
            ),
            -- Back from the meeting to the known contacts: at each known depth, the contacts of that
            -- level next to one on the path; they are the ones a shortest path goes through.
            on_path (known_depth, ids) as (
                select known_depth, met from meeting
              union all
                select p.known_depth - 1, array(
                    select e.other_id from contact_link e where e.owner_id = :owner and e.contact_id = any(p.ids)
                    intersect
                    select unnest(w.known_frontier))
                from on_path p
                cross join lateral (select known_frontier from walk where known_depth = p.known_depth - 1 limit 1) w
                where p.known_depth > 0
            ),
            -- Each contact that can be the next hop, by its distance to the target: the target's
            -- levels, then the known side's contacts on the path.
            nearer_level (distance, ids) as (
                select distinct on (target_depth) target_depth, target_frontier from walk
              union all
                select m.target_depth + m.known_depth - p.known_depth, p.ids
                from on_path p cross join meeting m where p.known_depth < m.known_depth
            ),
            -- The hops carry what the answer shows, so that no join with all of the owner's contacts follows.
            hop (distance, id, name, stage, trust_rating, note) as (
                -- First the most trusted of the known contacts a shortest path starts from.
                select m.target_depth + m.known_depth, first_hop.id, first_hop.name, first_hop.stage, first_hop.trust_rating,
                       cast(null as varchar)
                from meeting m
                join on_path p on p.known_depth = 0
                cross join lateral (
                    select c.id, c.name, c.stage, c.trust_rating from contact c where c.owner_id = :owner and c.id = any(p.ids)
                    order by c.trust_rating desc nulls last, c.name, c.id
                    limit 1) first_hop
              union all
                -- Then each time the most trusted of its connections one level nearer the target.
                select h.distance - 1, nearer.id, nearer.name, nearer.stage, nearer.trust_rating, nearer.note
                from hop h
                cross join lateral (
                    select c.id, c.name, c.stage, c.trust_rating, e.note
                    from contact_connection e
                    join contact c on c.owner_id = :owner
                                  and c.id = case when e.contact_a = h.id then e.contact_b else e.contact_a end
                    join nearer_level l on l.distance = h.distance - 1 and c.id = any(l.ids)
                    where e.owner_id = :owner and (e.contact_a = h.id or e.contact_b = h.id)
                    order by c.trust_rating desc nulls last, c.name, c.id
                    limit 1) nearer
                where h.distance > 0
            )
            select id, name, stage, trust_rating, note from hop
            order by distance desc""".formatted(KNOWN_IN_PERSON, NEXT_FRONTIER);

    static final String SEARCH = """
            with serves as materialized (
                select c.id, c.name, c.stage, c.trust_rating, ts_rank(c.search, q) as relevance
                from contact c, websearch_to_tsquery('english', :q) q
                where c.owner_id = :owner and c.search @@ q and c.stage not in (%1$s)
            ),
            -- The relevance of the limit-th best match: a contact whose best match ranks below twice
            -- that ranks (at half) below the limit matches already found, so only better matches
            -- need their connections read. Fewer matches than the limit: all of them.
            cutoff as (
                select case when count(*) < :limit then 0 else min(relevance) end as relevance
                from (select relevance from serves order by relevance desc limit :limit) best
            ),
            knows as (
                select n.contact_id, s.id as via_id, s.name as via_name, s.stage as via_stage,
                       s.trust_rating as via_trust, s.relevance as via_relevance
                from serves s
                join cutoff on s.relevance >= 2 * cutoff.relevance
                cross join lateral (
                    select e.contact_b as contact_id from contact_connection e where e.owner_id = :owner and e.contact_a = s.id
                    union all
                    select e.contact_a from contact_connection e where e.owner_id = :owner and e.contact_b = s.id) n
                where not exists (select 1 from serves d where d.id = n.contact_id)
            ),
            hit as (
                select id, name, stage, trust_rating, 'SERVES' as match, relevance from serves
              union all
                select c.id, c.name, c.stage, c.trust_rating, 'KNOWS', cast(max(k.via_relevance) / 2 as real)
                from knows k join contact c on c.owner_id = :owner and c.id = k.contact_id
                where c.stage not in (%1$s)
                group by c.id
            ),
            top as (
                select * from hit
                order by relevance desc, %2$s, trust_rating desc nulls last, name, id
                limit :limit
            ),
            ranked as (
                select *, row_number() over (order by relevance desc, %2$s, trust_rating desc nulls last, name, id) as position
                from top
            ),
            -- The matches each contact one connection away knows, best first.
            via as (
                select k.*, row_number() over (partition by k.contact_id
                        order by k.via_relevance desc, %3$s, k.via_trust desc nulls last, k.via_name, k.via_id) as via_position
                from knows k join ranked r on r.id = k.contact_id and r.match = 'KNOWS'
            )
            select r.id, r.name, r.stage, r.trust_rating, r.match, r.relevance, v.via_id, v.via_name, v.via_stage
            from ranked r left join via v on v.contact_id = r.id and v.via_position <= :knownShown
            order by r.position, v.via_position""".formatted(ENDED, STAGE_RANK.formatted("stage"), STAGE_RANK.formatted("k.via_stage"));

    private final Session session;

    NetworkRepository(Session session) {
        this.session = session;
    }

    /** One row of a reach: a contact, its distance, and how many contacts each distance holds. */
    public record ReachRow(UUID contactId, String name, RelationshipStage stage, Short trust, int distance, List<Integer> reached) {
    }

    /** One contact of an introduction path, with the note of the connection that leads to it (none for the first). */
    public record PathRow(UUID contactId, String name, RelationshipStage stage, Short trust, String note) {
    }

    /** One row of a search: a hit and, for a KNOWS hit, one of the matches it knows (else nulls). */
    public record SearchRow(UUID contactId, String name, RelationshipStage stage, Short trust, NetworkMatch match, float relevance,
            UUID viaId, String viaName, RelationshipStage viaStage) {
    }

    /**
     * The contacts within {@code depth} connections of {@code start}, nearest first, then most
     * trusted, then by name; at most {@code limit}. Each row also carries the count per distance.
     * No rows when nothing is reached (or {@code start} is not the owner's).
     */
    public List<ReachRow> reach(UUID ownerId, UUID start, int depth, int limit) {
        return session.createNativeQuery(REACH, Object[].class)
                .setParameter("owner", ownerId).setParameter("start", start)
                .setParameter("depth", depth).setParameter("limit", limit)
                .addScalar("id", UUID.class).addScalar("name", String.class).addScalar("stage", String.class)
                .addScalar("trust_rating", Short.class).addScalar("distance", Integer.class).addScalar("reached", Integer[].class)
                .getResultStream()
                .map(row -> new ReachRow((UUID) row[0], (String) row[1], RelationshipStage.valueOf((String) row[2]), (Short) row[3],
                        (Integer) row[4], Arrays.asList((Integer[]) row[5])))
                .toList();
    }

    /**
     * The shortest chain from someone the owner knows in person to {@code target}, at most
     * {@code hops} connections long, that person first and {@code target} last; empty when none.
     */
    public List<PathRow> introductionPath(UUID ownerId, UUID target, int hops) {
        return session.createNativeQuery(INTRODUCTION_PATH, Object[].class)
                .setParameter("owner", ownerId).setParameter("target", target).setParameter("hops", hops)
                .addScalar("id", UUID.class).addScalar("name", String.class).addScalar("stage", String.class)
                .addScalar("trust_rating", Short.class).addScalar("note", String.class)
                .getResultStream()
                .map(row -> new PathRow((UUID) row[0], (String) row[1], RelationshipStage.valueOf((String) row[2]), (Short) row[3],
                        (String) row[4]))
                .toList();
    }

    /**
     * The owner's contacts whose profile matches {@code query} (SERVES) and those one
     * connection away from a match (KNOWS, at half the relevance of the best match they know),
     * DECLINED and CLOSED left out, best first: relevance, then stage, then trust. The first
     * {@code limit} hits, each KNOWS hit repeated for each of the (up to) {@code knownShown}
     * best matches it knows.
     */
    public List<SearchRow> search(UUID ownerId, String query, int limit, int knownShown) {
        return session.createNativeQuery(SEARCH, Object[].class)
                .setParameter("owner", ownerId).setParameter("q", query)
                .setParameter("limit", limit).setParameter("knownShown", knownShown)
                .addScalar("id", UUID.class).addScalar("name", String.class).addScalar("stage", String.class)
                .addScalar("trust_rating", Short.class).addScalar("match", String.class).addScalar("relevance", Float.class)
                .addScalar("via_id", UUID.class).addScalar("via_name", String.class).addScalar("via_stage", String.class)
                .getResultStream()
                .map(row -> new SearchRow((UUID) row[0], (String) row[1], RelationshipStage.valueOf((String) row[2]), (Short) row[3],
                        NetworkMatch.valueOf((String) row[4]), (Float) row[5], (UUID) row[6], (String) row[7],
                        row[8] == null ? null : RelationshipStage.valueOf((String) row[8])))
                .toList();
    }

    /** The stages that satisfy {@code test}, as an SQL list of literals. */
    private static String sqlList(Predicate<RelationshipStage> test) {
        List<String> names = new ArrayList<>();
        for (RelationshipStage stage : RelationshipStage.values()) {
            if (test.test(stage)) {
                names.add("'" + stage.name() + "'");
            }
        }
        return String.join(", ", names);
    }
}
