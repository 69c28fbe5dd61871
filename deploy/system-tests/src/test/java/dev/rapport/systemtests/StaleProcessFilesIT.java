package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * After a crash (or a reboot) the operator's script finds pid files naming processes that no
 * longer exist: {@code status} tells the truth about them and {@code up} starts again what is
 * gone, instead of failing without a word.
 */
@Tag(Deployment.SINGLE_INSTANCE)
class StaleProcessFilesIT {

    private static final String SERVICE = "referrals-service";

    @Test
    void statusAndUpSurviveAPidFileOfAProcessThatNoLongerExists() throws Exception {
        Path pidFile = Deployment.runFolder().resolve(SERVICE + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        try {
            // A crash: the service is killed outright, and its pid file stays behind...
            ProcessHandle service = ProcessHandle.of(pid).orElseThrow();
            service.destroyForcibly();
            service.onExit().get(30, TimeUnit.SECONDS);
            // ...naming, once the process is reaped, a pid that no process has.
            Files.writeString(pidFile, gonePid() + "\n");

            String status = Deployment.operate("status");
            assertThat(status.lines().filter(line -> line.startsWith(SERVICE)))
                    .singleElement().asString().contains("stopped");
        } finally {
            Deployment.operate("up", "--no-build");
        }
        String status = Deployment.operate("status");
        assertThat(status.lines().filter(line -> line.startsWith(SERVICE))).singleElement().asString().contains("running");
    }

    /** The pid of a process that ran, ended and was reaped: nothing answers to it now. */
    private static long gonePid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
