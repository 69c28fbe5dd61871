package dev.rapport.meetings.account;

import static dev.rapport.platform.account.OwnedRows.byOwner;

import java.util.List;

import dev.rapport.platform.account.AccountData;
import dev.rapport.platform.account.OwnedRows;
import jakarta.enterprise.context.ApplicationScoped;

/** What meetings-service keeps of an account: its meetings, touchpoints, networking events and calendar feed, and its contacts' replica. */
@ApplicationScoped
class MeetingsAccountData implements AccountData {

    @Override
    public List<OwnedRows> ownedRows() {
        return List.of(new OwnedRows("meeting_change", "t.meeting_id in (select id from meeting where owner_id = :owner)"),
                byOwner("meeting"), byOwner("touchpoint"), byOwner("attendance"), byOwner("networking_event"), byOwner("calendar_feed"),
                byOwner("contact_replica"));
    }
}
