package org.echoscu.cli.ship;

import org.echoscu.exporter.ExporterCommand;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page of echoscu-exporter. Its flags are blackbox_exporter's, declared with picocli
 * (not in an option table as echoscu's and echoscp's), so its OPTIONS section is made from the
 * command's picocli model, which also prints --help: the page cannot name a flag the command
 * lacks, nor miss one. The prose around it is the template's (echoscu-exporter.1.in).
 */
final class ExporterManPage {

    static final String NAME = "echoscu-exporter";

    private ExporterManPage() {
    }

    static String render(String template, String version, String date) {
        return template.replace("@VERSION@", version).replace("@DATE@", date).replace("@OPTIONS@", options());
    }

    private static String options() {
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : new CommandLine(new ExporterCommand()).getCommandSpec().options()) {
            sb.append(".TP\n");
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.length() == 0 ? "" : ", ").append(Troff.bold(n));
                if (o.arity().max() > 0) {
                    names.append(n.startsWith("--") ? "=" : " ").append(Troff.italic(o.paramLabel()));
                }
            }
            sb.append(names).append('\n');
            sb.append(Troff.escape(String.join(" ", o.description()))).append('\n');
        }
        return sb.toString();
    }
}
