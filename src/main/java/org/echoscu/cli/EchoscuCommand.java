package org.echoscu.cli;

import java.io.PrintStream;
import java.util.List;

import org.echoscu.acse.AssociationProposal;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;
import org.echoscu.scu.EchoScu;
import org.echoscu.scu.EchoSettings;
import org.echoscu.log.Logs;
import org.echoscu.tls.TlsSettings;

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
        return new DcmtkTool(TOOL, PURPOSE, "echoscu [options] peer port", table).run(argv, out, err, (p, args) -> {
            if (TlsOptions.exclusive(p, true)) { // +cc, --list-profiles, +vc, +rc act alone
                TlsOptions.check(p, true);
                return TlsRuntime.exclusive(p, TOOL, PURPOSE, true, args, out, err,
                        Logs.get("dcmtk.apps.echoscu"));
            }
            EchoSettings settings = settings(p);
            TlsSettings tls = TlsOptions.check(p, true) ? TlsRuntime.settings(p, true) : null;
            CommonOptions.logging(p, TOOL, args, err);
            if (Logs.get("dcmtk.apps.echoscu").isDebugEnabled()) {
                Logs.get("dcmtk.apps.echoscu").debug("{}\n", Version.header(TOOL));
            }
            if (tls == null) {
                return new EchoScu(settings).run().exitCode();
            }
            SocketLayer layer = TlsRuntime.clientLayer(tls, settings.acseTimeout(),
                    Logs.get("dcmtk.apps.echoscu"));
            if (layer == null) {
                return 1;
            }
            int code = new EchoScu(withLayer(settings, layer)).run().exitCode();
            TlsRuntime.finish(layer);
            return code;
        });
    }

    private static EchoSettings withLayer(EchoSettings s, SocketLayer layer) {
        return new EchoSettings(s.host(), s.port(), s.family(), s.proposal(), s.connectTimeout(), s.socketTimeout(),
                s.acseTimeout(), s.dimseTimeout(), s.repeat(), s.abort(), layer);
    }

    private static EchoSettings settings(ParsedArgs p) throws UsageException {
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
        String calling = CommonOptions.aeTitle(p, "-aet", "ECHOSCU");
        String called = CommonOptions.aeTitle(p, "-aec", "ANY-SCP");
        int pts = Values.intOption(p, "-pts", 1, 38, 1);
        int ppc = Values.intOption(p, "-ppc", 1, 128, 1);
        int connectTimeout = Values.intOption(p, "-to", 1, Integer.MAX_VALUE / 1000, 0);
        CommonOptions.Network net = CommonOptions.network(p);
        int repeat = Values.intOption(p, "--repeat", 1, Integer.MAX_VALUE, 1);
        return new EchoSettings(peer, port, ip, new AssociationProposal(calling, called, net.maxPdu(), ppc, pts),
                connectTimeout, net.socketTimeout(), net.acseTimeout(), net.dimseTimeout(), repeat, p.has("--abort"),
                null);
    }
}
