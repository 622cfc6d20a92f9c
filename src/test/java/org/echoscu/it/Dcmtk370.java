package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

/**
 * Where DCMTK 3.7.0's echoscu and storescp are: the folder named by the environment variable
 * {@value #VARIABLE}, else {@code ../shared/dcmtk-3.7.0/bin} beside the project when it exists.
 * Without either the 3.7.0 suite does not run and says so in one line; with one, binaries
 * that do not start are a failure, not a skip (.ci/run sets the variable).
 */
final class Dcmtk370 {

    static final String VARIABLE = "DCMTK370_BIN";
    private static Path bin;

    private Dcmtk370() {
    }

    /** The folder of the binaries, checked to start; aborts the calling suite when there is none. */
    static synchronized Path bin() {
        if (bin == null) {
            String named = System.getenv(VARIABLE);
            Path dir = named != null && !named.isBlank() ? Commands.ROOT.resolve(named).normalize()
                    : Commands.ROOT.resolve("../shared/dcmtk-3.7.0/bin").normalize();
            if (named == null && !Files.isDirectory(dir)) {
                String why = "DCMTK 3.7.0 interoperability suite did not run: set " + VARIABLE
                        + " to the folder of DCMTK 3.7.0's echoscu and storescp";
                System.out.println(why);
                Assumptions.abort(why);
            }
            for (String tool : new String[] {"echoscu", "storescp"}) {
                Run v = Commands.run(Commands.withPrefix(dir.resolve(tool).toString(), "--version"),
                        Duration.ofSeconds(30));
                assertThat(v.exitCode()).as("DCMTK 3.7.0's %s in %s starts: %s", tool, dir, v).isZero();
                assertThat(v.stdout()).as("%s is DCMTK 3.7.0", tool).contains(" v3.7.0 ");
            }
            bin = dir;
        }
        return bin;
    }

    static String tool(String name) {
        return bin().resolve(name).toString();
    }

    /** DCMTK 3.7.0's echoscu. */
    static Run echoscu(String... args) {
        return Commands.run(Commands.withPrefix(tool("echoscu"), args), Duration.ofSeconds(60));
    }

    /** DCMTK 3.7.0's storescp on a free loopback port. */
    static Server storescp(String... options) {
        return Server.storescpAt(tool("storescp"), options);
    }
}
