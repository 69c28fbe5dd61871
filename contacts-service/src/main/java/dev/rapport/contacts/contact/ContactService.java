package dev.rapport.contacts.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.contacts.events.ContactCreated;
import dev.rapport.contacts.events.ContactDeleted;
import dev.rapport.contacts.events.ContactErased;
import dev.rapport.contacts.events.ContactUpdated;
import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.contacts.stage.StageChangeRepository;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.ProblemMappers;
import dev.rapport.platform.idempotency.IdempotencyStore;
import dev.rapport.platform.outbox.DomainEvent;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.time.IsoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The rules of a contact's profile; every change publishes its event in the same transaction. */
@ApplicationScoped
public class ContactService {

    /** The problem type of an introducedBy that would make the provenance chain a loop. */
    public static final String PROVENANCE_CYCLE = "provenance-cycle";

    private final ContactRepository contacts;
    private final StageChangeRepository stageChanges;
    private final Outbox outbox;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Validator validator;

    ContactService(ContactRepository contacts, StageChangeRepository stageChanges, Outbox outbox, IdempotencyStore idempotency,
            Clock clock, ObjectMapper mapper, Validator validator) {
        this.contacts = contacts;
        this.stageChanges = stageChanges;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A contact and its version, which the resource turns into an ETag. */
    public record Versioned(ContactResponse contact, long version) {
    }

    @Transactional
    public Versioned create(UUID ownerId, ContactRequest request) {
        return createAll(ownerId, List.of(request)).get(0);
    }

    /**
     * The one way contacts are added, one (POST /contacts) or thousands (an import) at a time:
     * each starts as PROSPECT with that first entry in its stage history and publishes
     * rapport.contact.created.v1. The requests must be valid. One flush for all of them, so that
     * the cost of a contact does not grow with the number already added in the transaction.
     */
    @Transactional
    public List<Versioned> createAll(UUID ownerId, List<ContactRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        List<Contact> created = new ArrayList<>(requests.size());
        for (ContactRequest request : requests) {
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.ownerId = ownerId;
            contact.createdAt = now;
            contact.stage = RelationshipStage.PROSPECT;
            apply(contact, request, now);
            contacts.persist(contact);
            created.add(contact);
        }
        for (Contact contact : created) {
            stageChanges.record(ownerId, contact.id, null, contact.stage, null, now);
        }
        contacts.flush();
        outbox.publishAll(ownerId, created.stream().<DomainEvent>map(contact -> new ContactCreated(contact.id, contact.name,
                contact.company, contact.role, contact.email, contact.phone, contact.business, contact.targetMarket,
                contact.idealClient, List.copyOf(contact.tags), contact.source.name(), contact.introducedBy, contact.metAtEventId,
                contact.metAtEventName, contact.stage.name(), ContactResponse.stayInTouchEvery(contact), contact.createdAt)).toList());
        return created.stream().map(ContactService::versioned).toList();
    }

    /** A single read: no transaction, so no begin and commit around the one statement. */
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(contacts.requireOwned(ownerId, id));
    }

    @Transactional
    public Page<ContactResponse> list(UUID ownerId, PageRequest page, String tag, RelationshipStage stage) {
        return Page.of(contacts.page(ownerId, page, tag, stage), page, c -> new Cursor(c.createdAt, c.id), ContactResponse::of);
    }

    @Transactional
    public Versioned replace(UUID ownerId, UUID id, String ifMatch, ContactRequest request) {
        Contact contact = contacts.requireOwned(ownerId, id);
        ETags.checkIfMatch(ifMatch, contact.version);
        return update(contact, request);
    }

    /** Applies an RFC 7396 merge patch to the contact's profile, then validates the result as a whole. */
    @Transactional
    public Versioned patch(UUID ownerId, UUID id, String ifMatch, JsonNode patch) {
        Contact contact = contacts.requireOwned(ownerId, id);
        ETags.checkIfMatch(ifMatch, contact.version);
        if (!patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (application/merge-patch+json)");
        }
        JsonNode current = mapper.valueToTree(ContactResponse.of(contact).toRequest());
        ContactRequest patched;
        try {
            patched = mapper.treeToValue(MergePatch.apply(current, patch), ContactRequest.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
        Set<ConstraintViolation<ContactRequest>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return update(contact, patched);
    }

    /**
     * Deletes the contact with its history, reservations, ratings and connections. To erase it
     * (the right to be forgotten) also forgets every event of it still in the outbox and every
     * stored Idempotency-Key answer naming it, and publishes rapport.contact.erased.v1 after
     * rapport.contact.deleted.v1, so that every other service removes the person too.
     */
    @Transactional
    public void delete(UUID ownerId, UUID id, String ifMatch, boolean erase) {
        Contact contact = contacts.requireOwned(ownerId, id);
        ETags.checkIfMatch(ifMatch, contact.version);
        contacts.delete(contact);
        Instant now = now();
        if (erase) {
            contacts.flush();
            outbox.forgetSubject(ownerId, id);
            idempotency.forgetAnswersMentioning(ownerId, id.toString());
        }
        outbox.publish(ownerId, new ContactDeleted(contact.id, now));
        if (erase) {
            outbox.publish(ownerId, new ContactErased(contact.id, now));
        }
    }

    private Versioned update(Contact contact, ContactRequest request) {
        apply(contact, request, now());
        contacts.flush();
        outbox.publish(contact.ownerId, new ContactUpdated(contact.id, contact.name, contact.company, contact.role,
                contact.email, contact.phone, contact.business, contact.targetMarket, contact.idealClient,
                List.copyOf(contact.tags), contact.source.name(), contact.introducedBy, contact.metAtEventId, contact.metAtEventName,
                contact.stage.name(), ContactResponse.stayInTouchEvery(contact), contact.updatedAt));
        return versioned(contact);
    }

    private void apply(Contact contact, ContactRequest request, Instant now) {
        contact.name = request.name().strip();
        contact.company = request.company();
        contact.role = request.role();
        contact.email = request.email();
        contact.emailKey = SamePerson.emailKey(contact.email);
        contact.nameKey = SamePerson.nameKey(contact.name);
        contact.companyKey = SamePerson.companyKey(contact.company);
        contact.phone = request.phone();
        contact.business = request.business();
        contact.targetMarket = request.targetMarket();
        contact.idealClient = request.idealClient();
        contact.tags = request.tags() == null ? new ArrayList<>()
                : new ArrayList<>(request.tags().stream().map(String::strip).distinct().toList());
        contact.notes = request.notes();
        applyProvenance(contact, request);
        contact.stayInTouchSeconds = request.stayInTouchEvery() == null ? null
                : IsoDurations.parse("stayInTouchEvery", request.stayInTouchEvery()).toSeconds();
        contact.updatedAt = now;
    }

    /**
     * Where the owner knows the contact from. The source follows from the links when not given,
     * and must agree with them; the introducer must be another of the owner's contacts and must
     * not lead back to this one, so that every chain ends at someone the owner met.
     */
    private void applyProvenance(Contact contact, ContactRequest request) {
        boolean metAtEvent = request.metAtEventId() != null || request.metAtEventName() != null;
        ContactSource source = request.source() != null ? request.source()
                : request.introducedBy() != null ? ContactSource.INTRODUCED
                : metAtEvent ? ContactSource.MET_AT_EVENT : ContactSource.OTHER;
        if (request.introducedBy() != null && source != ContactSource.INTRODUCED && source != ContactSource.REFERRED) {
            throw ProblemException.invalid("introducedBy", "goes with source INTRODUCED or REFERRED, not " + source);
        }
        if (metAtEvent && source != ContactSource.MET_AT_EVENT) {
            throw ProblemException.invalid(request.metAtEventId() != null ? "metAtEventId" : "metAtEventName",
                    "goes with source MET_AT_EVENT, not " + source);
        }
        if (request.introducedBy() != null && !request.introducedBy().equals(contact.introducedBy)) {
            if (request.introducedBy().equals(contact.id)) {
                throw ProblemException.unprocessable(PROVENANCE_CYCLE, "A contact cannot have introduced itself");
            }
            if (contacts.findOwned(contact.ownerId, request.introducedBy()).isEmpty()) {
                throw ProblemException.unprocessable("unknown-contact", "introducedBy names no contact of yours: " + request.introducedBy());
            }
            if (contacts.introducers(contact.ownerId, request.introducedBy()).contains(contact.id)) {
                throw ProblemException.unprocessable(PROVENANCE_CYCLE, "Contact " + request.introducedBy()
                        + " was itself introduced through this contact; the chain would never reach someone you met");
            }
        }
        contact.source = source;
        contact.introducedBy = request.introducedBy();
        contact.metAtEventId = request.metAtEventId();
        contact.metAtEventName = request.metAtEventName() == null ? null : request.metAtEventName().strip();
    }

    private static Versioned versioned(Contact contact) {
        return new Versioned(ContactResponse.of(contact), contact.version);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
