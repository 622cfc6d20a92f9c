package org.echoscu.cli.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.OptionTable.Opt;
import org.junit.jupiter.api.Test;

class ValueKindsTest {

    private static Opt opt(int arity, String... lines) {
        return new Opt("-x", "--x", arity, List.of(lines), 0);
    }

    @Test
    void anUnsaidKindIsReadFromDcmtksValueDescription() {
        assertThat(ValueKinds.kind(opt(1, "[f]ilename: string", "read f"))).isEqualTo(OptionTable.FILE);
        assertThat(ValueKinds.kind(opt(1, "[d]irectory: string", "write to d"))).isEqualTo(OptionTable.DIRECTORY);
        assertThat(ValueKinds.kind(opt(1, "[a]etitle: string", "set"))).isEqualTo(OptionTable.TEXT);
        assertThat(ValueKinds.kind(opt(0, "a flag"))).isNull();
    }

    @Test
    void aSaidKindWins() {
        Opt o = new Opt("-x", null, 1, List.of("[f]ilename: string"), 0, OptionTable.TEXT, List.of());
        assertThat(ValueKinds.kind(o)).isEqualTo(OptionTable.TEXT);
    }

    @Test
    void valueNamesTypesAndPurpose() {
        Opt two = opt(2, "[p]rivate key file, [c]ertificate file: string", "use TLS");
        assertThat(ValueKinds.valueNames(two)).containsExactly("private-key-file", "certificate-file");
        assertThat(ValueKinds.valueNames(opt(2, "[f]ilename: string", "x"))).containsExactly("filename", "filename");
        Opt pdu = opt(1, "[n]umber of bytes: integer (4096..131072)", "set max pdu", "(default: 16384)");
        assertThat(ValueKinds.valueNames(pdu)).containsExactly("number-of-bytes");
        assertThat(ValueKinds.valueType(pdu)).isEqualTo("integer (4096..131072)");
        assertThat(ValueKinds.purpose(pdu)).containsExactly("set max pdu", "(default: 16384)");
        assertThat(ValueKinds.purpose(opt(0, "print help"))).containsExactly("print help");
    }
}
