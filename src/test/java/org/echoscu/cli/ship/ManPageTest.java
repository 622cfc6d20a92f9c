package org.echoscu.cli.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echoscu.cli.OptionTable;
import org.echoscu.cli.ToolTables.Tool;
import org.junit.jupiter.api.Test;

class ManPageTest {

    private static Tool tool() {
        OptionTable t = new OptionTable().parameter("peer", "hostname of DICOM peer")
                .heading(0, "general options:")
                .flag("-h", "--help", "print this help text and exit")
                .option("-pts", "--propose-ts", 1, "[n]umber: integer (1..38)", "propose n transfer syntaxes")
                .option("+tls", "--enable-tls", 2, "[p]rivate key file, [c]ertificate file: string", "use TLS")
                .values(OptionTable.FILE)
                .option("--format", null, 1, "[f]ormat: string constant", "output format")
                .choices("text", "json");
        return new Tool("tool", "a purpose", "tool [options] peer", t);
    }

    private static String render(String template, String name) {
        return ManPage.render(template, tool(), name, "/usr/share/x", "1.2.3", "2026-01-02");
    }

    @Test
    void optionsFromTheTableWithTheirValuesAndRanges() {
        String page = render("@OPTIONS@", "tool");
        assertThat(page).contains(".SS \"general options\"")
                .contains("\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nprint this help text and exit")
                .contains("\\fB\\-pts\\fR, \\fB\\-\\-propose\\-ts\\fR \\fInumber\\fR\npropose n transfer syntaxes\n"
                        + "(\\fInumber\\fR: integer (1..38))")
                .contains("\\fB+tls\\fR, \\fB\\-\\-enable\\-tls\\fR \\fIprivate\\-key\\-file\\fR \\fIcertificate\\-file\\fR")
                .contains("(\\fIformat\\fR: one of text, json)");
    }

    @Test
    void placeholdersFilledAndTheInstalledNameExplainedOnlyWhereItDiffers() {
        String template = ".TH TOOL 1 \"@DATE@\" \"jecho @VERSION@\"\n@NAME@ \\- @PURPOSE@\n@INSTALLED_AS@\n@SYNOPSIS@";
        assertThat(render(template, "tool")).isEqualTo(".TH TOOL 1 \"2026\\-01\\-02\" \"jecho 1.2.3\"\n"
                + "tool \\- a purpose\n.B tool\n[\\fIoptions\\fR]\n\\fIpeer\\fR");
        assertThat(render(template, "tool-java")).contains("tool\\-java \\- a purpose\n.PP\n")
                .contains("\\fB/usr/share/x/bin/tool\\fR is the same command");
    }

    @Test
    void linesAboutAnOptionTheCommandLacksAreDropped() {
        String template = "a\n.\\\" if-option --format\nformats\n.\\\" end-if\n.\\\" if-option --targets\ntargets\n"
                + ".\\\" end-if\nb";
        assertThat(render(template, "tool")).isEqualTo("a\nformats\nb");
    }

    @Test
    void anUnknownPlaceholderFailsTheBuild() {
        assertThatThrownBy(() -> render("@NAMES@", "tool")).hasMessageContaining("@NAMES@");
    }

    @Test
    void troffControlCharactersAndBackslashesAreMadeLiteral() {
        assertThat(Troff.escape(".dot")).isEqualTo("\\&.dot");
        assertThat(Troff.escape("'quote")).isEqualTo("\\&'quote");
        assertThat(Troff.escape("a\\b-c")).isEqualTo("a\\eb\\-c");
    }
}
