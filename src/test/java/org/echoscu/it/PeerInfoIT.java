package org.echoscu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.ProbeSchema;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.AReleaseRp;
import org.echoscu.pdu.AReleaseRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * {@code --peer-info} against real peers: our echoscp varied with +xs/+xi/+ac/+ch and TLS,
 * DCMTK's storescp (which accepts the storage classes), and fake peers that drop the
 * connection on the asynchronous operations window, accept nothing, or answer the role and
 * window sub-items.
 */
class PeerInfoIT {

    /** The -pts table's size: --peer-info proposes each syntax in a context of its own. */
    private static final int SYNTAXES = TransferSyntax.values().length;

    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    @TempDir
    Path dir;

    /** The lines of one abstract syntax's block in the report, up to the next one. */
    private static List<String> block(Run r, String heading) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                in = line.startsWith("  " + heading);
                continue;
            }
            if (in) {
                out.add(line.strip());
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("EnumOrdinal") // TransferSyntax is in -pts order: the last constant is the last syntax
    void echoscpAcceptsEveryTransferSyntaxForVerificationOnly() throws Exception {
        try (Server scp = Server.echoscp()) {
            Run r = Commands.echoscu("--peer-info", "--probe-sop", "CTImageStorage", "127.0.0.1",
                    String.valueOf(scp.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("associations used: 1 (1 accepted) for 2 abstract syntaxes in "
                    + 2 * SYNTAXES + " presentation contexts", "implementation class UID: " + Uids.IMPLEMENTATION_CLASS_UID,
                    "implementation version name: " + Uids.IMPLEMENTATION_VERSION_NAME, "maximum PDU length: 16384");
            List<String> verification = block(r, "Verification (1.2.840.10008.1.1)");
            assertThat(verification).hasSize(1);
            assertThat(verification.get(0)).startsWith("accepted: LittleEndianImplicit, LittleEndianExplicit, ")
                    .endsWith(TransferSyntax.values()[SYNTAXES - 1].dcmtkName());
            assertThat(verification.get(0).split(", ")).hasSize(SYNTAXES);
            assertThat(block(r, "CTImageStorage")).containsExactly("refused: abstract syntax not supported");
            assertThat(r.stdout()).doesNotContain("roles:", "asynchronous operations window");
        }
    }

    @Test
    void echoscpImplicitOnlyAndChosenSyntaxes() throws Exception {
        try (Server xi = Server.echoscp("+xi");
             Server xs = Server.echoscp("+xs", EXPLICIT, "+xs", JPEG_BASELINE)) {
            Run r = Commands.echoscu("--peer-info", "127.0.0.1", String.valueOf(xi.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(block(r, "Verification")).containsExactly("accepted: LittleEndianImplicit",
                    "transfer syntax not supported: " + (SYNTAXES - 1) + " transfer syntaxes");
            Run s = Commands.echoscu("--peer-info", "-pts", "5", "127.0.0.1", String.valueOf(xs.port));
            assertThat(s.exitCode()).as(s.toString()).isZero();
            assertThat(s.stdout()).contains("in 5 presentation contexts");
            assertThat(block(s, "Verification")).containsExactly("accepted: LittleEndianExplicit, JPEGBaseline",
                    "transfer syntax not supported: LittleEndianImplicit, BigEndianExplicit, "
                            + "EncapsulatedUncompressedLittleEndianExplicit"); // -pts 5 in DCMTK 3.7.0's order
        }
    }

    @Test
    void aRejectionIsReportedAndFails() throws Exception {
        try (Server scp = Server.echoscp("+ac", "SOMEONE")) {
            Run r = Commands.echoscu("--peer-info", "127.0.0.1", String.valueOf(scp.port));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stdout()).contains("associations used: 1 (0 accepted)",
                    "E: association rejected (Result: Rejected Permanent, Source: Service User, Reason: Calling AE Title "
                            + "Not Recognized)",
                    "not probed: its association was not accepted");
        }
    }

    @Test
    void checkCalledAeTellsBothKindsOfPeer() throws Exception {
        try (Server any = Server.echoscp(); Server checking = Server.echoscp("+ch")) {
            Run a = Commands.echoscu("--peer-info", "-pts", "1", "--check-called-ae", "127.0.0.1",
                    String.valueOf(any.port));
            assertThat(a.exitCode()).as(a.toString()).isZero();
            assertThat(a.stdout()).containsPattern("called AE title check: the peer accepted an association to the "
                    + "random called AE title X[A-Z0-9]{15}: it does not check the called AE title");
            Run c = Commands.echoscu("--peer-info", "-pts", "1", "--check-called-ae", "-aec", "ECHOSCP",
                    "127.0.0.1", String.valueOf(checking.port));
            assertThat(c.exitCode()).as(c.toString()).isZero();
            assertThat(c.stdout()).containsPattern("called AE title check: the peer rejected the random called AE "
                    + "title X[A-Z0-9]{15} \\(called AE title not recognized\\): it checks the called AE title");
        }
    }

    @Test
    void storescpOverSeveralAssociationsWhenThereAreMoreThan128Contexts() throws Exception {
        try (Server store = Server.storescp()) {
            Run r = Commands.echoscu("--peer-info", "--probe-sop", "CTImageStorage", "--probe-sop", "MRImageStorage",
                    "--probe-sop", "1.2.840.10008.5.1.4.1.1.7", "--probe-sop", "ModalityWorklistInformationModelFind",
                    "127.0.0.1", String.valueOf(store.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            int contexts = 5 * SYNTAXES; // PS3.8 allows 128 presentation context IDs per association
            int associations = (contexts + 127) / 128;
            assertThat(associations).isGreaterThan(1);
            assertThat(r.stdout()).contains("associations used: " + associations + " (" + associations
                    + " accepted) for 5 abstract syntaxes in " + contexts + " presentation contexts",
                    "implementation version name: OFFIS_DCMTK_");
            for (String sop : List.of("Verification", "CTImageStorage", "MRImageStorage",
                    "SecondaryCaptureImageStorage")) {
                assertThat(block(r, sop).get(0)).as(sop).startsWith("accepted: LittleEndianImplicit, ");
            }
            assertThat(block(r, "ModalityWorklistInformationModelFind"))
                    .containsExactly("refused: abstract syntax not supported");
        }
    }

    @Test
    void aPeerThatDropsTheConnectionOnTheAsyncItem() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            AAssociateRq rq = c.readRq();
            if (rq.userInformation().find(UserInfoSubItem.AsyncOperationsWindow.class).isPresent()) {
                return; // closes the connection without a word
            }
            c.send(FakePeer.Conn.acceptAll(rq, 16384));
            releaseWhenAsked(c);
        })) {
            String port = String.valueOf(peer.port);
            Run with = Commands.echoscu("--peer-info", "-pts", "2", "--probe-async", "-ta", "5", "127.0.0.1", port);
            assertThat(with.exitCode()).as(with.toString()).isEqualTo(1);
            assertThat(with.stdout()).contains("E: association request failed: connection closed by peer",
                    "some peers drop the connection on the asynchronous operations window sub-item: "
                            + "try without --probe-async");
            Run without = Commands.echoscu("--peer-info", "-pts", "2", "-ta", "5", "127.0.0.1", port);
            assertThat(without.exitCode()).as(without.toString()).isZero();
            assertThat(block(without, "Verification")).containsExactly(
                    "accepted: LittleEndianImplicit, LittleEndianExplicit");
        }
    }

    @Test
    void aPeerThatAcceptsNothing() throws Exception {
        try (FakePeer peer = FakePeer.start(c -> {
            AAssociateRq rq = c.readRq();
            List<PresentationContextAc> pcs = new ArrayList<>();
            for (PresentationContextRq pc : rq.presentationContexts()) {
                pcs.add(new PresentationContextAc(pc.id(), PresentationContextAc.USER_REJECTION, ""));
            }
            c.send(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT, pcs,
                    UserInformation.of(new UserInfoSubItem.MaxLength(0))));
            releaseWhenAsked(c);
        })) {
            Run r = Commands.echoscu("--peer-info", "--probe-sop", "CTImageStorage", "-ta", "5", "127.0.0.1",
                    String.valueOf(peer.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).contains("implementation class UID: (none)", "maximum PDU length: unlimited (0)");
            assertThat(block(r, "Verification")).containsExactly("refused: user rejection");
            assertThat(block(r, "CTImageStorage")).containsExactly("refused: user rejection");
        }
    }

    @Test
    void roleAndWindowAnswersOnlyWhenAsked() throws Exception {
        List<AAssociateRq> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakePeer peer = FakePeer.start(c -> {
            seen.add(acceptWithAnswers(c, 16384, new UserInfoSubItem.AsyncOperationsWindow(5, 1),
                    new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 0)));
            releaseWhenAsked(c);
        })) {
            String port = String.valueOf(peer.port);
            Run plain = Commands.echoscu("--peer-info", "-pts", "1", "-ta", "5", "127.0.0.1", port);
            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(seen.get(0).userInformation().subItems()).extracting(UserInfoSubItem::type)
                    .containsExactly(0x51, 0x52, 0x55);
            assertThat(plain.stdout()).doesNotContain("roles:", "asynchronous");
            Run asked = Commands.echoscu("--peer-info", "-pts", "1", "--probe-roles", "--probe-async",
                    "--probe-sop", "CTImageStorage", "-ta", "5", "127.0.0.1", port);
            assertThat(asked.exitCode()).as(asked.toString()).isZero();
            assertThat(seen.get(1).userInformation().all(UserInfoSubItem.RoleSelection.class)).containsExactly(
                    new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 1),
                    new UserInfoSubItem.RoleSelection("1.2.840.10008.5.1.4.1.1.2", 1, 1));
            assertThat(asked.stdout()).contains("asynchronous operations window: 5 invoked, 1 performed");
            assertThat(block(asked, "Verification")).contains("roles: we as SCU accepted, we as SCP refused");
            assertThat(block(asked, "CTImageStorage"))
                    .contains("roles: not answered (the default applies: we SCU, the peer SCP)");
        }
    }

    @Test
    void tlsCertificateFacts() throws Exception {
        List<String> serverTls = TlsRuns.serverTls(org.echoscu.tls.TlsProfile.BCP195);
        try (Server scp = Server.echoscp(TlsRuns.args(serverTls, "-ic"))) {
            String port = String.valueOf(scp.port);
            Run r = Commands.echoscu("--peer-info", "-pts", "1", "+tla", "+cf", TlsRuns.pki("ca.pem"),
                    "--cert-warn-days", "0", "127.0.0.1", port);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stdout()).containsPattern("TLS: TLSv1\\.[23], TLS_[A-Z0-9_]+")
                    .contains("peer certificate subject: CN=")
                    .contains("peer certificate issuer: CN=");
            Matcher m = Pattern.compile("peer certificate valid: \\S+ to \\S+, (\\d+) days left").matcher(r.stdout());
            assertThat(m.find()).as(r.stdout()).isTrue();
            long days = Long.parseLong(m.group(1));
            assertThat(r.stdout()).doesNotContain("W: ");
            Run byDefault = Commands.echoscu("--peer-info", "-pts", "1", "+tla", "+cf", TlsRuns.pki("ca.pem"),
                    "127.0.0.1", port);
            assertThat(byDefault.stdout().contains("W: the peer certificate expires")).isEqualTo(days < 30);
            Run warned = Commands.echoscu("--peer-info", "-pts", "1", "+tla", "+cf", TlsRuns.pki("ca.pem"),
                    "--cert-warn-days", String.valueOf(days + 1), "127.0.0.1", port);
            assertThat(warned.stdout()).contains("W: the peer certificate expires in " + days + " days (fewer than "
                    + (days + 1) + ", --cert-warn-days)");
        }
    }

    @Test
    void manyTargetsEachWithItsReportWorstExitCode() throws Exception {
        try (Server scp = Server.echoscp(); Server store = Server.storescp()) {
            Path targets = dir.resolve("targets.txt");
            int refusing = Ports.free();
            Files.writeString(targets, "# site\nECHOSCP@127.0.0.1:" + scp.port + "\n127.0.0.1:" + refusing + "\n");
            Run r = Commands.echoscu("--peer-info", "-pts", "1", "--parallel", "2", "--targets", targets.toString(),
                    "STORESCP@127.0.0.1:" + store.port);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stdout()).contains("Peer ECHOSCP@127.0.0.1:" + scp.port + ":",
                    "Peer STORESCP@127.0.0.1:" + store.port + ":", "Peer 127.0.0.1:" + refusing + ":",
                    "implementation version name: OFFIS_DCMTK_");
            assertThat(r.stdout()).containsPattern("E: association request failed: .*refused");
            assertThat(r.stderr()).as("no progress line when stderr is not a terminal").doesNotContain("done, ");
        }
    }

    @Test
    void jsonObjectsFollowTheirSchema() throws Exception {
        try (Server scp = Server.echoscp(); Server rejecting = Server.echoscp("+ac", "SOMEONE");
             FakePeer answering = FakePeer.start(c -> {
                 acceptWithAnswers(c, 0, new UserInfoSubItem.AsyncOperationsWindow(0, 3),
                         new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 0, 1));
                 releaseWhenAsked(c);
             })) {
            Run r = Commands.echoscu("--peer-info", "--format", "json", "-pts", "2", "--probe-sop", "CTImageStorage",
                    "--probe-roles", "--probe-async", "--check-called-ae", "-ta", "5",
                    "ECHOSCP@127.0.0.1:" + scp.port, "NOBODY@127.0.0.1:" + rejecting.port,
                    "FAKE@127.0.0.1:" + answering.port);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            Map<String, JsonNode> byAe = new HashMap<>();
            for (JsonNode o
                    : ProbeSchema.validLines(r.stdout(), "echoscu-peer-info.schema.json")) {
                byAe.put(o.get("target").get("called_ae").asString(), o);
            }
            assertThat(byAe).containsOnlyKeys("ECHOSCP", "NOBODY", "FAKE");
            JsonNode echo = byAe.get("ECHOSCP");
            assertThat(echo.get("exit_code").asInt()).isZero();
            JsonNode verification = echo.get("abstract_syntaxes").get(Uids.VERIFICATION_SOP_CLASS);
            assertThat(verification.get("accepted").toString()).isEqualTo("[\"" + IMPLICIT + "\",\"" + EXPLICIT + "\"]");
            assertThat(verification.get("role").isNull()).isTrue();
            assertThat(echo.get("abstract_syntaxes").get("1.2.840.10008.5.1.4.1.1.2").get("refused").get(IMPLICIT)
                    .asString()).isEqualTo("abstract-syntax-not-supported");
            assertThat(echo.get("async").isNull()).isTrue();
            assertThat(echo.get("called_ae_check").get("verdict").asString()).isEqualTo("does-not-check");
            JsonNode nobody = byAe.get("NOBODY");
            assertThat(nobody.get("exit_code").asInt()).isEqualTo(1);
            assertThat(nobody.get("peer").isNull()).isTrue();
            assertThat(nobody.get("failures").get(0).asString()).contains("Calling AE Title Not Recognized");
            JsonNode fake = byAe.get("FAKE");
            assertThat(fake.get("peer").get("max_pdu_length").asLong()).isZero();
            assertThat(fake.get("async").get("max_invoked").asInt()).isZero();
            assertThat(fake.get("async").get("max_performed").asInt()).isEqualTo(3);
            JsonNode role = fake.get("abstract_syntaxes").get(Uids.VERIFICATION_SOP_CLASS).get("role");
            assertThat(role.get("scu").asBoolean()).isFalse();
            assertThat(role.get("scp").asBoolean()).isTrue();
        }
        List<String> serverTls = TlsRuns.serverTls(org.echoscu.tls.TlsProfile.BCP195);
        try (Server tls = Server.echoscp(TlsRuns.args(serverTls, "-ic"))) {
            Run r = Commands.echoscu("--peer-info", "--format", "json", "-pts", "1", "+tla", "+cf",
                    TlsRuns.pki("ca.pem"), "127.0.0.1", String.valueOf(tls.port));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode o = ProbeSchema.validLines(r.stdout(),
                    "echoscu-peer-info.schema.json").get(0);
            assertThat(o.get("target").get("tls").asBoolean()).isTrue();
            assertThat(o.get("tls").get("certificate").get("subject").asString()).startsWith("CN=");
            assertThat(o.get("tls").get("certificate").get("days_left").asInt()).isBetween(0, 400);
        }
    }

    @Test
    void commandLineMistakes() {
        Run list = Commands.echoscu("--probe-sop", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains("CTImageStorage  1.2.840.10008.5.1.4.1.1.2",
                "StudyRootQueryRetrieveInformationModelFind  1.2.840.10008.5.1.4.1.2.2.1");
        Run roles = Commands.echoscu("--probe-roles", "127.0.0.1", "104");
        assertThat(roles.exitCode()).isEqualTo(1);
        assertThat(roles.stderr()).contains("error: --probe-roles only allowed with --peer-info");
        Run name = Commands.echoscu("--peer-info", "--probe-sop", "NoSuchStorage", "127.0.0.1", "104");
        assertThat(name.exitCode()).isEqualTo(1);
        assertThat(name.stderr()).contains("error: Invalid value for option --probe-sop (NoSuchStorage): "
                + "neither a UID nor a known name (--probe-sop list)");
        Run bad = Commands.echoscu("--peer-info", "AE@nohost", "127.0.0.1");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("error: expected [CALLED_AE@]HOST:PORT, found 'AE@nohost' (no port)");
    }

    /** Reads the A-ASSOCIATE-RQ and accepts every Verification context, adding these sub-items to the answer. */
    private static AAssociateRq acceptWithAnswers(FakePeer.Conn c, long maxPdu, UserInfoSubItem... answers)
            throws Exception {
        AAssociateRq rq = c.readRq();
        AAssociateAc all = FakePeer.Conn.acceptAll(rq, maxPdu);
        List<UserInfoSubItem> items = new ArrayList<>(all.userInformation().subItems());
        items.addAll(List.of(answers));
        c.send(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT,
                all.presentationContexts(), new UserInformation(items)));
        return rq;
    }

    /** Answers the A-RELEASE-RQ that ends the probe's association. */
    private static void releaseWhenAsked(FakePeer.Conn c) throws Exception {
        if (c.read() instanceof AReleaseRq) {
            c.send(new AReleaseRp());
        }
        c.awaitClose();
    }
}
