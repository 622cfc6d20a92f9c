package org.echoscu.cli;

import java.io.PrintStream;
import java.util.List;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;
import org.echoscu.net.Transport;
import org.echoscu.report.NagiosView;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.log.ConfiguredAppenders;
import org.echoscu.log.Logs;
import org.echoscu.tls.TlsSettings;

/** {@code echoscu [options] peer port}: the command line of the Verification SCU. */
public final class EchoscuCommand {

    static final String TOOL = "echoscu";
    static final String PURPOSE = "DICOM verification (C-ECHO) SCU";
    static final String USAGE = "echoscu [options] peer port";
    /** From this many echoes on one association, reads block (see Transport.blockOnReads). */
    static final int LONG_SERIES = 100;
    /** The options that leave the plain echo for {@link ManyPeersCommand} (names only: no class loads for them). */
    private static final String[] MANY_PEERS_OPTIONS = {"--targets", "--parallel", "--peer-info", "--probe-sop",
        "--probe-roles", "--probe-async", "--check-called-ae", "--cert-warn-days"};

    private EchoscuCommand() {
    }

    public static void main(String[] argv) {
        int code = run(argv, System.out, System.err);
        ConfiguredAppenders.flush();
        System.out.flush();
        System.err.flush();
        // halt, not exit: from JDK 21 on, System.exit asks the platform logging for a logger
        // ("java.lang.Runtime", JDK-8301627), which starts java.util.logging and costs a run
        // about 20 ms on JDK 25 (docs/PERFORMANCE.md). echoscu registers no shutdown hook (the
        // random seed is written by TlsRuntime.finish), so there is nothing halt would skip.
        Runtime.getRuntime().halt(code);
    }

    static OptionTable table() {
        OptionTable t = new OptionTable()
                .parameter("peer", "hostname of DICOM peer")
                .parameter("port", "tcp/ip port number of peer");
        CommonOptions.general(t);
        // DCMTK's headings, this tool's own texts (echoscu and echoscp word the same options apart)
        t.heading(0, "network options:")
                .heading(1, "IP protocol version:")
                .flag("-i4", "--ipv4", "use IPv4 only (default)")
                .flag("-i6", "--ipv6", "use IPv6 only")
                .flag("-i0", "--ip-auto", "use DNS lookup to determine IP protocol")
                .heading(1, "application entity titles:")
                .option("-aet", "--aetitle", 1, "[a]etitle: string", "set my calling AE title (default: ECHOSCU)")
                .option("-aec", "--call", 1, "[a]etitle: string", "set called AE title of peer (default: ANY-SCP)")
                .heading(1, "association negotiation debugging:")
                .option("-pts", "--propose-ts", 1, "[n]umber: integer (1..53)", "propose n transfer syntaxes")
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
        // Ours beyond DCMTK's echoscu, after all of DCMTK's groups so that its help stays line for
        // line what 3.7.0 prints (CommandLineTest): storescu's user identity options (issue "user
        // identity", docs/echoscu.md), proxies, the TLS host name check, many peers, the peer report.
        t.heading(0, "user identity options (as DCMTK's storescu):")
                .option("-usr", "--user", 1, "[u]ser name: string", "authenticate using user name u")
                .option("-pwd", "--password", 1, "[p]assword: string (only with --user)",
                        "authenticate using password p (shown by ps:",
                        "prefer --password-file)")
                .option(null, "--password-file", 1, "[f]ilename: string (only with --user)",
                        "authenticate using the password in file f")
                .values(OptionTable.FILE)
                .ours()
                .flag("-epw", "--empty-password", "send empty password (only with --user)")
                .option("-kt", "--kerberos", 1, "[f]ilename: string", "read kerberos ticket from file f")
                .option(null, "--saml", 1, "[f]ilename: string", "read SAML request from file f")
                .option(null, "--jwt", 1, "[f]ilename: string", "read JWT data from file f")
                .flag("-rsp", "--pos-response", "expect positive response")
                .heading(0, "proxy options:")
                .option(null, "--proxy", 1, "[[u]ser:[p]assword@]host:port: string",
                        "connect through this HTTP proxy (CONNECT)")
                .ours()
                .option(null, "--socks5", 1, "[[u]ser:[p]assword@]host:port: string",
                        "connect through this SOCKS5 proxy")
                .ours()
                .heading(0, "more TLS options:")
                .flag(null, "--check-hostname", "check the host name in the server certificate",
                        "(RFC 6125; the --request-sni name when given)");
        CommonOptions.keyPasswordFile(t);
        t.heading(0, "several peers options:")
                .option(null, "--targets", 1, "[f]ile: string",
                        "probe each target of file f, one a line:",
                        "[AE@]HOST:PORT (IPv6 in brackets, # comments);",
                        "or an Orthanc configuration file (its",
                        "DicomModalities); may be repeated, and",
                        "AE@HOST:PORT parameters add to them")
                .ours()
                .option(null, "--parallel", 1, "[n]umber: integer (1..1024, default: 32)",
                        "probe up to n targets at once")
                .ours()
                .heading(0, "peer report options:")
                .flag(null, "--peer-info",
                        "report what the peer accepts: each transfer",
                        "syntax of -pts (default: all of them) in a",
                        "context of its own, for Verification and",
                        "--probe-sop")
                .option(null, "--probe-sop", 1, "[s]op class: UID or name, or list",
                        "also probe this SOP class; may be repeated;",
                        "--probe-sop list prints the names known")
                .ours()
                .flag(null, "--probe-roles",
                        "also propose SCP/SCU role selection (some",
                        "peers drop the connection when they see it)")
                .flag(null, "--probe-async",
                        "also propose the asynchronous operations window",
                        "(some peers drop the connection on it)")
                .flag(null, "--check-called-ae",
                        "tell whether the peer checks the called AE",
                        "title (one more association, to a random one)")
                .option(null, "--cert-warn-days", 1, "[d]ays: integer (default: 30)",
                        "with TLS: warn when the peer certificate",
                        "expires in fewer than d days")
                .ours();
        // Monitoring (docs/monitoring.md): declared here as strings, parsed by MonitorOptions,
        // which loads only when one of these is given.
        t.heading(0, "monitoring options:")
                .flag(null, "--timings", "print the duration of each phase after the run")
                .flag(null, "--stats", "print ping-like echo statistics at the end")
                .option(null, "--count", 1, "[n]umber: integer (0 = until interrupted)",
                        "run n probes, each a whole association")
                .ours()
                .option(null, "--interval", 1, "[s]econds: decimal (default: 1)", "wait between two probe starts")
                .ours()
                .option(null, "--format", 1, "text|json|nagios|prometheus", "output on stdout (default: text)")
                .choices("text", "json", "nagios", "prometheus")
                .ours()
                .option(null, "--warning", 1, "[r]ange: seconds, Monitoring Plugins syntax",
                        "nagios: WARNING if the probe's time is in r")
                .ours()
                .option(null, "--critical", 1, "[r]ange: seconds, Monitoring Plugins syntax",
                        "nagios: CRITICAL if the probe's time is in r")
                .ours();
        return t;
    }

    /** The monitoring options; any of them hands the run to MonitorRun. */
    private static final String[] MONITORING = {"--timings", "--stats", "--count", "--interval", "--format",
        "--warning", "--critical"};

    static int run(String[] argv, PrintStream out, PrintStream err) {
        OptionTable table = table();
        DcmtkTool tool = new DcmtkTool(TOOL, PURPOSE, USAGE, table, true);
        if (nagiosAsked(argv)) { // a plugin answers even a bad command line as one: UNKNOWN, exit 3
            tool.onUsageError(NagiosView.unknown("bad command line:") + " ", NagiosView.UNKNOWN);
        }
        return tool.run(argv, out, err, new Echo(out, err));
    }

    /** A run with a parsed command line: one echo, a probe series, or many peers. */
    private static final class Echo implements DcmtkTool.Body {
        private final PrintStream out;
        private final PrintStream err;

        Echo(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public int run(ParsedArgs p, List<String> args) throws UsageException {
            if (beyondOnePeer(p)) { // --targets, AE@HOST:PORT words, --peer-info: a class of their own
                Transport.blockOnReads(p.has("--targets")); // a fleet reads many PDUs
                return ManyPeersCommand.run(p, args, out, err);
            }
            EchoSettings settings = settings(p);
            // a long series reads many PDUs: its reads block and the watchdog thread ends them at
            // their deadlines; a short run (one echo, a few, a single monitoring probe) keeps the
            // socket's timeouts and starts no thread (net.Transport.blockOnReads)
            Transport.blockOnReads(settings.repeat() >= LONG_SERIES || p.has("--count") || p.has("--interval"));
            TlsSettings tls = TlsOptions.check(p, true) ? TlsRuntime.settings(p, true) : null;
            CommonOptions.logging(p, TOOL, args, err);
            if (Logs.get("dcmtk.apps.echoscu").isDebugEnabled()) {
                Logs.get("dcmtk.apps.echoscu").debug("{}\n", Version.header(TOOL));
            }
            if (monitoringAsked(p)) {
                return MonitorRun.run(p, settings, tls, out);
            }
            if (tls == null) {
                return new EchoScu(settings).run().exitCode();
            }
            SocketLayer layer = TlsRuntime.clientLayer(tls, settings.acseTimeout(), p.has("--check-hostname"),
                    Logs.get("dcmtk.apps.echoscu"));
            if (layer == null) {
                return 1;
            }
            int code = new EchoScu(settings.withLayer(layer)).run().exitCode();
            TlsRuntime.finish(layer);
            return code;
        }
    }

    /** Names only (ParsedArgs.last): no class of the monitoring outputs loads to answer. */
    private static boolean monitoringAsked(ParsedArgs p) {
        return p.last(MONITORING) != null;
    }

    private static boolean nagiosAsked(String[] argv) {
        for (int i = 0; i + 1 < argv.length; i++) {
            if (argv[i].equals("--format") && argv[i + 1].equals("nagios")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the command line asks for more than a plain echo of one {@code peer port}. Only
     * string comparisons here: a plain echo must not load the classes of the other runs.
     */
    private static boolean beyondOnePeer(ParsedArgs p) {
        if (p.last(MANY_PEERS_OPTIONS) != null) {
            return true;
        }
        for (String param : p.parameters()) {
            if (isTargetWord(param)) {
                return true;
            }
        }
        return false;
    }

    /** A parameter of the form {@code AE@HOST:PORT} names a target rather than the {@code peer}. */
    static boolean isTargetWord(String param) {
        return param.indexOf('@') > 0;
    }

    private static EchoSettings settings(ParsedArgs p) throws UsageException {
        List<String> params = p.parameters();
        int port = peerPort(params); // first: it says what is missing
        return settings(p, params.get(0), port);
    }

    /** Checks the {@code peer port} parameters as DCMTK does; returns the port. */
    static int peerPort(List<String> params) throws UsageException {
        if (params.isEmpty()) {
            throw new UsageException("Missing parameter peer");
        }
        if (params.size() == 1) {
            throw new UsageException("Missing parameter port");
        }
        if (params.size() > 2) {
            throw new UsageException("Too many parameters");
        }
        return Values.port(params.get(1));
    }

    /** The settings of one echo to {@code peer} {@code port}, the rest from the command line. */
    static EchoSettings settings(ParsedArgs p, String peer, int port) throws UsageException {
        ParsedArgs.Occurrence family = p.last("-i4", "-i6", "-i0");
        IpFamily ip = family == null ? IpFamily.IPV4 : switch (family.opt().shortName()) {
            case "-i6" -> IpFamily.IPV6;
            case "-i0" -> IpFamily.AUTO;
            default -> IpFamily.IPV4;
        };
        String calling = CommonOptions.aeTitle(p, "-aet", "ECHOSCU");
        String called = CommonOptions.aeTitle(p, "-aec", "ANY-SCP");
        int pts = Values.intOption(p, "-pts", 1, TransferSyntax.values().length, 1);
        int ppc = Values.intOption(p, "-ppc", 1, 128, 1);
        int connectTimeout = Values.intOption(p, "-to", 1, Integer.MAX_VALUE / 1000, 0);
        CommonOptions.Network net = CommonOptions.network(p);
        int repeat = Values.intOption(p, "--repeat", 1, Integer.MAX_VALUE, 1);
        return new EchoSettings(peer, port, ip, new AssociationProposal(calling, called, net.maxPdu(), ppc, pts),
                connectTimeout, net.socketTimeout(), net.acseTimeout(), net.dimseTimeout(), repeat, p.has("--abort"),
                null,
                p.last("-usr", "-pwd", "--password-file", "-epw", "-kt", "--saml", "--jwt", "-rsp") == null ? null
                        : IdentityOptions.request(p),
                p.last("--proxy", "--socks5") == null ? null : ProxyOptions.tunnel(p, net.acseTimeout()));
    }
}
