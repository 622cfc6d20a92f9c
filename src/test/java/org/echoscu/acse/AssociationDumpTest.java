package org.echoscu.acse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.echoscu.Reference;
import org.junit.jupiter.api.Test;

/** The -d request dump against DCMTK 3.7.0's (reference/dcmtk-3.7.0), but for our implementation's name. */
class AssociationDumpTest {

    /** DCMTK's A-ASSOCIATE-RQ dump from a -d transcript, "D: " taken off, less the implementation lines. */
    private static List<String> requestDump(String transcript) {
        List<String> lines = Reference.lines(transcript);
        int from = lines.indexOf("D: ====================== BEGIN A-ASSOCIATE-RQ =====================");
        int to = lines.indexOf("D: ======================= END A-ASSOCIATE-RQ ======================");
        return lines.subList(from, to + 1).stream().filter(l -> !l.startsWith("D: Our Implementation"))
                .map(l -> l.substring(3)).toList();
    }

    private static List<String> ours(int pts) {
        String dump = AssociationDump.request(new AssociationProposal("ECHOSCU", "ANY-SCP", 16384, 1, pts).toPdu(), true);
        return dump.lines().filter(l -> !l.startsWith("Our Implementation")).toList();
    }

    @Test
    void requestDumpIsDcmtk370sWithAnEmptyRespondingName() {
        assertThat(ours(1)).isEqualTo(requestDump("dcmtk-3.7.0/success-debug.txt"))
                .contains("Responding Application Name: ");
    }

    @Test
    void all53SyntaxesCarryDcmtksNames() {
        assertThat(ours(53)).isEqualTo(requestDump("dcmtk-3.7.0/pts53-debug.txt"));
    }

    @Test
    void theTableIsDcmtk370sTransferSyntaxTable() {
        List<String> tsv = Reference.lines("dcmtk-3.7.0/transfer-syntaxes.tsv");
        TransferSyntax[] all = TransferSyntax.values();
        assertThat(all).hasSize(tsv.size() - 1);
        for (int i = 0; i < all.length; i++) {
            assertThat((i + 1) + "\t" + all[i].uid() + "\t" + all[i].dcmtkName()).isEqualTo(tsv.get(i + 1));
        }
    }
}
