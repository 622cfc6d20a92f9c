package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.Test;

/** echoscp's answer to an A-ASSOCIATE-RQ: each rejection reason, the choice of transfer syntax, the limits. */
class AcceptorPolicyTest {

    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String BIG = "1.2.840.10008.1.2.2";
    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

    private static AcceptorPolicy policy(boolean checkCalled, Set<String> known, String... syntaxes) {
        return new AcceptorPolicy("ECHOSCP", checkCalled, known, List.of(syntaxes), 32768);
    }

    private static AcceptorPolicy anyone(String... syntaxes) {
        return policy(false, Set.of(), syntaxes);
    }

    private static AAssociateRq rq(String calling, String called, String applicationContext,
                                   PresentationContextRq... contexts) {
        return new AAssociateRq(1, called, calling, applicationContext, List.of(contexts),
                UserInformation.of(new UserInfoSubItem.MaxLength(16384)));
    }

    private static AAssociateRq rq(PresentationContextRq... contexts) {
        return rq("ECHOSCU", "ANY-SCP", Uids.APPLICATION_CONTEXT, contexts);
    }

    private static PresentationContextRq verification(int id, String... syntaxes) {
        return new PresentationContextRq(id, Uids.VERIFICATION_SOP_CLASS, List.of(syntaxes));
    }

    private static AAssociateRj rejected(AcceptorPolicy.Decision d) {
        assertThat(d).isInstanceOf(AcceptorPolicy.Reject.class);
        return ((AcceptorPolicy.Reject) d).rj();
    }

    private static AAssociateAc accepted(AcceptorPolicy.Decision d) {
        assertThat(d).isInstanceOf(AcceptorPolicy.Accept.class);
        return ((AcceptorPolicy.Accept) d).ac();
    }

    // ---- rejections (PS3.8 table 9-21) -------------------------------------------------------

    @Test
    void anotherApplicationContextIsRejectedWithReasonTwo() {
        AcceptorPolicy.Decision d = anyone(IMPLICIT).decide(rq("ECHOSCU", "ANY-SCP", "1.2.3.4", verification(1, IMPLICIT)));

        assertThat(rejected(d)).isEqualTo(new AAssociateRj(AAssociateRj.RESULT_PERMANENT,
                AAssociateRj.SOURCE_SERVICE_USER, 2));
        assertThat(((AcceptorPolicy.Reject) d).why()).isEqualTo("application context 1.2.3.4 is not DICOM's");
    }

    @Test
    void anotherCalledAeTitleIsRejectedWithReasonSevenWhenChecked() {
        AcceptorPolicy.Decision d = policy(true, Set.of(), IMPLICIT).decide(rq(verification(1, IMPLICIT)));

        assertThat(rejected(d)).isEqualTo(new AAssociateRj(AAssociateRj.RESULT_PERMANENT,
                AAssociateRj.SOURCE_SERVICE_USER, 7));
        assertThat(((AcceptorPolicy.Reject) d).why()).isEqualTo("called AE title 'ANY-SCP' is not ours ('ECHOSCP')");
    }

    @Test
    void theCalledAeTitleIsAcceptedWhenItIsOursOrNotChecked() {
        assertThat(policy(true, Set.of(), IMPLICIT).decide(rq("ECHOSCU", "ECHOSCP", Uids.APPLICATION_CONTEXT,
                verification(1, IMPLICIT)))).isInstanceOf(AcceptorPolicy.Accept.class);
        assertThat(policy(false, Set.of(), IMPLICIT).decide(rq(verification(1, IMPLICIT))))
                .isInstanceOf(AcceptorPolicy.Accept.class);
    }

    @Test
    void anUnknownCallingAeTitleIsRejectedWithReasonThree() {
        AcceptorPolicy p = policy(false, Set.of("MODALITY1", "MODALITY2"), IMPLICIT);

        AcceptorPolicy.Decision d = p.decide(rq(verification(1, IMPLICIT)));

        assertThat(rejected(d)).isEqualTo(new AAssociateRj(AAssociateRj.RESULT_PERMANENT,
                AAssociateRj.SOURCE_SERVICE_USER, 3));
        assertThat(((AcceptorPolicy.Reject) d).why()).isEqualTo("calling AE title 'ECHOSCU' is not among the known ones");
        assertThat(p.decide(rq("MODALITY2", "ANY-SCP", Uids.APPLICATION_CONTEXT, verification(1, IMPLICIT))))
                .isInstanceOf(AcceptorPolicy.Accept.class);
    }

    /** The application context is checked first, then the called, then the calling AE title. */
    @Test
    void theChecksComeInTheOrderOfTheStandardsReasons() {
        AcceptorPolicy strict = policy(true, Set.of("KNOWN"), IMPLICIT);
        assertThat(rejected(strict.decide(rq("STRANGER", "OTHER", "1.2.3", verification(1, IMPLICIT)))).reason())
                .isEqualTo(2);
        assertThat(rejected(strict.decide(rq("STRANGER", "OTHER", Uids.APPLICATION_CONTEXT,
                verification(1, IMPLICIT)))).reason()).isEqualTo(7);
        assertThat(rejected(strict.decide(rq("STRANGER", "ECHOSCP", Uids.APPLICATION_CONTEXT,
                verification(1, IMPLICIT)))).reason()).isEqualTo(3);
    }

    @Test
    void oneAssociationTooManyIsATransientLocalLimitExceeded() {
        AcceptorPolicy.Reject r = AcceptorPolicy.limitExceeded(7);

        assertThat(r.rj()).isEqualTo(new AAssociateRj(AAssociateRj.RESULT_TRANSIENT,
                AAssociateRj.SOURCE_PROVIDER_PRESENTATION, 2));
        assertThat(RejectReasons.reason(r.rj().source(), r.rj().reason())).isEqualTo("Local Limit Exceeded");
        assertThat(r.why()).isEqualTo("already 7 associations open, the configured limit");
    }

    // ---- presentation contexts -----------------------------------------------------------------

    /** Our order of preference decides, not the order in which the requestor listed its syntaxes. */
    @Test
    void theTransferSyntaxIsOurFirstChoiceThatThePeerOffers() {
        AcceptorPolicy p = anyone(EXPLICIT, IMPLICIT);

        AAssociateAc ac = accepted(p.decide(rq(verification(1, IMPLICIT, EXPLICIT), verification(3, IMPLICIT, BIG))));

        assertThat(ac.presentationContexts()).containsExactly(
                new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, EXPLICIT),
                new PresentationContextAc(3, PresentationContextAc.ACCEPTANCE, IMPLICIT));
    }

    @Test
    void contextsWeCannotServeAreRefusedOneByOneWithTheirReason() {
        AcceptorPolicy p = anyone(IMPLICIT);

        AAssociateAc ac = accepted(p.decide(rq(
                new PresentationContextRq(1, CT_IMAGE, List.of(IMPLICIT)),
                verification(3, BIG, EXPLICIT),
                verification(5, BIG, IMPLICIT))));

        assertThat(ac.presentationContexts()).containsExactly(
                new PresentationContextAc(1, PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, IMPLICIT),
                new PresentationContextAc(3, PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, BIG),
                new PresentationContextAc(5, PresentationContextAc.ACCEPTANCE, IMPLICIT));
    }

    @Test
    void everyProposedContextGetsAnAnswerInItsOrder() {
        List<PresentationContextRq> many = new ArrayList<>();
        for (int i = 0; i < AssociationProposal.MAX_CONTEXTS; i++) {
            many.add(verification(2 * i + 1, BIG));
        }
        AAssociateRq rq = new AAssociateRq(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT, many,
                UserInformation.of(new UserInfoSubItem.MaxLength(0)));

        AAssociateAc ac = accepted(anyone(IMPLICIT).decide(rq));

        assertThat(ac.presentationContexts()).extracting(PresentationContextAc::id)
                .containsExactlyElementsOf(many.stream().map(PresentationContextRq::id).toList());
        assertThat(ac.presentationContexts()).extracting(PresentationContextAc::result)
                .containsOnly(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    // ---- the A-ASSOCIATE-AC itself ---------------------------------------------------------------

    @Test
    void theAcceptAnswersWithTheRequestsTitlesAndOurLimitAndImplementation() {
        AAssociateAc ac = accepted(anyone(IMPLICIT).decide(rq(verification(1, IMPLICIT))));

        assertThat(ac.protocolVersion()).isEqualTo(1);
        assertThat(ac.calledAeTitle()).isEqualTo("ANY-SCP");
        assertThat(ac.callingAeTitle()).isEqualTo("ECHOSCU");
        assertThat(ac.applicationContext()).isEqualTo(Uids.APPLICATION_CONTEXT);
        assertThat(ac.userInformation()).isEqualTo(UserInformation.of(new UserInfoSubItem.MaxLength(32768),
                new UserInfoSubItem.ImplementationClassUid(Uids.IMPLEMENTATION_CLASS_UID),
                new UserInfoSubItem.ImplementationVersionName(Uids.IMPLEMENTATION_VERSION_NAME)));
    }

    @Test
    void ourOwnAeTitleMustBeValid() {
        assertThatThrownBy(() -> new AcceptorPolicy("", false, Set.of(), List.of(IMPLICIT), 16384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new AcceptorPolicy("SEVENTEEN-CHARS-X", false, Set.of(), List.of(IMPLICIT), 16384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16");
    }

    @Test
    void thePolicyKeepsCopiesOfItsLists() {
        List<String> syntaxes = new ArrayList<>(List.of(IMPLICIT));
        AcceptorPolicy p = new AcceptorPolicy("ECHOSCP", false, Set.of(), syntaxes, 16384);
        syntaxes.set(0, BIG);

        assertThat(accepted(p.decide(rq(verification(1, IMPLICIT)))).presentationContexts().get(0).accepted())
                .isTrue();
    }
}
