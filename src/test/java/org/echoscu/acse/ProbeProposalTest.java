package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.Test;

class ProbeProposalTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private static ProbeProposal probe(int syntaxes, boolean roles, boolean async, String... sops) {
        List<String> as = new java.util.ArrayList<>(List.of(Uids.VERIFICATION_SOP_CLASS));
        as.addAll(List.of(sops));
        return new ProbeProposal("ECHOSCU", "ANY-SCP", 16384, as, TransferSyntax.firstUids(syntaxes), roles, async);
    }

    @Test
    void oneTransferSyntaxPerContextWithOddIds() {
        List<AAssociateRq> rqs = probe(3, false, false, CT).requests();
        assertThat(rqs).hasSize(1);
        assertThat(rqs.get(0).presentationContexts()).containsExactly(
                new PresentationContextRq(1, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2")),
                new PresentationContextRq(3, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2.1")),
                new PresentationContextRq(5, Uids.VERIFICATION_SOP_CLASS, List.of("1.2.840.10008.1.2.2")),
                new PresentationContextRq(7, CT, List.of("1.2.840.10008.1.2")),
                new PresentationContextRq(9, CT, List.of("1.2.840.10008.1.2.1")),
                new PresentationContextRq(11, CT, List.of("1.2.840.10008.1.2.2")));
    }

    @Test
    void noRoleOrAsyncSubItemUnlessAsked() {
        UserInformation ui = probe(38, false, false, CT).requests().get(0).userInformation();
        assertThat(ui.subItems()).extracting(UserInfoSubItem::type).containsExactly(0x51, 0x52, 0x55);
    }

    @Test
    void roleAndAsyncSubItemsInTheOrderOfPs37() throws Exception {
        AAssociateRq rq = probe(1, true, true, CT).requests().get(0);
        assertThat(rq.userInformation().subItems()).extracting(UserInfoSubItem::type)
                .containsExactly(0x51, 0x52, 0x53, 0x54, 0x54, 0x55);
        assertThat(rq.userInformation().all(UserInfoSubItem.RoleSelection.class)).containsExactly(
                new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 1),
                new UserInfoSubItem.RoleSelection(CT, 1, 1));
        // on the wire: 53H, 00, length 4, 0000 0000; 54H, 00, length 2+17+2, UID length 17, UID, 01, 01
        byte[] wire = PduEncoder.encode(rq);
        String hex = org.echoscu.pdu.Hex.string(wire).replaceAll("\\s", "");
        String expected = ("53 00 00 04 00 00 00 00 54 00 00 15 00 11 "
                + org.echoscu.pdu.Hex.ascii(Uids.VERIFICATION_SOP_CLASS) + " 01 01").replaceAll("\\s", "");
        assertThat(hex).contains(expected);
        assertThat(PduDecoder.decode(1, java.util.Arrays.copyOfRange(wire, 6, wire.length))).isEqualTo(rq);
    }

    @Test
    void moreThan128ContextsAreSpreadOverAssociations() {
        ProbeProposal p = probe(38, true, false, CT, "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.7");
        List<AAssociateRq> rqs = p.requests();
        assertThat(p.pairs()).hasSize(152);
        assertThat(rqs).hasSize(2);
        assertThat(rqs.get(0).presentationContexts()).hasSize(128);
        assertThat(rqs.get(0).presentationContexts().get(127).id()).isEqualTo(255);
        assertThat(rqs.get(1).presentationContexts()).hasSize(24);
        assertThat(rqs.get(1).presentationContexts().get(0).id()).isEqualTo(1);
        // each request carries the role sub-items of its own abstract syntaxes only
        assertThat(rqs.get(1).userInformation().all(UserInfoSubItem.RoleSelection.class))
                .extracting(UserInfoSubItem.RoleSelection::sopClassUid)
                .containsExactly("1.2.840.10008.5.1.4.1.1.7");
    }

    @Test
    void answersPerAbstractSyntax() {
        ProbeProposal p = probe(3, true, false, CT);
        List<AAssociateRq> rqs = p.requests();
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, List.of(
                new PresentationContextAc(1, 0, "1.2.840.10008.1.2"),
                new PresentationContextAc(3, 0, "1.2.840.10008.1.2.1"),
                new PresentationContextAc(5, 4, ""),
                new PresentationContextAc(7, 3, ""),
                new PresentationContextAc(9, 0, "1.2.840.10008.1.2"), // a syntax this context did not offer
                // 11 not answered at all
                new PresentationContextAc(99, 0, "1.2.840.10008.1.2")),
                UserInformation.of(new UserInfoSubItem.MaxLength(32768),
                        new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 0)));
        List<ProbeAnswers.Syntax> s = ProbeAnswers.of(rqs, List.of(ac));
        assertThat(s).hasSize(2);
        assertThat(s.get(0).abstractSyntax()).isEqualTo(Uids.VERIFICATION_SOP_CLASS);
        assertThat(s.get(0).accepted()).containsExactly("1.2.840.10008.1.2", "1.2.840.10008.1.2.1");
        assertThat(s.get(0).refused()).containsExactly(java.util.Map.entry("1.2.840.10008.1.2.2", 4));
        assertThat(s.get(0).role()).isEqualTo(new UserInfoSubItem.RoleSelection(Uids.VERIFICATION_SOP_CLASS, 1, 0));
        assertThat(s.get(1).accepted()).isEmpty();
        assertThat(s.get(1).refused()).containsExactly(java.util.Map.entry("1.2.840.10008.1.2", 3),
                java.util.Map.entry("1.2.840.10008.1.2.1", ProbeAnswers.FOREIGN_SYNTAX),
                java.util.Map.entry("1.2.840.10008.1.2.2", ProbeAnswers.NO_ANSWER));
        assertThat(s.get(1).role()).isNull();
        assertThat(s.get(1).probed()).isTrue();
    }

    @Test
    void syntaxesOfAFailedAssociationAreMarkedUnprobed() {
        List<AAssociateRq> rqs = probe(38, false, false, CT, "1.2.840.10008.5.1.4.1.1.4",
                "1.2.840.10008.5.1.4.1.1.7").requests();
        java.util.ArrayList<AAssociateAc> answers = new java.util.ArrayList<>();
        answers.add(new AAssociateAc(1, "A", "B", Uids.APPLICATION_CONTEXT, List.of(), UserInformation.of()));
        answers.add(null);
        List<ProbeAnswers.Syntax> s = ProbeAnswers.of(rqs, answers);
        assertThat(s).extracting(ProbeAnswers.Syntax::probed).containsExactly(true, true, true, false);
    }

    @Test
    void wellKnownNames() {
        assertThat(SopClassNames.uidOf("CTImageStorage")).isEqualTo(CT);
        assertThat(SopClassNames.uidOf("StudyRootQueryRetrieveInformationModelFind"))
                .isEqualTo("1.2.840.10008.5.1.4.1.2.2.1");
        assertThat(SopClassNames.nameOf("1.2.840.10008.1.1")).isEqualTo("Verification");
        assertThat(Uids.isUid("1.2.3")).isTrue();
        assertThat(Uids.isUid("1..2")).isFalse();
        assertThat(Uids.isUid("CT")).isFalse();
    }
}
