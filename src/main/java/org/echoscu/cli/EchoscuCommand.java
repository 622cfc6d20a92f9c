package org.echoscu.cli;

import java.io.PrintStream;
import java.util.List;

import org.echoscu.acse.AeTitles;
import org.echoscu.acse.AssociationProposal;
import org.echoscu.net.IpFamily;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.log.Logs;

/** {@code echoscu [options] peer port}: the command line of the Verification SCU. */
public final class EchoscuCommand {

    static final String TOOL = "echoscu";
    static final String PURPOSE = "DICOM verification (C-ECHO) SCU";

    private EchoscuCommand() {
    }

    public static void main(String[] argv) {
        int code = run(argv, System.out, System.err);
        Logs.flush();
        System.exit(code);
    }

    static OptionTable table() {
        OptionTable t = new OptionTable()
                .parameter("peer", "hostname of DICOM peer")
                .parameter("port", "tcp/ip port number of peer");
        CommonOptions.general(t);
        t.heading(0, "network options:")
                .heading(1, "IP protocol version:")
                .flag("-i4", "--ipv4", "use IPv4 only (default)")
                .flag("-i6", "--ipv6", "use IPv6 only")
                .flag("-i0", "--ip-auto", "use DNS lookup to determine IP protocol")
                .heading(1, "application entity titles:")
                .option("-aet", "--aetitle", 1, "[a]etitle: string", "set my calling AE title (default: ECHOSCU)")
                .option("-aec", "--call", 1, "[a]etitle: string", "set called AE title of peer (default: ANY-SCP)")
                .heading(1, "association negotiation debugging:")
                .option("-pts", "--propose-ts", 1, "[n]umber: integer (1..38)", "propose n transfer syntaxes")
                .option("-ppc", "--propose-pc", 1, "[n]umber: integer (1..128)", "propose n presentation contexts")
                .heading(1, "other network options:")
                .option("-to", "--timeout", 1, "[s]econds: integer (default: unlimited)",
                        "timeout for connection requests")
                .option("-ts", "--socket-timeout", 1, "[s]econds: integer (default: 60)",
                        "timeout for network socket (0 for none)")
                .option("-ta", "--acse-timeout", 1, "[s]econds: integer (default: 30)", "timeout for ACSE messages")
                .option("-td", "--dimse-timeout", 1, "[s]econds: integer (default: unlimited)",
                        "timeout for DIMSE messages")
                .option("-pdu", "--max-pdu", 1, "[n]umber of bytes: integer (4096..131072)",
                        "set max receive pdu to n bytes (default: 16384)")
                .option(null, "--repeat", 1, "[n]umber: integer", "repeat n times")
                .flag(null, "--abort", "abort association instead of releasing it");
        CommonOptions.tls(t, true);
        return t;
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        OptionTable table = table();
        try {
            List<String> args = CommandFiles.expand(argv);
            if (args.isEmpty()) {
                out.print(help(table));
                return 0;
            }
            ParsedArgs p = DcmtkParser.parse(table, args);
            if (p.has("--help")) {
                out.print(help(table));
                return 0;
            }
            if (p.has("--version")) {
                out.print(Version.details(TOOL, PURPOSE));
                return 0;
            }
            EchoSettings settings = settings(p, table);
            CommonOptions.logging(p, TOOL, args, err);
            if (Logs.get("dcmtk.apps.echoscu").isDebugEnabled()) {
                Logs.get("dcmtk.apps.echoscu").debug("{}\n", Version.header(TOOL));
            }
            return new EchoScu(settings).run().exitCode();
        } catch (UsageException e) {
            err.println(Version.header(TOOL));
            err.println();
            err.println(TOOL + ": " + PURPOSE);
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String help(OptionTable table) {
        return Version.header(TOOL) + "\n\n" + TOOL + ": " + PURPOSE + "\n" + table.help("echoscu [options] peer port")
                + "\n";
    }

    private static EchoSettings settings(ParsedArgs p, OptionTable table) throws UsageException {
        List<String> params = p.parameters();
        if (params.isEmpty()) {
            throw new UsageException("Missing parameter peer");
        }
        if (params.size() == 1) {
            throw new UsageException("Missing parameter port");
        }
        if (params.size() > 2) {
            throw new UsageException("Too many parameters");
        }
        String peer = params.get(0);
        int port = Values.port(params.get(1));
        ParsedArgs.Occurrence family = p.last("-i4", "-i6", "-i0");
        IpFamily ip = family == null ? IpFamily.IPV4 : switch (family.opt().shortName()) {
            case "-i6" -> IpFamily.IPV6;
            case "-i0" -> IpFamily.AUTO;
            default -> IpFamily.IPV4;
        };
        String calling = aeTitle(p, "-aet", "ECHOSCU");
        String called = aeTitle(p, "-aec", "ANY-SCP");
        int pts = Values.intOption(p, "-pts", 1, 38, 1);
        int ppc = Values.intOption(p, "-ppc", 1, 128, 1);
        int connectTimeout = Values.intOption(p, "-to", 1, Integer.MAX_VALUE / 1000, 0);
        int socketTimeout = Values.intOption(p, "-ts", -1, Integer.MAX_VALUE / 1000, 60);
        int acseTimeout = Values.intOption(p, "-ta", 1, Integer.MAX_VALUE / 1000, 30);
        int dimseTimeout = Values.intOption(p, "-td", 1, Integer.MAX_VALUE / 1000, 0);
        int maxPdu = Values.intOption(p, "-pdu", 4096, 131072, 16384);
        int repeat = Values.intOption(p, "--repeat", 1, Integer.MAX_VALUE, 1);
        CommonOptions.refuseTls(p, table);
        return new EchoSettings(peer, port, ip, new AssociationProposal(calling, called, maxPdu, ppc, pts),
                connectTimeout, Math.max(0, socketTimeout), acseTimeout, dimseTimeout, repeat, p.has("--abort"), null);
    }

    private static String aeTitle(ParsedArgs p, String option, String dflt) throws UsageException {
        ParsedArgs.Occurrence o = p.last(option);
        if (o == null) {
            return dflt;
        }
        String title = o.values().get(0);
        String problem = AeTitles.problem(title);
        if (problem != null) {
            throw new UsageException("Invalid value for option " + o.opt().display() + " ('" + title + "' " + problem + ")");
        }
        return title;
    }
}
