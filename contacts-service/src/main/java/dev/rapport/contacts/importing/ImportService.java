package dev.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.contact.ContactRequest;
import dev.rapport.contacts.contact.ContactService;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Imports the rows an upload was read into, for one owner, in one transaction: each row is
 * validated as POST /contacts validates its body and checked against the owner's contacts and
 * the rows before it; the new contacts are created through {@link ContactService#createAll},
 * which publishes rapport.contact.created.v1 for each. A failure of the whole (the database)
 * rolls every row back. One owner's imports take turns.
 */
@ApplicationScoped
public class ImportService {

    private final ContactService contactService;
    private final ContactRepository contacts;
    private final Validator validator;
    private final ImportConfig config;

    ImportService(ContactService contactService, ContactRepository contacts, Validator validator, ImportConfig config) {
        this.contactService = contactService;
        this.contacts = contacts;
        this.validator = validator;
        this.config = config;
    }

    /**
     * Decides every row first (rejected, duplicate, or to be created), then creates the new
     * contacts in one go, and answers the report in row order.
     */
    @Transactional
    ImportReport importRows(UUID ownerId, ParsedImport parsed) {
        if (parsed.rows().size() > config.maxRows()) {
            throw new ProblemException("too-many-rows", "Payload too large", 413, "The file has " + parsed.rows().size()
                    + " rows; an import takes at most " + config.maxRows() + ". Split it and import the parts; nothing was imported");
        }
        contacts.lockImportsOf(ownerId);
        DuplicateCheck duplicates = new DuplicateCheck(contacts.identities(ownerId));
        List<Decision> decisions = new ArrayList<>(parsed.rows().size());
        List<ContactRequest> toCreate = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            Decision decision = decide(row, duplicates);
            if (decision.create() != null) {
                toCreate.add(decision.create());
            }
            decisions.add(decision);
        }
        Iterator<ContactService.Versioned> created = contactService.createAll(ownerId, toCreate).iterator();
        Map<Integer, UUID> createdByRow = new HashMap<>();
        List<ImportRowResult> results = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            if (decision.create() != null) {
                UUID id = created.next().contact().id();
                createdByRow.put(decision.row(), id);
                results.add(ImportRowResult.created(decision.row(), id));
            } else if (decision.duplicate() != null) {
                DuplicateCheck.Match match = decision.duplicate();
                UUID id = match.contactId() != null ? match.contactId() : createdByRow.get(match.row());
                results.add(ImportRowResult.duplicate(decision.row(), id, match));
            } else {
                results.add(ImportRowResult.rejected(decision.row(), decision.rejection()));
            }
        }
        return ImportReport.of(results, parsed.ignoredColumns());
    }

    /** What to do with one row: exactly one of create, duplicate and rejection is set. */
    private record Decision(int row, ContactRequest create, DuplicateCheck.Match duplicate, String rejection) {
    }

    private Decision decide(ImportRow row, DuplicateCheck duplicates) {
        if (row instanceof ImportRow.Unreadable unreadable) {
            return new Decision(row.row(), null, null, unreadable.reason());
        }
        ContactRequest request = ((ImportRow.Readable) row).request();
        Set<ConstraintViolation<ContactRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Decision(row.row(), null, null, violations.stream()
                    .map(v -> ProblemMappers.fieldOf(v) + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        DuplicateCheck.Match match = duplicates.find(request.email(), request.name(), request.company());
        if (match != null) {
            return new Decision(row.row(), null, match, null);
        }
        duplicates.willCreate(row.row(), request.email(), request.name(), request.company());
        return new Decision(row.row(), request, null, null);
    }
}
