package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.echoscu.Reference;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.Pdu;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.Test;

/**
 * The -d association dumps against DCMTK 3.6.7's own, line for line: given the request DCMTK's
 * echoscu sent and the A-ASSOCIATE-AC its storescp answered (both in the transcript), our
 * dumps must be DCMTK's.
 */
class AssociationDumpTest {

    private static final List<String> TRANSCRIPT = Reference.lines("dcmtk-3.6.7/success-debug.txt");

    /** What DCMTK 3.6.7's echoscu proposes by default, with its own implementation class and version. */
    private static final AAssociateRq DCMTK_RQ = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
            List.of(new PresentationContextRq(1, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2"))),
            UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                    new UserInfoSubItem.ImplementationClassUid("1.2.276.0.7230010.3.0.3.6.7"),
                    new UserInfoSubItem.ImplementationVersionName("OFFIS_DCMTK_367")));

    /** The transcript's lines from {@code first} to {@code last}, both included, without "D: ". */
    private static List<String> block(String first, String last) {
        int from = TRANSCRIPT.indexOf("D: " + first);
        int to = TRANSCRIPT.indexOf("D: " + last);
        assertThat(from).as(first).isNotNegative();
        assertThat(to).as(last).isGreaterThan(from);
        List<String> out = new ArrayList<>();
        for (String line : TRANSCRIPT.subList(from, to + 1)) {
            out.add(line.substring(3));
        }
        return out;
    }

    /** The A-ASSOCIATE-AC storescp sent, from the hex lines DCMTK's -d printed of it. */
    private static AAssociateAc dcmtkAc() throws Exception {
        int header = TRANSCRIPT.indexOf("D: PDU Type: Associate Accept, PDU Length: 184 + 6 bytes PDU header");
        StringBuilder hex = new StringBuilder();
        for (int i = header + 1; TRANSCRIPT.get(i).startsWith("D:   "); i++) {
            hex.append(TRANSCRIPT.get(i).replace("D:", "").replace(" ", ""));
        }
        byte[] pdu = HexFormat.of().parseHex(hex);
        return (AAssociateAc) PduDecoder.decode(Pdu.TYPE_ASSOCIATE_AC, Arrays.copyOfRange(pdu, 6, pdu.length));
    }

    @Test
    void theRequestDumpIsDcmtks() {
        List<String> dcmtk = block("====================== BEGIN A-ASSOCIATE-RQ =====================",
                "======================= END A-ASSOCIATE-RQ ======================");

        assertThat(AssociationDump.request(DCMTK_RQ, true).split("\n", -1)).containsExactlyElementsOf(dcmtk);
    }

    @Test
    void theNegotiatedDumpIsDcmtks() throws Exception {
        List<String> dcmtk = block("====================== BEGIN A-ASSOCIATE-AC =====================",
                "======================= END A-ASSOCIATE-AC ======================");

        assertThat(AssociationDump.negotiated(DCMTK_RQ, dcmtkAc(), true).split("\n", -1))
                .containsExactlyElementsOf(dcmtk);
    }

    /** The acceptor's view of the same association: "our" and "their" change sides, nothing else. */
    @Test
    void theAcceptorsDumpSwapsOursAndTheirs() throws Exception {
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, dcmtkAc()
                .presentationContexts(), UserInformation.of(new UserInfoSubItem.MaxLength(32768),
                new UserInfoSubItem.ImplementationClassUid("1.2.3"),
                new UserInfoSubItem.ImplementationVersionName("ACCEPTOR")));
        List<String> dump = List.of(AssociationDump.negotiated(DCMTK_RQ, ac, false).split("\n"));

        assertThat(dump).contains("Our Implementation Class UID:      1.2.3",
                "Our Implementation Version Name:   ACCEPTOR",
                "Their Implementation Class UID:    1.2.276.0.7230010.3.0.3.6.7",
                "Their Implementation Version Name: OFFIS_DCMTK_367",
                "Our Max PDU Receive Size:    32768",
                "Their Max PDU Receive Size:  16384");
    }

    /** Each presentation-context result of PS3.8 table 9-18 in DCMTK's words; a missing answer too. */
    @Test
    void everyContextResultIsNamed() {
        List<PresentationContextRq> pcs = new ArrayList<>();
        List<PresentationContextAc> answers = new ArrayList<>();
        for (int result = 0; result <= 5; result++) {
            int id = 2 * result + 1;
            pcs.add(new PresentationContextRq(id, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2")));
            answers.add(new PresentationContextAc(id, result, "1.2.840.10008.1.2"));
        }
        pcs.add(new PresentationContextRq(13, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2")));
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, pcs,
                DCMTK_RQ.userInformation());
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, answers,
                UserInformation.of(new UserInfoSubItem.MaxLength(16384)));

        List<String> contextLines = List.of(AssociationDump.negotiated(rq, ac, true).split("\n")).stream()
                .filter(l -> l.startsWith("  Context ID:")).toList();

        assertThat(contextLines).containsExactly(
                "  Context ID:        1 (Accepted)",
                "  Context ID:        3 (User Rejection)",
                "  Context ID:        5 (Provider Rejection)",
                "  Context ID:        7 (Abstract Syntax Not Supported)",
                "  Context ID:        9 (Transfer Syntaxes Not Supported)",
                "  Context ID:        11 (Invalid Result 5)",
                "  Context ID:        13 (No Answer)");
    }

    @Test
    void aRejectedContextListsTheProposedSyntaxesAndUnknownUidsStayUids() {
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, "1.2.3.4", List.of("1.2.840.10008.1.2.1", "1.9.9"))),
                DCMTK_RQ.userInformation());
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                        "1.2.840.10008.1.2.1")), UserInformation.of(new UserInfoSubItem.MaxLength(0)));

        String dump = AssociationDump.negotiated(rq, ac, true);

        assertThat(dump).contains("    Abstract Syntax: 1.2.3.4\n"
                + "    Proposed SCP/SCU Role: Default\n"
                + "    Accepted SCP/SCU Role: Default\n"
                + "    Proposed Transfer Syntax(es):\n"
                + "      =LittleEndianExplicit\n"
                + "      1.9.9\n");
    }

    @Test
    void roleSelectionAndExtendedNegotiationAreShown() {
        UserInformation rqInfo = UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                new UserInfoSubItem.ImplementationClassUid("1.2.3"),
                new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 1),
                new UserInfoSubItem.SopClassExtendedNegotiation(Uids.VERIFICATION_SOP_CLASS, new byte[] {1}));
        UserInformation acInfo = UserInformation.of(new UserInfoSubItem.MaxLength(16384),
                new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 0, 1));
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
                DCMTK_RQ.presentationContexts(), rqInfo);
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, 0, "1.2.840.10008.1.2")), acInfo);

        String dump = AssociationDump.negotiated(rq, ac, true);

        assertThat(dump).contains("    Proposed SCP/SCU Role: SCP/SCU\n    Accepted SCP/SCU Role: SCP\n",
                "Requested Extended Negotiation: present\nAccepted Extended Negotiation:  none\n");
    }
}
