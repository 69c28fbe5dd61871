package dev.rapport.contacts.provenance;

import java.util.List;

import dev.rapport.contacts.contact.ContactSource;

/** Tells a provenance chain in words: "Priya, met at the Chamber breakfast, introduced me to Sam, who referred Lee". */
final class ProvenanceStory {

    private ProvenanceStory() {
    }

    /** @param chain from the person the owner met to the contact, never empty */
    static String of(List<ProvenanceLink> chain) {
        ProvenanceLink first = chain.get(0);
        StringBuilder story = new StringBuilder(first.name());
        String origin = origin(first);
        if (origin != null) {
            story.append(", ").append(origin);
        }
        for (int i = 1; i < chain.size(); i++) {
            ProvenanceLink link = chain.get(i);
            String verb = link.source() == ContactSource.REFERRED ? "referred" : "introduced me to";
            if (i > 1) {
                story.append(", who ");
            } else {
                story.append(origin == null ? " " : ", ");
            }
            story.append(verb).append(' ').append(link.name());
        }
        return story.toString();
    }

    /** How the owner met the first person of the chain, when it says anything. */
    private static String origin(ProvenanceLink first) {
        return switch (first.source()) {
            case MET_AT_EVENT -> first.metAtEventName() != null ? "met at " + first.metAtEventName() : "met at a networking event";
            case INTRODUCED -> "introduced to me";
            case REFERRED -> "referred to me";
            case BUSINESS_CARD -> "from a collected business card";
            case OTHER -> null;
        };
    }
}
