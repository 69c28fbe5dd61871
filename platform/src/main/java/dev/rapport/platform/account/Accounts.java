package dev.rapport.platform.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.time.SqlTimes;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * An account's data on this service, as its {@link AccountData} declares it: exported (the right
 * of access) and erased (the right to be forgotten). An erasure is remembered by the account's id
 * and time, so that events about the account from before it, arriving late, are not applied.
 */
@ApplicationScoped
public class Accounts {

    /** Tables that hold no account's data: Flyway's history, the consumers' record of event ids, this list of erased ids. */
    public static final Set<String> NOT_ACCOUNT_DATA = Set.of("flyway_schema_history", "processed_event", "erased_account");

    /**
     * Set ({@code on}) for the rest of an erasure's transaction, so that a guard of an append-only
     * table can let the erasure delete the account's rows (and nothing else can).
     */
    public static final String ERASING_SETTING = "rapport.erasing_account";

    private static final List<OwnedRows> PLATFORM_ROWS = List.of(OwnedRows.byOwner("outbox_event"), OwnedRows.byOwner("idempotency_key"));

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Instance<AccountData> declared;
    private final ObjectMapper mapper;

    Accounts(EntityManager entityManager, Instance<AccountData> declared, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.declared = declared;
        this.mapper = mapper;
    }

    /** Every owned table's rows of the account, by table, in declaration order. */
    @Transactional
    public Map<String, List<Map<String, Object>>> export(UUID ownerId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (OwnedRows rows : ownedRows()) {
            String json = (String) entityManager.createNativeQuery(
                    "select cast(coalesce(json_agg(t), '[]') as text) from " + rows.table() + " t where " + rows.condition())
                    .setParameter("owner", ownerId)
                    .getSingleResult();
            tables.put(rows.table(), read(json));
        }
        return tables;
    }

    /**
     * Deletes every row of the account and remembers the erasure. Idempotent: erasing again
     * deletes what came since and moves the remembered time on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID ownerId, Instant erasedAt) {
        data().ifPresent(data -> data.beforeErase(ownerId, erasedAt));
        // The session must neither write back nor serve what the statements below delete.
        entityManager.flush();
        entityManager.clear();
        entityManager.createNativeQuery("select cast(set_config('" + ERASING_SETTING + "', 'on', true) as text)").getSingleResult();
        int deleted = 0;
        for (OwnedRows rows : ownedRows()) {
            deleted += entityManager.createNativeQuery("delete from " + rows.table() + " t where " + rows.condition())
                    .setParameter("owner", ownerId)
                    .executeUpdate();
        }
        entityManager.createNativeQuery("select cast(set_config('" + ERASING_SETTING + "', '', true) as text)").getSingleResult();
        entityManager.createNativeQuery("""
                insert into erased_account (owner_id, erased_at) values (?1, ?2)
                on conflict (owner_id) do update set erased_at = greatest(erased_account.erased_at, excluded.erased_at)""")
                .setParameter(1, ownerId)
                .setParameter(2, Timestamp.from(erasedAt))
                .executeUpdate();
        Log.infof("Account %s erased: %d rows deleted", ownerId, deleted);
    }

    /** When the account was last erased here, if ever. */
    @Transactional
    public Optional<Instant> erasedAt(UUID ownerId) {
        List<?> found = entityManager.createNativeQuery("select erased_at from erased_account where owner_id = ?1")
                .setParameter(1, ownerId)
                .getResultList();
        return found.stream().map(SqlTimes::instant).findFirst();
    }

    /**
     * When each of the accounts was last erased here, of those that were: something about one
     * of them that happened then or before is not to be applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Instant> erasedAt(Collection<UUID> ownerIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select owner_id, erased_at from erased_account where owner_id = any(cast(cast(?1 as text[]) as uuid[]))")
                .setParameter(1, ownerIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        Map<UUID, Instant> erased = new HashMap<>();
        for (Object[] row : rows) {
            erased.put((UUID) row[0], SqlTimes.instant(row[1]));
        }
        return erased;
    }

    /**
     * What does not match between the declaration and the schema: a table of the schema neither
     * declared as account data nor known to hold none, or a declared table the schema lacks.
     * Each service's tests expect none.
     */
    @Transactional
    public List<String> declarationMismatches() {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .getResultList();
        List<String> declaredTables = ownedRows().stream().map(OwnedRows::table).toList();
        List<String> mismatches = new ArrayList<>();
        tables.stream().filter(table -> !declaredTables.contains(table) && !NOT_ACCOUNT_DATA.contains(table))
                .forEach(table -> mismatches.add("undeclared: " + table));
        declaredTables.stream().filter(table -> !tables.contains(table)).forEach(table -> mismatches.add("declared, not in the schema: " + table));
        return mismatches;
    }

    private List<OwnedRows> ownedRows() {
        List<OwnedRows> rows = new ArrayList<>(data().map(AccountData::ownedRows).orElse(List.of()));
        rows.addAll(PLATFORM_ROWS);
        return rows;
    }

    private Optional<AccountData> data() {
        return declared.isResolvable() ? Optional.of(declared.get()) : Optional.empty();
    }

    private List<Map<String, Object>> read(String json) {
        try {
            return mapper.readValue(json, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL answered JSON Jackson cannot read", e);
        }
    }
}
