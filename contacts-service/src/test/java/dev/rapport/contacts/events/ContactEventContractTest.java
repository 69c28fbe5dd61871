package dev.rapport.contacts.events;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.account.AccountErased;
import dev.rapport.platform.outbox.DomainEvent;
import dev.rapport.platform.testing.AsyncApiContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ContactEventContractTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void asyncApiDocumentMatchesEveryPublishedEvent() throws Exception {
        Map<String, Class<? extends DomainEvent>> types = Stream.concat(Arrays.stream(ContactEvent.class.getPermittedSubclasses()),
                        Stream.of(AccountErased.class))
                .collect(Collectors.toMap(AsyncApiContract::typeOf, c -> c.asSubclass(DomainEvent.class)));
        AsyncApiContract.verify(Path.of("asyncapi.yaml"), mapper, types);
    }
}
