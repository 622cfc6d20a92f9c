package org.echoscu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.echoscu.acse.AcceptorPolicy;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.net.IpFamily;
import org.echoscu.net.SocketLayer;
import org.echoscu.scp.EchoScp;
import org.echoscu.scp.ScpSettings;
import org.echoscu.log.ConfiguredAppenders;
import org.echoscu.log.Logs;
import org.echoscu.tls.TlsSettings;

/** {@code echoscp [options] port}: the command line of the Verification SCP. */
public final class EchoscpCommand {

    static final String TOOL = "echoscp";
    static final String PURPOSE = "DICOM verification (C-ECHO) SCP";
    static final String USAGE = "echoscp [options] port";

    private EchoscpCommand() {
    }

    public static void main(String[] argv) {
        int code = run(argv, System.out, System.err);
        ConfiguredAppenders.flush();
        System.exit(code);
    }

    static OptionTable table() {
        OptionTable t = new OptionTable().parameter("port", "tcp/ip port number to listen on");
        CommonOptions.general(t);
        // DCMTK's headings, this tool's own texts (echoscu and echoscp word the same options apart)
        t.heading(0, "network options:")
                .heading(1, "IP protocol version:")
                .flag("-i4", "--ipv4", "listen on IPv4 only (default)")
                .flag("-i6", "--ipv6", "listen on IPv6 (and IPv4 where the OS maps it)")
                .flag("-i0", "--ip-auto", "same as --ipv6")
                .option(null, "--listen-address", 1, "[a]ddress: IPv4 or IPv6 address",
                        "listen on this local address only (127.0.0.1,",
                        "::1, ...; default: every address of the family)")
                .ours()
                .heading(1, "application entity titles:")
                .option("-aet", "--aetitle", 1, "[a]etitle: string", "set my AE title (default: ECHOSCP)")
                .option("+ac", "--accept-calling", 1, "[a]etitle: string",
                        "accept this calling AE title (may be repeated;", "default: accept any)")
                .flag("+ch", "--check-called", "reject called AE titles other than mine")
                .flag("-ch", "--any-called", "accept any called AE title (default)")
                .heading(1, "user identity negotiation:")
                .option(null, "--users", 1, "[f]ilename: string",
                        "accept only the identities listed in f (bcrypt",
                        "hashes NAME:$2y$..., user lines, tokens); reject",
                        "associations without identity",
                        "(docs/credentials.md)")
                .values(OptionTable.FILE)
                .ours()
                .flag(null, "--identity-optional", "with --users: also accept associations that",
                        "carry no user identity")
                .flag(null, "--require-identity", "reject associations without user identity",
                        "(alone: accept any identity)")
                .flag(null, "--hash-password", "print the bcrypt hash of a password read from",
                        "stdin, for a --users file, and exit")
                .heading(1, "transfer syntaxes:")
                .flag("+xa", "--accept-all", "accept the 53 transfer syntaxes of echoscu -pts",
                        "(default, Implicit VR Little Endian preferred)")
                .flag("+xi", "--implicit-only", "accept Implicit VR Little Endian only")
                .option("+xs", "--accept-ts", 1, "[u]id: string",
                        "accept this transfer syntax (may be repeated,", "first preferred; overrides +xa and +xi)")
                .heading(1, "other network options:")
                .option("-ts", "--socket-timeout", 1, "[s]econds: integer (default: 60)",
                        "timeout for network socket (0 for none)")
                .option("-ta", "--acse-timeout", 1, "[s]econds: integer (default: 30)", "timeout for ACSE messages")
                .option("-td", "--dimse-timeout", 1, "[s]econds: integer (default: unlimited)",
                        "timeout for DIMSE messages")
                .option("-pdu", "--max-pdu", 1, "[n]umber of bytes: integer (4096..131072)",
                        "set max receive pdu to n bytes (default: 16384)")
                .option("-ma", "--max-associations", 1, "[n]umber: integer (default: 1000)",
                        "serve at most n associations at once");
        CommonOptions.tls(t, false);
        t.heading(0, "more TLS options:");
        CommonOptions.keyPasswordFile(t);
        return t;
    }

    /** @return the exit code; when the server started, only once it has stopped */
    static int run(String[] argv, PrintStream out, PrintStream err) {
        OptionTable table = table();
        return new DcmtkTool(TOOL, PURPOSE, USAGE, table, false).run(argv, out, err, new Serve(err));
    }

    /** A run with a parsed command line: serve until stopped. */
    private static final class Serve implements DcmtkTool.Body {
        private final PrintStream err;

        Serve(PrintStream err) {
            this.err = err;
        }

        @Override
        public int run(ParsedArgs p, List<String> args) throws UsageException {
            if (p.has("--hash-password")) { // acts alone: no port, nothing served
                if (!p.parameters().isEmpty()) { // a word here may be the password itself: say where it goes
                    throw new UsageException("--hash-password takes no parameter: it reads the password from"
                            + " standard input");
                }
                return HashPassword.run(System.in, System.console(), System.out, err);
            }
            ScpSettings settings = settings(p);
            TlsSettings tls = TlsOptions.check(p, false) ? TlsRuntime.settings(p, false) : null;
            CommonOptions.logging(p, TOOL, args, err);
            if (tls != null) {
                SocketLayer layer = TlsRuntime.serverLayer(tls, settings.acseTimeout(),
                        Logs.get("dcmtk.apps.echoscp"));
                if (layer == null) {
                    return 1;
                }
                settings = settings.withLayer(layer);
            }
            return serve(settings);
        }
    }

    private static int serve(ScpSettings settings) {
        org.slf4j.Logger log = Logs.get("dcmtk.apps.echoscp");
        org.echoscu.net.Transport.blockOnReads(true); // a server reads many PDUs: see its comment
        EchoScp scp = new EchoScp(settings);
        int port;
        try {
            port = scp.start();
        } catch (IOException e) {
            log.error(org.echoscu.log.Fatal.MARKER, "cannot listen on port {}: {}", settings.port(), e.getMessage());
            return 1;
        }
        log.info("listening on port {} as {}", port, settings.policy().aeTitle());
        try {
            scp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    static ScpSettings settings(ParsedArgs p) throws UsageException {
        List<String> params = p.parameters();
        if (params.isEmpty()) {
            throw new UsageException("Missing parameter port");
        }
        if (params.size() > 1) {
            throw new UsageException("Too many parameters");
        }
        int port = Values.port(params.get(0));
        ParsedArgs.Occurrence family = p.last("-i4", "-i6", "-i0");
        IpFamily ip = family == null || family.opt().shortName().equals("-i4") ? IpFamily.IPV4 : IpFamily.IPV6;
        java.net.InetAddress listen = null;
        if (p.has("--listen-address")) {
            listen = Values.ipAddress(p.value("--listen-address", null), "--listen-address");
            if (family != null && ip == IpFamily.IPV4 && !(listen instanceof java.net.Inet4Address)) {
                throw new UsageException("--listen-address " + p.value("--listen-address", null)
                        + " is not an IPv4 address (--ipv4)");
            }
            ip = listen instanceof java.net.Inet4Address ? IpFamily.IPV4 : IpFamily.IPV6;
        }
        String aet = CommonOptions.aeTitle(p, "-aet", "ECHOSCP");
        Set<String> calling = new LinkedHashSet<>();
        for (ParsedArgs.Occurrence o : p.all("+ac")) {
            calling.add(CommonOptions.checkedAeTitle(o));
        }
        ParsedArgs.Occurrence called = p.last("+ch", "-ch");
        boolean checkCalled = called != null && called.opt().shortName().equals("+ch");
        List<String> syntaxes = new ArrayList<>();
        for (ParsedArgs.Occurrence o : p.all("+xs")) {
            syntaxes.add(o.values().get(0));
        }
        if (syntaxes.isEmpty()) {
            ParsedArgs.Occurrence x = p.last("+xa", "+xi");
            syntaxes = x != null && x.opt().shortName().equals("+xi")
                    ? List.of(TransferSyntax.LITTLE_ENDIAN_IMPLICIT.uid())
                    : TransferSyntax.firstUids(TransferSyntax.values().length);
        }
        CommonOptions.Network net = CommonOptions.network(p);
        int maxAssociations = Values.intOption(p, "-ma", 1, 100_000, 1000);
        return new ScpSettings(port, ip, listen, new AcceptorPolicy(aet, checkCalled, calling, syntaxes, net.maxPdu()),
                net.socketTimeout(), net.acseTimeout(), net.dimseTimeout(), maxAssociations, null,
                p.last("--users", "--require-identity", "--identity-optional") == null ? null
                        : IdentityOptions.server(p));
    }
}
