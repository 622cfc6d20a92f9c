package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every common command line finds all of our classes in the start-up archive that the build
 * trained for it (bin/.train, org.echoscu.cli.CdsTraining): a class of ours that the training
 * never reaches is read from the jar at every run, and the first one costs a run some 4 ms
 * (the jar opened, inflated and verified), more than anything else of ours on the echo path.
 * The archive is the build's, for the JVM that runs Maven and these tests.
 */
class StartUpArchiveIT {

    private static Server echoscp;

    @BeforeAll
    static void start() {
        echoscp = Server.echoscp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        echoscp.close();
    }

    @Test
    void everyCommonRunTakesOurClassesFromTheArchive() {
        String port = String.valueOf(echoscp.port);
        List<List<String>> lines = List.of(
                List.of("127.0.0.1", port), List.of("-v", "127.0.0.1", port), List.of("-d", "127.0.0.1", port),
                List.of("-q", "127.0.0.1", port), List.of("--repeat", "3", "127.0.0.1", port),
                List.of("--version"), List.of("-h"), List.of("+cc"), List.of("--list-profiles"));
        for (List<String> line : lines) {
            List<String> command = new ArrayList<>(List.of(Commands.ROOT.resolve("bin/echoscu").toString()));
            command.addAll(line);
            Run r = Commands.run(command, Duration.ofSeconds(60), null,
                    Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"));
            assertThat(r.exitCode()).as(String.join(" ", line) + "\n" + r).isZero();
            List<String> ours = r.stdout().lines().filter(l -> l.contains("org.echoscu.")).toList();
            assertThat(ours).as(String.join(" ", line)).isNotEmpty()
                    .allMatch(l -> l.contains("source: shared objects file"), "from the start-up archive");
        }
    }
}
