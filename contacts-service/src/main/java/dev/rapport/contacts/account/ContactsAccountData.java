package dev.rapport.contacts.account;

import static dev.rapport.platform.account.OwnedRows.byOwner;

import java.util.List;

import dev.rapport.platform.account.AccountData;
import dev.rapport.platform.account.OwnedRows;
import jakarta.enterprise.context.ApplicationScoped;

/** What contacts-service keeps of an account: its contacts and everything about them. */
@ApplicationScoped
class ContactsAccountData implements AccountData {

    @Override
    public List<OwnedRows> ownedRows() {
        return List.of(byOwner("contact_link"), byOwner("contact_connection"), byOwner("contact_rating"), byOwner("reservation"),
                byOwner("contact_stage_change"), byOwner("contact"));
    }
}
