package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.echoscu.Reference;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.pdu.UserInformation;
import org.junit.jupiter.api.Test;

/**
 * The user identity lines of the -d association dump against DCMTK 3.6.7 storescu's own
 * (reference/dcmtk-3.6.7/user-identity-dumps.txt): the same lines, except that the password
 * is masked.
 */
class UserIdentityDumpTest {

    /** The block of the reference file whose comment line is "# storescu -d OPTIONS". */
    private static List<String> reference(String options) {
        List<String> all = Reference.lines("dcmtk-3.6.7/user-identity-dumps.txt");
        int start = all.indexOf("# storescu -d " + options);
        assertThat(start).as("reference block for %s", options).isNotNegative();
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < all.size() && !all.get(i).startsWith("#"); i++) {
            block.add(all.get(i).substring(3)); // without DCMTK's "D: "
        }
        return block;
    }

    /** Our two identity lines of a request dump, split into lines as the logger prints them. */
    private static List<String> ours(UserInfoSubItem.UserIdentityRq identity) {
        AAssociateRq rq = UserIdentity.withIdentity(new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1).toPdu(),
                identity);
        List<String> lines = List.of(AssociationDump.request(rq, true).split("\n"));
        int from = lines.indexOf("Requested User Identity Negotiation:");
        assertThat(from).isNotNegative();
        return lines.subList(from, lines.size() - 1); // up to the END line
    }

    @Test
    void userAndPasswordAsDcmtkWithThePasswordMasked() {
        List<String> expected = new ArrayList<>(reference("-usr alice -pwd s3cretPW -rsp"));
        assertThat(expected).contains("  Password: [s3cretPW]"); // DCMTK shows it; we must not
        expected.replaceAll(l -> l.equals("  Password: [s3cretPW]") ? "  Password: [" + UserIdentity.MASK + "]" : l);
        List<String> ours = ours(UserIdentity.user("alice", "s3cretPW", true));
        assertThat(ours).isEqualTo(expected);
        assertThat(String.join("\n", ours)).doesNotContain("s3cretPW");
    }

    @Test
    void theOtherTypesExactlyAsDcmtk() {
        assertThat(ours(UserIdentity.user("bob", null, false))).isEqualTo(reference("-usr bob"));
        assertThat(ours(UserIdentity.user("bob", "", false))).isEqualTo(reference("-usr bob -epw"));
        assertThat(ours(UserIdentity.token(UserIdentity.KERBEROS, bytes("kerb"), false)))
                .isEqualTo(reference("-kt t.krb"));
        assertThat(ours(UserIdentity.token(UserIdentity.SAML, bytes("<saml/>"), true)))
                .isEqualTo(reference("--saml t.saml -rsp"));
        assertThat(ours(UserIdentity.token(UserIdentity.JWT, bytes("eyJ.x.y"), false)))
                .isEqualTo(reference("--jwt tok.jwt"));
    }

    @Test
    void responseAsDcmtk() {
        AAssociateRq rq = UserIdentity.withIdentity(new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, 1).toPdu(),
                UserIdentity.user("alice", "s3cretPW", true));
        AAssociateAc ac = KnownIdentities.answer(rq, new AAssociateAc(1, "ANY-SCP", "ECHOSCU", Uids.APPLICATION_CONTEXT,
                List.of(), UserInformation.of(new UserInfoSubItem.MaxLength(16384))));
        List<String> lines = List.of(AssociationDump.negotiated(rq, ac, true).split("\n"));
        int from = lines.indexOf("User Identity Negotiation Response:");
        List<String> all = Reference.lines("dcmtk-3.6.7/user-identity-dumps.txt");
        List<String> expected = all.subList(all.size() - 2, all.size()).stream().map(l -> l.substring(3)).toList();
        assertThat(lines.subList(from, from + 2)).isEqualTo(expected);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
