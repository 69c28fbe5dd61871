package dev.rapport.contacts.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Follows a contact's introducedBy links back to someone the owner met. */
@ApplicationScoped
public class ProvenanceService {

    private final ContactRepository contacts;

    ProvenanceService(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Transactional
    public ProvenanceResponse of(UUID ownerId, UUID contactId) {
        List<UUID> upwards = contacts.introducers(ownerId, contactId);
        if (upwards.isEmpty()) {
            throw ContactRepository.notFound(contactId);
        }
        Map<UUID, Contact> byId = contacts.list("ownerId = ?1 and id in ?2", ownerId, upwards).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<ProvenanceLink> chain = new ArrayList<>();
        for (int i = upwards.size() - 1; i >= 0; i--) {
            chain.add(ProvenanceLink.of(byId.get(upwards.get(i))));
        }
        return new ProvenanceResponse(contactId, chain, ProvenanceStory.of(chain));
    }
}
