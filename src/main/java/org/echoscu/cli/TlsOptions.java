package org.echoscu.cli;

import java.util.List;

/**
 * The TLS options of both commands, with DCMTK's rules: which options need --enable-tls
 * (or --anonymous-tls), and which exclude each other. This class names no TLS class, so a
 * plain TCP run loads none of them; {@link TlsRuntime} acts on the options.
 */
final class TlsOptions {

    static final String[] TRANSPORT = {"-tls", "+tls", "+tla"};
    static final String[] PROFILES = {"+pg", "+pm", "+py", "+px", "+pz", "+pb", "+pa", "+pn"};

    private TlsOptions() {
    }

    /**
     * Checks the TLS options of a command line in DCMTK's words (the rightmost of exclusive
     * ones wins).
     *
     * @return true when TLS is on, or (echoscu) an offline check +vc/+rc needs the CA options;
     *         false for a plain TCP run
     */
    static boolean check(ParsedArgs p, boolean client) throws UsageException {
        ParsedArgs.Occurrence transport = client ? p.last(TRANSPORT) : p.last("-tls", "+tls");
        boolean secure = transport != null && !transport.opt().shortName().equals("-tls");
        boolean authenticate = transport != null && transport.opt().shortName().equals("+tls");
        boolean offline = (client && (p.has("+vc") || p.has("+rc")));
        String tlsopts = client ? "--enable-tls or --anonymous-tls" : "--enable-tls";

        ParsedArgs.Occurrence password = p.last("+ps", "+pw", "-pw", "--key-password-file");
        if (password != null) {
            depends(password, "--enable-tls", authenticate);
        }
        ParsedArgs.Occurrence format = p.last("-pem", "-der");
        if (format != null) {
            depends(format, tlsopts, secure || offline);
        }
        ParsedArgs.Occurrence seed = p.last("+rs");
        if (seed != null) {
            depends(seed, tlsopts, secure);
        }
        ParsedArgs.Occurrence writeSeed = p.last("+ws", "+wf");
        if (writeSeed != null) {
            depends(writeSeed, tlsopts, secure);
            depends(writeSeed, "--seed", seed != null);
        }
        ParsedArgs.Occurrence peer = client ? p.last("-rc", "-ic") : p.last("-rc", "-vc", "-ic");
        if (peer != null) {
            depends(peer, tlsopts, secure);
        }
        ParsedArgs.Occurrence hostname = client ? p.last("--check-hostname") : null;
        if (hostname != null) {
            depends(hostname, tlsopts, secure);
        }
        ParsedArgs.Occurrence profileOption = p.last(PROFILES);
        if (profileOption != null) {
            depends(profileOption, tlsopts, secure);
        }
        for (String o : new String[] {"+cf", "+cd", "+crl"}) {
            ParsedArgs.Occurrence first = first(p, o);
            if (first != null) {
                depends(first, tlsopts, secure || offline);
            }
        }
        ParsedArgs.Occurrence crlCheck = p.last("+crv", "+cra"); // DCMTK 3.7.0: exclusive, the rightmost wins
        if (crlCheck != null) {
            depends(crlCheck, tlsopts, secure || offline);
        }
        // DCMTK checks the SNI names' values only, not that TLS is on
        String sni = client ? "--request-sni" : "--expect-sni";
        if (p.has("--no-sni") && p.has(sni)) {
            throw new UsageException("--no-sni not allowed with " + sni);
        }
        List<ParsedArgs.Occurrence> ciphers = p.all("+cs");
        if (!ciphers.isEmpty()) {
            depends(ciphers.get(0), tlsopts, secure);
            if (profileOption != null && profileOption.opt().shortName().equals("+pz")) {
                throw new UsageException("--cipher not allowed with --profile-bcp195-ex");
            }
        }
        return secure || offline;
    }

    /** Whether an exclusive TLS option (+cc, --list-profiles; for echoscu +vc, +rc) was given. */
    static boolean exclusive(ParsedArgs p, boolean client) {
        return p.has("+cc") || p.has("--list-profiles") || (client && (p.has("+vc") || p.has("+rc")));
    }

    private static void depends(ParsedArgs.Occurrence o, String base, boolean condition) throws UsageException {
        if (!condition) {
            throw new UsageException(o.opt().display() + " only allowed with " + base);
        }
    }

    private static ParsedArgs.Occurrence first(ParsedArgs p, String name) {
        List<ParsedArgs.Occurrence> all = p.all(name);
        return all.isEmpty() ? null : all.get(0);
    }
}
