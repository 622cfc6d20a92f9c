package org.echoscu.cli;

import java.io.PrintStream;
import java.util.List;

import org.echoscu.log.DcmtkLevel;
import org.echoscu.log.Logs;

/** The option groups echoscu and echoscp share: general (logging) options and their handling. */
final class CommonOptions {

    static final String[] EXCLUSIVE = {"-h", "--help", "--version"};

    private CommonOptions() {
    }

    static void general(OptionTable t) {
        t.heading(0, "general options:")
                .flag("-h", "--help", "print this help text and exit")
                .flag(null, "--version", "print version information and exit")
                .flag(null, "--arguments", "print expanded command line arguments")
                .flag("-q", "--quiet", "quiet mode, print no warnings and errors")
                .flag("-v", "--verbose", "verbose mode, print processing details")
                .flag("-d", "--debug", "debug mode, print debug information")
                .option("-ll", "--log-level", 1, "[l]evel: string constant",
                        "(fatal, error, warn, info, debug, trace)", "use level l for the logger")
                .choices(DcmtkLevel.OPTION_NAMES) // DcmtkLevel is loaded on every run anyway
                .option("-lc", "--log-config", 1, "[f]ilename: string", "use config file f for the logger")
                .values(OptionTable.FILE);
    }

    /** The network settings both tools share: seconds, 0 for none; our maximum receive PDU. */
    record Network(int socketTimeout, int acseTimeout, int dimseTimeout, int maxPdu) {
    }

    static Network network(ParsedArgs p) throws UsageException {
        int socketTimeout = Values.intOption(p, "-ts", -1, Integer.MAX_VALUE / 1000, 60);
        return new Network(Math.max(0, socketTimeout), // DCMTK: 0 and -1 both mean none
                Values.intOption(p, "-ta", 1, Integer.MAX_VALUE / 1000, 30),
                Values.intOption(p, "-td", 1, Integer.MAX_VALUE / 1000, 0),
                Values.intOption(p, "-pdu", 4096, 131072, 16384));
    }

    /** The rightmost value of an AE title option, checked, or the default. */
    static String aeTitle(ParsedArgs p, String option, String dflt) throws UsageException {
        ParsedArgs.Occurrence o = p.last(option);
        return o == null ? dflt : checkedAeTitle(o);
    }

    /** An AE title as given, refused in DCMTK's form when PS3.5 does not allow it (DCMTK would truncate). */
    static String checkedAeTitle(ParsedArgs.Occurrence o) throws UsageException {
        String title = o.values().get(0);
        String problem = org.echoscu.acse.AeTitles.problem(title);
        if (problem != null) {
            throw new UsageException("Invalid value for option " + o.opt().display() + " ('" + title + "' " + problem + ")");
        }
        return title;
    }

    /**
     * --key-password-file, ours (after DCMTK's groups, whose help stays DCMTK's line for line):
     * the key's password from a file, which ps and the shell's history do not show, as +pw does.
     */
    static void keyPasswordFile(OptionTable t) {
        t.option(null, "--key-password-file", 1, "[f]ilename: string (only with --enable-tls)",
                        "read the private key password from file f", "(unlike +pw, not shown by ps)")
                .values(OptionTable.FILE)
                .ours();
    }

    /**
     * The TLS option groups, as DCMTK 3.7.0's echoscu (client) and storescp (server) list
     * them; {@code client} adds +tla, --request-sni and the offline checks, the server has
     * -vc and --expect-sni. {@code +pb} (3.6.5) still works but is no longer listed.
     */
    static void tls(OptionTable t, boolean client) {
        t.heading(0, "transport layer security (TLS) options:")
                .heading(1, "transport protocol stack:")
                .flag("-tls", "--disable-tls", "use normal TCP/IP connection (default)")
                .option("+tls", "--enable-tls", 2, "[p]rivate key file, [c]ertificate file: string",
                        "use authenticated secure TLS connection")
                .values(OptionTable.FILE);
        if (client) {
            t.flag("+tla", "--anonymous-tls", "use secure TLS connection without certificate");
        }
        t.heading(1, "private key password (only with --enable-tls):")
                .flag("+ps", "--std-passwd", "prompt user to type password on stdin (default)")
                // DCMTK's value description ends in a blank: its help line does too
                .option("+pw", "--use-passwd", 1, "[p]assword: string ", "use specified password")
                .values(OptionTable.TEXT)
                .flag("-pw", "--null-passwd", "use empty string as password")
                .heading(1, "key and certificate file format:")
                .flag("-pem", "--pem-keys", "read keys and certs as PEM file (default)")
                .flag("-der", "--der-keys", "read keys and certificates as DER file")
                .heading(1, "certification authority:")
                .option("+cf", "--add-cert-file", 1, "[f]ilename: string", "add certificate file to list of certificates")
                .values(OptionTable.FILE)
                .option("+cd", "--add-cert-dir", 1, "[d]irectory: string", "add certificates in d to list of certificates")
                .values(OptionTable.DIRECTORY)
                .option("+crl", "--add-crl-file", 1, "[f]ilename: string", "add certificate revocation list file",
                        "(implies --enable-crl-vfy)")
                .values(OptionTable.FILE)
                .flag("+crv", "--enable-crl-vfy", "enable leaf CRL verification")
                .flag("+cra", "--enable-crl-all", "enable full chain CRL verification")
                .heading(1, "security profile:")
                .flag("+ph", "--list-profiles", "list supported TLS profiles and exit")
                .flag("+pg", "--profile-8996", "BCP 195 RFC 8996 TLS Profile (default)")
                .flag("+pm", "--profile-8996-mod", "Modified BCP 195 RFC 8996 TLS Profile")
                .flag("+py", "--profile-bcp195-nd", "Non-downgrading BCP 195 TLS Profile (retired)")
                .flag("+px", "--profile-bcp195", "BCP 195 TLS Profile (retired)")
                .flag("+pz", "--profile-bcp195-ex", "Extended BCP 195 TLS Profile (retired)")
                .unlisted("+pb", "--profile-basic", 0)
                .flag("+pa", "--profile-aes", "AES TLS Secure Transport Connection Profile", "(retired)")
                .flag("+pn", "--profile-null", "Authenticated unencrypted communication",
                        "(retired, was used in IHE ATNA)")
                .heading(1, "ciphersuite:")
                .flag("+cc", "--list-ciphers", "list supported TLS ciphersuites and exit")
                .option("+cs", "--cipher", 1, "[c]iphersuite name: string", "add ciphersuite to list of negotiated suites",
                        "(not with --profile-bcp195-ex)")
                .values(OptionTable.CIPHERSUITE)
                .heading(1, "server name indication:")
                .flag(null, "--no-sni", "do not use SNI (default)");
        if (client) {
            t.option(null, "--request-sni", 1, "[s]erver name: string", "request server name s")
                    .values(OptionTable.TEXT);
        } else {
            t.option(null, "--expect-sni", 1, "[s]erver name: string", "expect requests for server name s")
                    .values(OptionTable.TEXT);
        }
        t.heading(1, "pseudo random generator:")
                .option("+rs", "--seed", 1, "[f]ilename: string", "seed random generator with contents of f")
                .values(OptionTable.FILE)
                .flag("+ws", "--write-seed", "write back modified seed (only with --seed)")
                .option("+wf", "--write-seed-file", 1, "[f]ilename: string (only with --seed)",
                        "write modified seed to file f")
                .values(OptionTable.FILE)
                .heading(1, "peer authentication:")
                .flag("-rc", "--require-peer-cert", "verify peer cert, fail if absent (default)");
        if (!client) {
            t.flag("-vc", "--verify-peer-cert", "verify peer certificate if present");
        }
        t.flag("-ic", "--ignore-peer-cert", "don't verify peer certificate");
        if (client) {
            t.heading(1, "offline certificate verification:")
                    .option("+vc", "--verify-cert", 1, "[f]ilename: string", "verify certificate against CA settings")
                    .values(OptionTable.FILE)
                    .option("+rc", "--is-root-cert", 1, "[f]ilename: string", "check if certificate is self-signed root CA")
                    .values(OptionTable.FILE);
        }
    }

    /**
     * Sets up logging as -q, -v, -d, -ll and -lc say (the rightmost of -q/-v/-d wins), then
     * prints --arguments. DCMTK prints that list whatever the level, so it goes straight to stderr.
     */
    static void logging(ParsedArgs args, String tool, List<String> expanded, PrintStream err) throws UsageException {
        ParsedArgs.Occurrence verbosity = args.last("-q", "-v", "-d");
        ParsedArgs.Occurrence level = args.last("-ll");
        if (level != null && verbosity != null) {
            throw new UsageException("--log-level not allowed with --verbose, --debug or --quiet");
        }
        DcmtkLevel console = DcmtkLevel.WARN;
        if (verbosity != null) {
            console = switch (verbosity.opt().longName()) {
                case "--quiet" -> DcmtkLevel.FATAL;
                case "--verbose" -> DcmtkLevel.INFO;
                default -> DcmtkLevel.DEBUG;
            };
        } else if (level != null) {
            String name = level.values().get(0).toLowerCase(java.util.Locale.ROOT);
            if (!List.of(DcmtkLevel.OPTION_NAMES).contains(name)) {
                throw new UsageException("Invalid log level for --log-level option");
            }
            console = DcmtkLevel.parse(name);
        }
        ParsedArgs.Occurrence config = args.last("-lc");
        if (config != null) {
            if (verbosity != null) {
                throw new UsageException("--log-config not allowed with --verbose, --debug or --quiet");
            }
            if (level != null) {
                throw new UsageException("--log-config not allowed with --log-level");
            }
            try {
                org.echoscu.log.Log4cplusConfig.apply(java.nio.file.Path.of(config.values().get(0)), tool);
            } catch (org.echoscu.log.Log4cplusConfig.ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            Logs.console(console);
        }
        if (System.getenv("DCMDICTPATH") != null) { // DCMTK warns about an unusable DCMDICTPATH at start
            org.echoscu.dimse.ElementDictionary.shared();
        }
        if (args.has("--arguments")) {
            argumentsLine(tool, expanded, config != null, err);
        }
        for (String warning : args.warnings()) {
            Logs.get("dcmtk.apps." + tool).warn("{}", warning);
        }
    }

    /**
     * DCMTK prints --arguments whatever the level; with -lc it goes through the configured
     * loggers like any other message, otherwise straight to stderr in the console format.
     */
    private static void argumentsLine(String tool, List<String> expanded, boolean configured, PrintStream err) {
        StringBuilder sb = new StringBuilder("calling '").append(tool).append("' with ")
                .append(expanded.size()).append(" arguments: ");
        List<String> shown = ArgumentMask.masked(expanded);
        for (String a : shown) {
            sb.append('\'').append(a).append("' ");
        }
        if (configured) {
            org.echoscu.log.Logs.get("dcmtk.apps." + tool).info("{}\n", sb);
        } else {
            err.println("I: " + sb);
            err.println("I: ");
        }
    }
}
