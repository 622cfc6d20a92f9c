package org.echoscu.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.echoscu.Reference;
import org.echoscu.acse.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The -d dump of a DIMSE message against DCMTK's: the summary lines DCMTK's storescp logs, and
 * each command element as DCMTK's dcmdump prints it (see src/test/resources/reference/README.md
 * for the inputs).
 */
class CommandDumpTest {

    /** The inputs of the dcmdump transcripts: a C-ECHO-RQ and its C-ECHO-RSP, as on the wire. */
    private static final String ECHO_RQ = "0000000004000000380000000000020012000000312e322e3834302e31303030382e312e31"
            + "00000000010200000030000000100102000000010000000008020000000101";
    private static final String ECHO_RSP = "0000000004000000420000000000020012000000312e322e3834302e31303030382e312e31"
            + "0000000001020000003080000020010200000001000000000802000000010100000009020000000000";

    private static final ElementDictionary BUILT_IN = ElementDictionary.load(null);

    private static CommandSet decode(String hex) throws DimseException {
        return CommandSet.decode(HexFormat.of().parseHex(hex));
    }

    private static List<String> lines(String dump) {
        return List.of(dump.split("\n", -1));
    }

    /** The element lines of a dcmdump transcript, spaces collapsed (see below); received, so with the group length. */
    private static List<String> dcmdumpElements(String name) {
        List<String> out = new ArrayList<>();
        for (String line : Reference.lines(name)) {
            if (line.startsWith("(")) {
                out.add(line.replaceAll(" +", " "));
            }
        }
        return out;
    }

    /** Our element lines, spaces collapsed: our value column is five characters narrower than dcmdump's. */
    private static List<String> ourElements(String dump) {
        return lines(dump).stream().filter(l -> l.startsWith("(")).map(l -> l.replaceAll(" +", " ")).toList();
    }

    @Test
    void theSummaryHasTheLinesDcmtksStorescpLogsForAnIncomingEcho() throws Exception {
        List<String> dcmtk = Reference.lines("dcmtk-3.7.0/storescp-incoming-echo-rq.txt").stream()
                .filter(l -> l.startsWith("D: ")).map(l -> l.substring(3)).toList();

        List<String> ours = lines(CommandDump.format(false, 1, decode(ECHO_RQ), BUILT_IN));

        assertThat(dcmtk).hasSize(6);
        assertThat(ours).containsSubsequence(dcmtk);
        assertThat(ours).first().isEqualTo(dcmtk.get(0));
        assertThat(ours).last().isEqualTo(dcmtk.get(dcmtk.size() - 1));
    }

    /**
     * Where we say more than storescp: the SOP class and the command set itself. An outgoing
     * command is dumped as built, before encoding adds its group length.
     */
    @Test
    void theWholeDumpOfAnOutgoingEchoRequest() {
        CommandSet rq = new CommandSet()
                .putUi(Tag.AFFECTED_SOP_CLASS_UID, Uids.VERIFICATION_SOP_CLASS)
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ)
                .putUs(Tag.MESSAGE_ID, 1)
                .putUs(Tag.COMMAND_DATA_SET_TYPE, CommandField.NO_DATA_SET);
        assertThat(lines(CommandDump.format(true, 1, rq, BUILT_IN))).containsExactly(
                "===================== OUTGOING DIMSE MESSAGE ====================",
                "Message Type                  : C-ECHO RQ",
                "Presentation Context ID       : 1",
                "Message ID                    : 1",
                "Affected SOP Class UID        : VerificationSOPClass",
                "Data Set                      : none",
                "---------------------------- command set ----------------------------",
                "(0000,0002) UI =VerificationSOPClass               #  18, 1 AffectedSOPClassUID",
                "(0000,0100) US 48                                  #   2, 1 CommandField",
                "(0000,0110) US 1                                   #   2, 1 MessageID",
                "(0000,0800) US 257                                 #   2, 1 CommandDataSetType",
                "======================= END DIMSE MESSAGE =======================");
    }

    @Test
    void theElementsOfARequestAreDcmdumps() throws Exception {
        assertThat(ourElements(CommandDump.format(true, 1, decode(ECHO_RQ), BUILT_IN)))
                .containsExactlyElementsOf(dcmdumpElements("dcmtk-3.6.7/dcmdump-echo-rq.txt"));
    }

    @Test
    void theElementsOfAResponseAreDcmdumps() throws Exception {
        assertThat(ourElements(CommandDump.format(false, 1, decode(ECHO_RSP), BUILT_IN)))
                .containsExactlyElementsOf(dcmdumpElements("dcmtk-3.6.7/dcmdump-echo-rsp.txt"));
    }

    @Test
    void aResponseShowsWhomItAnswersAndItsStatus() throws Exception {
        List<String> ours = lines(CommandDump.format(false, 3, decode(ECHO_RSP), BUILT_IN));

        assertThat(ours).containsSubsequence(
                "===================== INCOMING DIMSE MESSAGE ====================",
                "Message Type                  : C-ECHO RSP",
                "Presentation Context ID       : 3",
                "Message ID Being Responded To : 1",
                "Data Set                      : none",
                "DIMSE Status                  : 0x0000: Success");
        assertThat(ours).noneMatch(l -> l.startsWith("Message ID  "));
    }

    @Test
    void aFailureStatusAndADataSetAreNamed() {
        CommandSet rsp = new CommandSet().putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RSP)
                .putUs(Tag.MESSAGE_ID_BEING_RESPONDED_TO, 7).putUs(Tag.COMMAND_DATA_SET_TYPE, 0)
                .putUs(Tag.STATUS, 0x0122);

        List<String> ours = lines(CommandDump.format(false, 1, rsp, BUILT_IN));

        assertThat(ours).contains("Data Set                      : present",
                "DIMSE Status                  : 0x0122: " + Status.describe(0x0122));
        assertThat(ours).noneMatch(l -> l.startsWith("Affected SOP Class UID"));
    }

    @Test
    void otherSopClassesAndUnknownElementsKeepTheirUidsAndBytes() {
        CommandSet cs = new CommandSet().putUi(Tag.AFFECTED_SOP_CLASS_UID, "1.2.3.4")
                .putUs(Tag.COMMAND_FIELD, CommandField.C_ECHO_RQ).putUs(Tag.COMMAND_DATA_SET_TYPE, 0x0101)
                .putLo(0x0000_5555, "ODD");

        List<String> ours = lines(CommandDump.format(true, 1, cs, BUILT_IN));

        assertThat(ours).contains("Affected SOP Class UID        : 1.2.3.4",
                "(0000,0002) UI [1.2.3.4]                           #   8, 1 AffectedSOPClassUID",
                "(0000,5555) UN 4f\\44\\44\\20" + " ".repeat(24) + " #   4, 1 Unknown Tag & Data");
    }

    /** Names come from the dictionaries DCMDICTPATH names, in DCMTK's text format. */
    @Test
    void aDictionaryFileNamesTheElements(@TempDir Path dir) throws Exception {
        Path dic = dir.resolve("my.dic");
        Files.writeString(dic, "# a DCMTK data dictionary\n(0000,0100)\tUS\tMyCommandField\t1\tDICOM\n");

        List<String> ours = ourElements(CommandDump.format(true, 1, decode(ECHO_RQ),
                ElementDictionary.load(dic.toString())));

        assertThat(ours).contains("(0000,0100) US 48 # 2, 1 MyCommandField", "(0000,0110) US 1 # 2, 1 MessageID");
    }
}
