package org.echoscu.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * What every DCMTK tool does around its own work: expand command files, answer the options
 * that act alone (-h, --version, and the TLS ones: +cc, --list-profiles, echoscu's +vc and
 * +rc), and report a bad command line as header, blank line, purpose and one {@code error:}
 * line, exit code 1.
 */
final class DcmtkTool {

    /**
     * The tool's own work, once the command line has parsed. The commands implement it with
     * a class of their own rather than a lambda: a lambda's call site costs a JDK 17 start-up
     * the invokedynamic bootstrap (docs/PERFORMANCE.md).
     */
    interface Body {
        int run(ParsedArgs args, List<String> expanded) throws UsageException;
    }

    private final String name;
    private final String purpose;
    private final String usage;
    private final OptionTable table;
    /** Whether the tool is a TLS client (echoscu) or server (echoscp), for its TLS options that act alone. */
    private final boolean client;
    /** Printed on stdout before the message of a bad command line; null for none (DCMTK). */
    private String usageLine;
    private int usageExit = 1;

    DcmtkTool(String name, String purpose, String usage, OptionTable table, boolean client) {
        this.name = name;
        this.purpose = purpose;
        this.usage = usage;
        this.table = table;
        this.client = client;
    }

    /**
     * A bad command line prints only {@code prefix} and the message on stdout (no header, no
     * {@code error:} line on stderr), and exits with {@code exitCode} instead of 1 (a Monitoring
     * Plugin's UNKNOWN: one line, exit 3). Plain fields, not a
     * callback: a plain echo loads no class for this.
     */
    DcmtkTool onUsageError(String prefix, int exitCode) {
        this.usageLine = prefix;
        this.usageExit = exitCode;
        return this;
    }

    int run(String[] argv, PrintStream out, PrintStream err, Body body) {
        try {
            List<String> args = CommandFiles.expand(argv, table);
            if (args.isEmpty()) { // DCMTK prints its help when called without arguments
                out.print(help());
                return 0;
            }
            ParsedArgs p = DcmtkParser.parse(table, args);
            if (p.has("--help")) {
                out.print(help());
                return 0;
            }
            if (p.has("--version")) {
                out.print(Version.details(name, purpose));
                return 0;
            }
            if (TlsOptions.exclusive(p, client)) {
                TlsOptions.check(p, client);
                return TlsRuntime.exclusive(p, name, purpose, client, args, out, err);
            }
            return body.run(p, args);
        } catch (UsageException e) {
            if (usageLine != null) { // a Monitoring Plugin: one line on stdout, nothing else
                out.println(usageLine + e.getMessage());
                return usageExit;
            }
            err.println(Version.header(name));
            err.println();
            err.println(name + ": " + purpose);
            err.println("error: " + e.getMessage());
            return usageExit;
        } catch (RuntimeException | Error e) {
            // A bug of ours, not the peer's doing: one line, the stack trace only when -d asks for it.
            org.slf4j.Logger log = org.echoscu.log.Logs.get("dcmtk.apps." + name);
            log.error(org.echoscu.log.Fatal.MARKER, "internal error: {} (run with -d for details)", e.toString());
            log.debug("internal error", e);
            return 1;
        }
    }

    String help() {
        return Version.header(name) + "\n\n" + name + ": " + purpose + "\n" + table.help(usage) + "\n";
    }
}
