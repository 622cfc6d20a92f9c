package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our diagnostics next to DCMTK's for the same scenario against the same storescp. */
class DiagnosticsIT {

    private static Server storescp;

    @BeforeAll
    static void start() {
        storescp = Server.storescp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        storescp.close();
    }

    private static List<String> withoutTimestamps(Path log, Pattern keep) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> keep.matcher(l).find())
                .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", ""))
                .collect(Collectors.toList());
    }

    @Test
    void dcmtksShippedFilelogCfgWorksUnchangedAndLogsLikeDcmtk(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        String port = String.valueOf(storescp.port);
        Path cfg = Path.of("/etc/dcmtk/filelog.cfg");
        assertThat(cfg).as("DCMTK's own filelog.cfg, from the dcmtk package").isReadable();
        Run a = Commands.runIn(ours, List.of(Commands.ROOT.resolve("bin/echoscu").toString(), "-lc", cfg.toString(),
                "--repeat", "2", "127.0.0.1", port), Duration.ofSeconds(60));
        Run b = Commands.runIn(theirs, List.of(Commands.dcmtkBinary("echoscu"), "-lc", cfg.toString(),
                "--repeat", "2", "127.0.0.1", port), Duration.ofSeconds(60));
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(a.stderr()).as("console threshold ERROR: nothing on a good run").isEmpty();
        Pattern info = Pattern.compile("^\\S+ \\S+  INFO - ");
        List<String> ourLines = withoutTimestamps(ours.resolve("echoscu.log"), info);
        assertThat(ourLines).isEqualTo(withoutTimestamps(theirs.resolve("echoscu.log"), info));
        assertThat(ourLines).contains(" INFO - echoscu  - Sending Echo Request (MsgID 2)");
        assertThat(Files.readString(ours.resolve("echoscu.log"))).contains("DEBUG - ");
    }

    @Test
    void dcmtksShippedLoggerCfgPrintsInfoOnTheConsole(@TempDir Path dir) throws Exception {
        Run a = Commands.runIn(dir, List.of(Commands.ROOT.resolve("bin/echoscu").toString(), "-lc",
                "/etc/dcmtk/logger.cfg", "127.0.0.1", String.valueOf(storescp.port)), Duration.ofSeconds(60));
        assertThat(a.exitCode()).isZero();
        assertThat(a.stderrLines()).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  INFO: Received Echo Response \\(Success\\)"));
        assertThat(dir.resolve("echoscu.log")).exists();
    }

    @Test
    void requestDumpHasDcmtksLayout() throws Exception {
        String port = String.valueOf(storescp.port);
        Run ours = Commands.echoscu("-d", "127.0.0.1", port);
        Run theirs = Commands.dcmtk("echoscu", "-d", "127.0.0.1", port);
        List<String> ourDump = block(ours.stderrLines(), "BEGIN A-ASSOCIATE-RQ", "END A-ASSOCIATE-RQ");
        List<String> theirDump = block(theirs.stderrLines(), "BEGIN A-ASSOCIATE-RQ", "END A-ASSOCIATE-RQ");
        assertThat(ourDump).hasSameSizeAs(theirDump);
        for (int i = 0; i < theirDump.size(); i++) {
            String t = theirDump.get(i);
            if (t.startsWith("D: Our Implementation")) {
                assertThat(ourDump.get(i)).startsWith(t.substring(0, t.indexOf(':', 3) + 1));
            } else if (t.startsWith("D: Responding Application Name: ")) {
                // DCMTK 3.7.0 leaves it empty in the request (Dcmtk370IT); 3.6.7 repeats the called title
                assertThat(ourDump.get(i)).isEqualTo("D: Responding Application Name: ");
            } else {
                assertThat(ourDump.get(i)).isEqualTo(t);
            }
        }
        List<String> ourAc = block(ours.stderrLines(), "BEGIN A-ASSOCIATE-AC", "END A-ASSOCIATE-AC");
        List<String> theirAc = block(theirs.stderrLines(), "BEGIN A-ASSOCIATE-AC", "END A-ASSOCIATE-AC");
        assertThat(ourAc).hasSameSizeAs(theirAc);
        assertThat(ourAc.stream().filter(l -> !l.startsWith("D: Our Implementation")).toList())
                .isEqualTo(theirAc.stream().filter(l -> !l.startsWith("D: Our Implementation")).toList());
    }

    @Test
    void unusableDcmdictpathWarnsButTheEchoStillSucceeds() {
        Run ours = Commands.run(List.of("env", "DCMDICTPATH=/nonexistent/dicom.dic",
                Commands.ROOT.resolve("bin/echoscu").toString(), "127.0.0.1", String.valueOf(storescp.port)),
                Duration.ofSeconds(60));
        assertThat(ours.exitCode()).as("DCMTK's echoscu fails here with 70; we must not").isZero();
        assertThat(ours.stderrLines()).containsExactly(
                "E: DcmDataDictionary: Cannot open file: /nonexistent/dicom.dic",
                "W: no data dictionary loaded, check environment variable: DCMDICTPATH");
    }

    @Test
    void dictionaryNamesTheCommandElementsInDebugDumps() {
        Run ours = Commands.run(List.of("env", "DCMDICTPATH=/usr/share/libdcmtk17/dicom.dic",
                Commands.ROOT.resolve("bin/echoscu").toString(), "-d", "127.0.0.1", String.valueOf(storescp.port)),
                Duration.ofSeconds(60));
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stderrLines()).contains("D: DcmDataDictionary: Loading file: /usr/share/libdcmtk17/dicom.dic")
                .anyMatch(l -> l.matches("D: \\(0000,0120\\) US 1 +#   2, 1 MessageIDBeingRespondedTo"));
    }

    @Test
    void echoscpDumpsFromItsSide() throws Exception {
        try (Server scp = Server.echoscp("-d")) {
            Run r = Commands.echoscu("127.0.0.1", String.valueOf(scp.port));
            assertThat(r.exitCode()).isZero();
            Ports.sleep(300);
            String log = scp.log();
            assertThat(log).contains("D: ====================== BEGIN A-ASSOCIATE-AC =====================",
                    "D: Their Implementation Version Name: " + org.echoscu.acse.Uids.IMPLEMENTATION_VERSION_NAME,
                    "D:   Context ID:        1 (Accepted)",
                    "D: ===================== INCOMING DIMSE MESSAGE ====================",
                    "D: Message Type                  : C-ECHO RQ",
                    "D: ===================== OUTGOING DIMSE MESSAGE ====================",
                    "D: DIMSE Status                  : 0x0000: Success",
                    "D: Received A-RELEASE-RQ", "D: Sent A-RELEASE-RP");
        }
    }

    @Test
    void traceAddsStateTransitionsAndBytes() throws Exception {
        Run r = Commands.echoscu("-ll", "trace", "127.0.0.1", String.valueOf(storescp.port));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderrLines()).contains("T: Sta1 + Evt1 (A-ASSOCIATE request primitive) -> AE-1 -> Sta4",
                "T: Sta7 + Evt13 (A-RELEASE-RP PDU received) -> AR-3 -> Sta1", "D: Sent A-RELEASE-RQ",
                "D:   05  00  00  00  00  04  00  00  00  00");
    }

    @Test
    void versionNamesRuntimeAndLibraries() {
        Run ours = Commands.echoscu("--version");
        assertThat(ours.exitCode()).isZero();
        assertThat(ours.stdout()).startsWith("$jecho: echoscu v").contains("\n\necho", "Host type: ",
                "Java runtime: ", "External libraries used:\n- picocli, Version ", "- SLF4J, Version ",
                "- Logback, Version ");
    }

    private static List<String> block(List<String> lines, String from, String to) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (a < 0 && lines.get(i).contains(from)) {
                a = i;
            }
            if (a >= 0 && lines.get(i).contains(to)) {
                b = i;
                break;
            }
        }
        assertThat(a).as("dump %s in %s", from, lines).isGreaterThanOrEqualTo(0);
        return lines.subList(a, b + 1);
    }
}
