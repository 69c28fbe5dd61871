package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.rapport.client.contacts.api.ContactsApi;
import dev.rapport.client.contacts.model.Contact;
import dev.rapport.client.contacts.model.ContactRequest;
import dev.rapport.client.contacts.model.ContactSource;
import dev.rapport.client.contacts.model.RelationshipStage;
import dev.rapport.client.contacts.model.StageChange;
import dev.rapport.client.contacts.model.StageChangeRequest;
import dev.rapport.client.meetings.api.TouchpointsApi;
import dev.rapport.client.meetings.model.Touchpoint;
import dev.rapport.client.meetings.model.TouchpointKind;
import dev.rapport.client.meetings.model.TouchpointRequest;
import dev.rapport.client.notifications.api.InboxApi;
import dev.rapport.client.notifications.model.PageNotificationResponse;
import dev.rapport.client.notifications.model.UnreadCount;
import dev.rapport.client.referrals.api.BalancesApi;
import dev.rapport.client.referrals.api.ReferralsApi;
import dev.rapport.client.referrals.model.Direction;
import dev.rapport.client.referrals.model.PartnerBalance;
import dev.rapport.client.referrals.model.ReferralRequest;

/**
 * The Java clients that openapi-generator makes from the services' own OpenAPI documents (with
 * its validation of the documents on; see the pom) work against the running deployment, through
 * the edge with a real token: a contact is created, read back and found in a list, a touchpoint
 * and a referral are logged with it, and the inbox is read.
 */
class GeneratedClientIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Consumer<HttpRequest.Builder> AS_ALICE =
            request -> request.header("Authorization", "Bearer " + Deployment.token("alice"));

    @Test
    void theGeneratedClientsDriveEachServiceThroughTheEdge() throws Exception {
        String tag = "generated-" + UUID.randomUUID().toString().substring(0, 8);
        Contact created = contacts().createContact(new ContactRequest().name("Gene Rated").company("Generated & Co")
                .tags(List.of(tag)).source(ContactSource.INTRODUCED), null);
        assertThat(created.getId()).isNotNull();

        Contact read = contacts().getContact(created.getId(), null);
        assertThat(read.getName()).isEqualTo("Gene Rated");
        assertThat(read.getCompany()).isEqualTo("Generated & Co");
        assertThat(read.getSource()).isEqualTo(ContactSource.INTRODUCED);
        assertThat(contacts().listContacts(null, 10, RelationshipStage.PROSPECT, tag).getItems())
                .extracting(Contact::getId).containsExactly(created.getId());
        Contact invited = contacts().changeContactStage(created.getId(), new StageChangeRequest().to(RelationshipStage.INVITED), null, null);
        assertThat(invited.getStage()).isEqualTo(RelationshipStage.INVITED);
        assertThat(contacts().listContactStages(created.getId(), null, 10).getItems())
                .extracting(StageChange::getTo).containsExactly(RelationshipStage.PROSPECT, RelationshipStage.INVITED);

        // meetings-service and referrals-service learn about the contact from its event.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Touchpoint touchpoint = once(() -> touchpoints().logTouchpoint(new TouchpointRequest().contactId(created.getId())
                .kind(TouchpointKind.CALL).occurredAt(now).note("Called from a generated client"), null));
        assertThat(touchpoints().listTouchpoints(created.getId(), null, 10).getItems())
                .extracting(Touchpoint::getId).containsExactly(touchpoint.getId());

        once(() -> referrals().createReferral(new ReferralRequest().direction(Direction.GIVEN).partnerId(created.getId())
                .referredName("Ann Other").need("bookkeeping").occurredAt(now), null));
        PartnerBalance balance = balances().getPartnerBalance(created.getId());
        assertThat(balance.getGiven()).isEqualTo(1L);
        assertThat(balance.getReceived()).isZero();

        PageNotificationResponse inbox = inbox().listNotifications(null, null, false, false, 50, null, null, null, null);
        assertThat(inbox.getItems()).isNotNull();
        UnreadCount unread = inbox().countUnreadNotifications(null, null);
        assertThat(unread.getUnread()).isNotNegative();
        assertThat(inbox().countUnreadNotifications("relationship.stalled", created.getId()).getUnread()).isNotNegative();
    }

    /** The call's answer once it succeeds: 422 means the service has not learnt of the contact yet. */
    private static <T> T once(Callable<T> call) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(e -> e instanceof dev.rapport.client.meetings.ApiException meetings && meetings.getCode() == 422
                        || e instanceof dev.rapport.client.referrals.ApiException referrals && referrals.getCode() == 422)
                .until(call, answer -> true);
    }

    private static ContactsApi contacts() {
        var client = new dev.rapport.client.contacts.ApiClient();
        client.updateBaseUri(Deployment.EDGE);
        client.setRequestInterceptor(AS_ALICE);
        return new ContactsApi(client);
    }

    private static TouchpointsApi touchpoints() {
        var client = new dev.rapport.client.meetings.ApiClient();
        client.updateBaseUri(Deployment.EDGE);
        client.setRequestInterceptor(AS_ALICE);
        return new TouchpointsApi(client);
    }

    private static ReferralsApi referrals() {
        var client = new dev.rapport.client.referrals.ApiClient();
        client.updateBaseUri(Deployment.EDGE);
        client.setRequestInterceptor(AS_ALICE);
        return new ReferralsApi(client);
    }

    private static BalancesApi balances() {
        var client = new dev.rapport.client.referrals.ApiClient();
        client.updateBaseUri(Deployment.EDGE);
        client.setRequestInterceptor(AS_ALICE);
        return new BalancesApi(client);
    }

    private static InboxApi inbox() {
        var client = new dev.rapport.client.notifications.ApiClient();
        client.updateBaseUri(Deployment.EDGE);
        client.setRequestInterceptor(AS_ALICE);
        return new InboxApi(client);
    }
}
