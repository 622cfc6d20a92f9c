package org.echoscu.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoscu.scp.EchoScp;
import org.echoscu.scp.ScpSettings;

/**
 * The training run behind the class-data-sharing archive that {@code bin/echoscu} and
 * {@code bin/echoscp} start from (target/echoscu.jsa, made by {@code mvn package} with
 * -XX:ArchiveClassesAtExit): it does what a plain run does, in one JVM, so every class a plain
 * echo loads is in the archive. An echoscp on a free loopback port, echoscu's command line
 * read and a few real C-ECHOs sent to it, help texts printed to nowhere. Nothing is logged at
 * the default level, so Logback is not in the archive: a plain echo does not load it either.
 *
 * <p>It never fails the build: if anything goes wrong it says so and the archive is simply
 * left out (bin/.launch runs without one).
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** @param args the archive path, deleted first so that a failed dump leaves no stale archive */
    public static void main(String[] args) {
        try {
            if (args.length > 0) {
                Files.deleteIfExists(Path.of(args[0]));
            }
            int code = train();
            if (code != 0) {
                System.err.println("CDS training: the echo failed (exit code " + code + "); the archive may be incomplete");
            }
        } catch (Exception | Error e) {
            System.err.println("CDS training failed, the archive may be incomplete: " + e);
        }
    }

    private static int train() throws UsageException, IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        OptionTable scpTable = EchoscpCommand.table();
        ScpSettings parsed = EchoscpCommand.settings(DcmtkParser.parse(scpTable, List.of("104")));
        ScpSettings s = new ScpSettings(0, parsed.family(), parsed.policy(), parsed.socketTimeout(),
                parsed.acseTimeout(), parsed.dimseTimeout(), parsed.maxAssociations(), parsed.layer());
        EchoScp scp = new EchoScp(s);
        int port = scp.start();
        try {
            String p = Integer.toString(port);
            int code = EchoscuCommand.run(new String[] {"127.0.0.1", p}, nowhere, nowhere);
            if (code == 0) {
                code = EchoscuCommand.run(new String[] {"--repeat", "200", "-aec", "ECHOSCP", "localhost", p},
                        nowhere, nowhere);
            }
            EchoscuCommand.run(new String[] {"-h"}, nowhere, nowhere);
            EchoscpCommand.run(new String[] {"-h"}, nowhere, nowhere);
            return code;
        } finally {
            scp.close();
        }
    }
}
