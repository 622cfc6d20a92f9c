package org.echoscu.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.Reference;
import org.junit.jupiter.api.Test;

/**
 * The A-ASSOCIATE-AC that DCMTK 3.6.7's storescp sent to echoscu, as echoscu -d dumped it
 * ("PDU Type: Associate Accept, PDU Length: 184 + 6 bytes PDU header").
 */
class DcmtkAssociateAcTest {

    static final String DCMTK_AC = ""
            + "02  00  00  00  00  b8  00  01  00  00  41  4e  59  2d  53  43\n"
            + "50  20  20  20  20  20  20  20  20  20  45  43  48  4f  53  43\n"
            + "55  20  20  20  20  20  20  20  20  20  00  00  00  00  00  00\n"
            + "00  00  00  00  00  00  00  00  00  00  00  00  00  00  00  00\n"
            + "00  00  00  00  00  00  00  00  00  00  10  00  00  15  31  2e\n"
            + "32  2e  38  34  30  2e  31  30  30  30  38  2e  33  2e  31  2e\n"
            + "31  2e  31  21  00  00  19  01  00  00  00  40  00  00  11  31\n"
            + "2e  32  2e  38  34  30  2e  31  30  30  30  38  2e  31  2e  32\n"
            + "50  00  00  3a  51  00  00  04  00  00  40  00  52  00  00  1b\n"
            + "31  2e  32  2e  32  37  36  2e  30  2e  37  32  33  30  30  31\n"
            + "30  2e  33  2e  30  2e  33  2e  36  2e  37  55  00  00  0f  4f\n"
            + "46  46  49  53  5f  44  43  4d  54  4b  5f  33  36  37\n";

    static final AAssociateAc EXPECTED = new AAssociateAc(1, "ANY-SCP", "ECHOSCU", "1.2.840.10008.3.1.1.1",
            List.of(new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, "1.2.840.10008.1.2")),
            UserInformation.of(
                    new UserInfoSubItem.MaxLength(16384),
                    new UserInfoSubItem.ImplementationClassUid("1.2.276.0.7230010.3.0.3.6.7"),
                    new UserInfoSubItem.ImplementationVersionName("OFFIS_DCMTK_367")));

    @Test
    void decodesEveryField() throws Exception {
        byte[] pdu = Hex.bytes(DCMTK_AC);
        assertThat(pdu).hasSize(184 + 6);
        assertThat(pdu[0]).isEqualTo((byte) Pdu.TYPE_ASSOCIATE_AC);

        AAssociateAc ac = (AAssociateAc) PduDecoder.decode(Pdu.TYPE_ASSOCIATE_AC, Hex.body(pdu));

        assertThat(ac.type()).isEqualTo(Pdu.TYPE_ASSOCIATE_AC);
        assertThat(ac.protocolVersion()).isEqualTo(1);
        assertThat(ac.calledAeTitle()).isEqualTo("ANY-SCP");
        assertThat(ac.callingAeTitle()).isEqualTo("ECHOSCU");
        assertThat(ac.applicationContext()).isEqualTo("1.2.840.10008.3.1.1.1");
        assertThat(ac.presentationContexts()).hasSize(1);
        PresentationContextAc pc = ac.presentationContexts().get(0);
        assertThat(pc.id()).isEqualTo(1);
        assertThat(pc.result()).isEqualTo(PresentationContextAc.ACCEPTANCE);
        assertThat(pc.accepted()).isTrue();
        assertThat(pc.transferSyntax()).isEqualTo("1.2.840.10008.1.2");
        UserInformation ui = ac.userInformation();
        assertThat(ui.maxLength()).isEqualTo(16384);
        assertThat(ui.implementationClassUid()).isEqualTo("1.2.276.0.7230010.3.0.3.6.7");
        assertThat(ui.implementationVersionName()).isEqualTo("OFFIS_DCMTK_367");
        assertThat(ui.subItems()).extracting(UserInfoSubItem::type).containsExactly(0x51, 0x52, 0x55);
        assertThat(ac).isEqualTo(EXPECTED);
    }

    @Test
    void reEncodesToTheIdenticalBytes() throws Exception {
        byte[] pdu = Hex.bytes(DCMTK_AC);
        Pdu decoded = PduDecoder.decode(Pdu.TYPE_ASSOCIATE_AC, Hex.body(pdu));
        assertThat(Hex.string(PduEncoder.encode(decoded))).isEqualTo(Hex.string(pdu));
        assertThat(Hex.string(PduEncoder.encode(EXPECTED))).isEqualTo(Hex.string(pdu));
    }

    @Test
    void readsFromAStreamWithTheNegotiatedLimit() throws Exception {
        byte[] pdu = Hex.bytes(DCMTK_AC);
        PduReader reader = new PduReader(new ByteArrayInputStream(pdu));
        assertThat(reader.read(16384)).isEqualTo(EXPECTED);
    }

    /** The literal above against DCMTK's own -d transcript (src/test/resources/reference). */
    @Test
    void literalMatchesTheReferenceTranscript() throws Exception {
        List<String> lines = Reference.lines("dcmtk-3.6.7/success-debug.txt");
        StringBuilder hex = new StringBuilder();
        boolean inDump = false;
        Pattern dumpLine = Pattern.compile("^D:((\\s+[0-9a-f]{2})+)\\s*$");
        for (String line : lines) {
            if (line.contains("PDU Type: Associate Accept, PDU Length: 184 + 6 bytes PDU header")) {
                inDump = true;
                continue;
            }
            if (inDump) {
                Matcher m = dumpLine.matcher(line);
                if (!m.matches()) {
                    break;
                }
                hex.append(m.group(1)).append(' ');
            }
        }
        assertThat(Hex.string(Hex.bytes(hex.toString()))).isEqualTo(Hex.string(Hex.bytes(DCMTK_AC)));
    }

    @Test
    void everyTruncationIsEitherAValidPrefixOrAFormatError() {
        byte[] body = Hex.body(Hex.bytes(DCMTK_AC));
        List<Integer> valid = new ArrayList<>();
        for (int n = 0; n < body.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(body, n);
            try {
                PduDecoder.decode(Pdu.TYPE_ASSOCIATE_AC, cut);
                valid.add(n);
            } catch (PduFormatException e) {
                assertThat(e.abortReason()).isBetween(0, 6);
            }
        }
        // Only cuts on item boundaries after the application context make a well-formed PDU:
        // after the application context item (68+25) and after the presentation context item (+29).
        assertThat(valid).containsExactly(93, 122);
    }
}
