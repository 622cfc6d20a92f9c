package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PduDecoder;
import org.echoscu.pdu.PduEncoder;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;

/** Any probe proposal covers each (abstract, transfer) pair once, within PS3.8's limits, and survives the codec. */
class ProbeProposalProperties {

    @Provide
    Arbitrary<List<String>> abstractSyntaxes() {
        return Arbitraries.integers().between(1, 999_999).map(n -> "1.2.3." + n).list().ofMinSize(1).ofMaxSize(12)
                .uniqueElements();
    }

    @Property(tries = 300)
    void everyPairOnceAtMost128ContextsPerAssociation(@ForAll("abstractSyntaxes") List<String> as,
                                                      @ForAll @IntRange(min = 1, max = 38) int pts,
                                                      @ForAll boolean roles, @ForAll boolean async) throws Exception {
        ProbeProposal p = new ProbeProposal("ECHOSCU", "ANY-SCP", 16384, as, TransferSyntax.firstUids(pts), roles, async);
        List<AAssociateRq> rqs = p.requests();
        int pairs = as.size() * pts;
        assertThat(rqs).hasSize((pairs + 127) / 128);
        List<ProbeProposal.Pair> seen = new ArrayList<>();
        for (AAssociateRq rq : rqs) {
            List<PresentationContextRq> pcs = rq.presentationContexts();
            assertThat(pcs).hasSizeBetween(1, 128);
            for (int i = 0; i < pcs.size(); i++) {
                assertThat(pcs.get(i).id()).isEqualTo(2 * i + 1);
                assertThat(pcs.get(i).transferSyntaxes()).hasSize(1);
                seen.add(new ProbeProposal.Pair(pcs.get(i).abstractSyntax(), pcs.get(i).transferSyntaxes().get(0)));
            }
            List<String> roleUids = rq.userInformation().all(UserInfoSubItem.RoleSelection.class).stream()
                    .map(UserInfoSubItem.RoleSelection::sopClassUid).toList();
            assertThat(roleUids).containsExactlyElementsOf(roles
                    ? pcs.stream().map(PresentationContextRq::abstractSyntax).distinct().toList() : List.of());
            assertThat(rq.userInformation().find(UserInfoSubItem.AsyncOperationsWindow.class).isPresent())
                    .isEqualTo(async);
            byte[] wire = PduEncoder.encode(rq);
            assertThat(PduDecoder.decode(1, Arrays.copyOfRange(wire, 6, wire.length))).isEqualTo(rq);
        }
        assertThat(seen).containsExactlyElementsOf(p.pairs());
        assertThat(seen).doesNotHaveDuplicates();
    }
}
