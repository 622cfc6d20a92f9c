package org.echoscu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.probe.ProbeResult;
import org.echoscu.scu.PeerInfo;
import org.echoscu.scu.TlsFacts;
import org.junit.jupiter.api.Test;

class FleetViewTest {

    @Test
    void aLinePerTargetWithReasonTargetAndPhases() {
        assertThat(FleetView.line("PACS@192.0.2.7:104", Samples.ok())).isEqualTo(
                "ok                PACS@192.0.2.7:104 resolve=1.00ms connect=2.00ms associate=3.00ms echo=4.00ms "
                        + "release=0.500ms total=10.5ms");
        assertThat(FleetView.line("x:104", Samples.calledAeRejected())).startsWith("rejected          x:104 ")
                .endsWith(": Association Rejected:; Result: Rejected Permanent, Source: Service User; Reason: Called "
                        + "AE Title Not Recognized");
    }

    @Test
    void theTableIsSortedByOutcomeThenTargetAndRightAligned() {
        List<String> names = List.of("b", "a", "c", "d");
        List<ProbeResult> results = List.of(Samples.failedStatus(), Samples.refused(), Samples.ok(), Samples.ok());
        String[] lines = FleetView.table(names, results).split("\n");
        assertThat(lines[0]).startsWith("OUTCOME  EXIT  TARGET  RESOLVE ms  CONNECT ms  TLS ms  ASSOCIATE ms");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).startsWith("ok          0  c ");
        assertThat(lines[2]).startsWith("ok          0  d ");
        assertThat(lines[3]).startsWith("refused     1  a ");
        assertThat(lines[4]).startsWith("status     70  b ");
        assertThat(lines[3]).endsWith("0.500       -             -        -           -      1.50");
        assertThat(lines[1].length()).isEqualTo(lines[0].length());
    }

    @Test
    void theSummaryCountsEachReasonAndNamesTheExitCode() {
        List<ProbeResult> results = List.of(Samples.ok(), Samples.refused(), Samples.refused(), Samples.failedStatus());
        assertThat(FleetView.summary(results, 2_345_000_000L))
                .isEqualTo("4 targets: 1 ok, 3 failed (refused 2, status 1) in 2.35 s, exit 70");
        assertThat(FleetView.summary(List.of(Samples.ok()), 1_000_000_000L)).isEqualTo("1 target: 1 ok, 0 failed in 1.00 s, exit 0");
    }

    @Test
    void jsonIsTheProbeObjectPerTargetWithoutTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetView view = new FleetView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        view.target(2, "PACS@192.0.2.7:104", null, Samples.refused());
        view.end(List.of("PACS@192.0.2.7:104"), List.of(Samples.refused()), 1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(JsonView.probeObject(2, Samples.refused()) + "\n");
        assertThat(view.exitCode()).isEqualTo(1);
    }

    @Test
    void jsonNamesAnOrthancModality() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetView view = new FleetView(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        view.target(1, "one=PACS@192.0.2.7:104", "one", Samples.refused());
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertThat(org.echoscu.ProbeSchema.validLines(line).get(0).get("target").get("name").asString()).isEqualTo("one");
    }

    private static PeerInfo info(TlsFacts tls) {
        ProbeAnswers.Syntax verification = new ProbeAnswers.Syntax("1.2.840.10008.1.1",
                List.of("1.2.840.10008.1.2"), Map.of("1.2.840.10008.1.2.1", 4), null, true);
        ProbeAnswers.Syntax ct = new ProbeAnswers.Syntax("1.2.840.10008.5.1.4.1.1.2", List.of(),
                Map.of("1.2.840.10008.1.2", 3, "1.2.840.10008.1.2.1", 3),
                new UserInfoSubItem.RoleSelection("1.2.840.10008.5.1.4.1.1.2", 1, 0), true);
        return new PeerInfo(1, 1, 4, "1.2.3.4", "FAKE", 32768, List.of(verification, ct), true,
                new UserInfoSubItem.AsyncOperationsWindow(0, 2), true, tls,
                new PeerInfo.CalledAeCheck("XABC", PeerInfo.Verdict.CHECKS, "it checks"), List.of());
    }

    @Test
    void peerInfoText() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        TlsFacts tls = new TlsFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=pacs", "CN=ca",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-11T12:00:00Z"),
                Instant.parse("2026-12-11T12:00:00Z"), Instant.parse("2026-12-11T12:00:00Z"));
        String text = PeerInfoText.format("PACS@h:104", info(tls), 30, now);
        assertThat(text).isEqualTo("""
                Peer PACS@h:104:
                  associations used: 1 (1 accepted) for 2 abstract syntaxes in 4 presentation contexts
                  implementation class UID: 1.2.3.4
                  implementation version name: FAKE
                  maximum PDU length: 32768
                  Verification (1.2.840.10008.1.1)
                    accepted: LittleEndianImplicit
                    transfer syntax not supported: LittleEndianExplicit
                    roles: not answered (the default applies: we SCU, the peer SCP)
                  CTImageStorage (1.2.840.10008.5.1.4.1.1.2)
                    refused: abstract syntax not supported
                    roles: we as SCU accepted, we as SCP refused
                  asynchronous operations window: unlimited invoked, 2 performed
                  TLS: TLSv1.3, TLS_AES_128_GCM_SHA256
                  peer certificate subject: CN=pacs
                  peer certificate issuer: CN=ca
                  peer certificate valid: 2026-01-01T00:00:00Z to 2026-12-11T12:00:00Z, 10 days left
                W: the peer certificate expires in 10 days (fewer than 30, --cert-warn-days)
                  called AE title check: it checks
                """);
        assertThat(PeerInfoText.format("p", info(tls), 10, now)).doesNotContain("W:");
    }

    @Test
    void peerInfoJsonFollowsTheSchemaShape() {
        String json = PeerInfoJson.object("PACS@h:104", "h", 104, "PACS", info(null), 30, Instant.EPOCH);
        assertThat(json).startsWith("{\"type\":\"peer-info\",\"schema_version\":1,\"target\":{\"name\":\"PACS@h:104\","
                + "\"host\":\"h\",\"port\":104,\"called_ae\":\"PACS\",\"tls\":false},\"exit_code\":0,")
                .contains("\"1.2.840.10008.1.1\":{\"name\":\"Verification\",\"probed\":true,"
                        + "\"accepted\":[\"1.2.840.10008.1.2\"],\"refused\":{\"1.2.840.10008.1.2.1\":"
                        + "\"transfer-syntax-not-supported\"},\"role\":null}")
                .contains("\"role\":{\"scu\":true,\"scp\":false}")
                .contains("\"async\":{\"max_invoked\":0,\"max_performed\":2},\"tls\":null,")
                .endsWith("\"called_ae_check\":{\"random_title\":\"XABC\",\"verdict\":\"checks\","
                        + "\"message\":\"it checks\"}}");
        assertThat(org.echoscu.ProbeSchema.validLines(json, "echoscu-peer-info.schema.json")).hasSize(1);
    }
}
