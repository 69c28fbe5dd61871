package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * After a crash ({@code kill -9}) and a restart, a consuming service applies events again within
 * 10 s of being ready: its consumer group hands it the partitions once the crashed consumer's
 * session (6 s, not the client's default 45 s) has timed out.
 */
@Tag(Deployment.SINGLE_INSTANCE)
class CrashRecoveryIT {

    private static final String SERVICE = "meetings-service";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void aKilledConsumerIsBackWithin10SecondsOfItsRestart() throws Exception {
        Path pidFile = Deployment.runFolder().resolve(SERVICE + ".pid");
        ProcessHandle service = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();
        service.destroyForcibly();
        service.onExit().get(30, TimeUnit.SECONDS);
        try {
            Deployment.operate("start", SERVICE);
        } catch (IllegalStateException e) {
            Deployment.operate("up", "--no-build");
            throw e;
        }
        long ready = System.nanoTime();

        String name = "Crash Recovery " + UUID.randomUUID();
        String contact = as("alice").contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
        await().atMost(WITHIN.plusSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> !Operator.column("meetings",
                "select contact_id::text from contact_replica where contact_id = ?::uuid", contact).isEmpty());
        Duration resumed = Duration.ofNanos(System.nanoTime() - ready);
        System.out.printf("%s killed (SIGKILL) and restarted: it applied a new contact event %d ms after it was ready%n",
                SERVICE, resumed.toMillis());
        assertThat(resumed).as("from the restarted service being ready until it applied a new event").isLessThan(WITHIN);
    }
}
