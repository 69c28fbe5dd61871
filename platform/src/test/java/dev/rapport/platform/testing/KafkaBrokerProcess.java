package dev.rapport.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.concurrent.TimeUnit;


/**
 * A real single-node Kafka broker (KRaft) in a child JVM, owned by one test, so that the test
 * can stop it and start it again on the same port and data to simulate an outage without
 * disturbing the shared broker other tests use.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int port) throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        int controllerPort = freePort();
        this.properties = dataDir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                ""));
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        run(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId, "-c", properties.toString()), true);
    }

    /** Formats a fresh broker on a free port and starts it. */
    public static KafkaBrokerProcess start() {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("rapport-kafka-"), freePort());
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker process (as a crash or an outage would). */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the broker on its port and data and waits until it accepts connections. */
    public void startAgain() {
        try {
            process = run(List.of("kafka.Kafka", properties.toString()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + dataDir.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("Kafka broker did not start within 60 s");
    }

    public void createTopics(String... topics) {
        KafkaTopics.ensure(bootstrapServers(), topics);
    }

    @Override
    public void close() {
        stop();
    }

    private Process run(List<String> mainAndArgs, boolean wait) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                .start();
        if (wait) {
            try {
                if (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0) {
                    throw new IllegalStateException("Kafka storage format failed; see " + dataDir.resolve("broker.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
