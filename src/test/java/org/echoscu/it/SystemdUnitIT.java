package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * contrib/systemd/echoscu-exporter.service, checked by systemd's own {@code systemd-analyze}.
 *
 * <p>{@code verify} wants the ExecStart binary to exist, and /usr/bin/echoscu-exporter exists
 * only where the package is installed: the unit is verified as shipped except for that one
 * path, which points at the build's bin/echoscu-exporter (the launcher the package's command
 * runs). {@code verify} only warns about an unknown key or a bad value and still exits 0, so
 * the test requires it to say nothing at all. Man pages are not looked up ({@code --man=no}):
 * the build's are not on MANPATH. The unit cannot be started here (no systemd as PID 1), so
 * what it allows the JVM is not tried; {@code security --offline} rates its exposure.
 */
class SystemdUnitIT {

    private static final Path UNIT = Commands.ROOT.resolve("contrib/systemd/echoscu-exporter.service");
    private static final String EXEC_START =
            "ExecStart=/usr/bin/echoscu-exporter --config.file=/etc/echoscu-java/echoscu-exporter.yml";

    private static Run analyze(String... args) {
        String tool = Commands.debianTool("systemd-analyze", "systemd", "the unit is checked with systemd's own analyzer");
        return Commands.run(Commands.withPrefix(tool, args), Duration.ofSeconds(60));
    }

    /** The unit under its own name in a directory of its own, ExecStart at the build's launcher. */
    private static Path unitForTheBuild(String text) throws IOException {
        Path launcher = Commands.ROOT.resolve("bin/echoscu-exporter");
        assertThat(launcher).as("the launcher the unit starts").isExecutable();
        assertThat(text).contains(EXEC_START + "\n");
        Path dir = Shipped.tempDir("unit");
        Path unit = dir.resolve("echoscu-exporter.service");
        Files.writeString(unit, text.replace(EXEC_START, EXEC_START.replace("/usr/bin/echoscu-exporter", launcher.toString())));
        return unit;
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnitWithoutAWord() throws IOException {
        Run r = analyze("verify", "--man=no", unitForTheBuild(Files.readString(UNIT)).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout() + r.stderr()).as(r.toString()).isEmpty();
    }

    @Test
    void verifyWouldSeeAMisspelledOrBadSetting() throws IOException {
        String unit = Files.readString(UNIT);
        for (String[] change : List.of(new String[] {"ProtectSystem=strict", "ProtectSytem=strict"},
                new String[] {"ProtectSystem=strict", "ProtectSystem=stricter"})) {
            assertThat(unit).contains(change[0] + "\n");
            Run r = analyze("verify", "--man=no", unitForTheBuild(unit.replace(change[0], change[1])).toString());
            assertThat(r.stdout() + r.stderr()).as("%s\n%s", change[1], r).contains("echoscu-exporter.service:");
        }
    }

    @Test
    void theUnitIsLockedDownAsIssue20Asks() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertThat(lines).contains(EXEC_START, "DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes",
                "CapabilityBoundingSet=", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID",
                "PrivateTmp=yes", "ProtectHome=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX");
        assertThat(lines).as("the JVM's JIT writes the code it runs")
                .noneMatch(l -> l.startsWith("MemoryDenyWriteExecute=yes"));
    }

    /**
     * systemd's own rating of what the unit leaves open, 0 (nothing) to 10: 1.2 today; what
     * remains is what a DICOM prober needs (the network, a JIT, /proc). Above 1.5 (its
     * threshold is in tenths) a setting was lost.
     */
    @Test
    void systemdRatesTheUnitsExposureLow() throws IOException {
        Run r = analyze("security", "--offline=true", "--threshold=15", unitForTheBuild(Files.readString(UNIT)).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).containsPattern("Overall exposure level for echoscu-exporter.service: 1\\.[0-5] OK");
    }
}
