package org.echoscu.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.echoscu.log.ConfiguredAppenders;
import org.echoscu.net.SocketLayer;
import org.echoscu.scp.EchoScp;
import org.echoscu.scp.ScpSettings;
import org.echoscu.tls.TlsListings;

/**
 * The training run behind the start-up archive that {@code bin/echoscu} and {@code bin/echoscp}
 * start from (bin/.train: a class-data-sharing archive, or JDK 25's AOT cache): in one JVM it
 * does what the common runs do, so the classes they load (and, on JDK 25, their linking and
 * method profiles) are in the archive. With the argument {@code plain}: an echoscp on a free
 * loopback port, echoscu's plain, verbose (-v), debug (-d) and --repeat runs against it. With
 * {@code tls}: a TLS echo with a throw-away RSA-2048 key and certificate (PEM, as a user's
 * would be). With {@code info}: the runs that open no connection, the help and version texts
 * and the TLS listings answered from the TLS training's file. Three archives, because JDK 25
 * loads every class of an AOT cache at start: JSSE's in the plain echo's cache cost it about
 * 150 ms of CPU, the echo's networking classes cost --version 2-5 ms (docs/PERFORMANCE.md).
 * Standard error is sent to nowhere, so the build shows no log lines.
 *
 * <p>If anything goes wrong it says so and exits with 2: bin/.train then throws the archive
 * away (it would be smaller than the runs need) and never fails the build; bin/.launch runs
 * with or without one.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** @param args {@code plain}, {@code tls} or {@code info}: which runs to train */
    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "plain";
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        if (System.getProperty("training.verbose") == null) {
            System.setErr(nowhere);
        }
        boolean failed = true;
        try {
            int code = 0;
            switch (kind) {
                case "tls" -> code = tls(nowhere);
                case "info" -> info(nowhere);
                default -> code = train(nowhere);
            }
            // what every command's main does at its end, so that its classes are in the archive too
            ConfiguredAppenders.flush();
            if (code != 0) {
                err.println("start-up archive training: an echo failed (exit code " + code
                        + "); the archive may be incomplete");
            } else {
                failed = false;
            }
        } catch (Exception | Error e) {
            err.println("start-up archive training failed, the archive may be incomplete: " + e);
        } finally {
            System.setErr(err);
        }
        if (failed) {
            // bin/.train throws such an archive away and makes it again later (issue 23)
            System.exit(2);
        }
    }

    private static int train(PrintStream nowhere) throws Exception {
        int code;
        // -i6: the dual stack, a java.net.ServerSocket, which the JDK has loaded anyway; the IPv4
        // listening socket of a default echoscp is NIO's (EchoScp.start), some 20 classes that
        // JDK 25 would load with every plain echo from this archive (it loads an AOT cache whole)
        EchoScp scp = echoscp(List.of("-i6", "104"), null);
        int port;
        try {
            port = scp.start();
        } catch (java.io.IOException noIpv6) { // a host without IPv6: the IPv4 socket after all
            scp.close();
            scp = echoscp(List.of("104"), null);
            port = scp.start();
        }
        try {
            String p = Integer.toString(port);
            code = EchoscuCommand.run(new String[] {"127.0.0.1", p}, nowhere, nowhere);
            code |= EchoscuCommand.run(new String[] {"-v", "127.0.0.1", p}, nowhere, nowhere);
            code |= EchoscuCommand.run(new String[] {"-d", "127.0.0.1", p}, nowhere, nowhere);
            code |= EchoscuCommand.run(new String[] {"--repeat", "200", "-aec", "ECHOSCP", "localhost", p},
                    nowhere, nowhere);
        } finally {
            scp.close();
        }
        return code;
    }

    /** The runs that open no connection: help, version, and the TLS listings when their answers are kept. */
    private static void info(PrintStream nowhere) {
        EchoscuCommand.run(new String[] {"-h"}, nowhere, nowhere);
        EchoscuCommand.run(new String[] {"--version"}, nowhere, nowhere);
        EchoscpCommand.run(new String[] {"-h"}, nowhere, nowhere);
        EchoscpCommand.run(new String[] {"--version"}, nowhere, nowhere);
        // only with the TLS training's answers (bin/.train runs it first): without them the listings
        // would load JSSE into this archive, which every run that starts from it would pay for on JDK 25
        if (TlsListings.answersKept()) {
            EchoscuCommand.run(new String[] {"+cc"}, nowhere, nowhere);
            EchoscuCommand.run(new String[] {"--list-profiles"}, nowhere, nowhere);
        }
    }

    /** A TLS echo as a user runs it: +tls with an RSA-2048 PEM key and certificate, +cf the CA. */
    private static int tls(PrintStream nowhere) throws Exception {
        Path dir = Files.createTempDirectory("echoscu-training");
        try {
            String key = dir.resolve("key.pem").toString();
            String cert = dir.resolve("cert.pem").toString();
            selfSigned(key, cert);
            // the listings first, while the JVM's TLS policy is as configured: their answers are kept
            // (JvmTlsFacts) for the -Dechoscu.tls.facts file bin/.train names
            EchoscuCommand.run(new String[] {"+cc"}, nowhere, nowhere);
            EchoscuCommand.run(new String[] {"--list-profiles"}, nowhere, nowhere);
            List<String> tls = List.of("+tls", key, cert, "+cf", cert);
            EchoScp scp = echoscp(List.of("104"), tls);
            int port = scp.start();
            try {
                String[] argv = {"+tls", key, cert, "+cf", cert, "127.0.0.1", Integer.toString(port)};
                return EchoscuCommand.run(argv, nowhere, nowhere);
            } finally {
                scp.close();
            }
        } finally {
            for (String f : List.of("key.pem", "cert.pem")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static EchoScp echoscp(List<String> args, List<String> tls) throws UsageException {
        List<String> all = new java.util.ArrayList<>(args);
        if (tls != null) {
            all.addAll(0, tls);
        }
        ParsedArgs p = DcmtkParser.parse(EchoscpCommand.table(), all);
        ScpSettings parsed = EchoscpCommand.settings(p);
        SocketLayer layer = tls == null ? null : TlsRuntime.serverLayer(TlsRuntime.settings(p, false),
                parsed.acseTimeout(), org.echoscu.log.Logs.get("dcmtk.apps.echoscp"));
        return new EchoScp(new ScpSettings(0, parsed.family(), parsed.policy(), parsed.socketTimeout(),
                parsed.acseTimeout(), parsed.dimseTimeout(), parsed.maxAssociations(), layer));
    }

    /** A throw-away self-signed RSA-2048 key and certificate, written as PEM (PKCS#8 key). */
    @SuppressWarnings("JavaUtilDate") // Bouncy Castle's certificate builder takes java.util.Date
    private static void selfSigned(String keyFile, String certFile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=echoscu training");
        long now = System.currentTimeMillis();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, new Date(now - 60_000), new Date(now + 86_400_000L), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        pem(keyFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        pem(certFile, "CERTIFICATE", cert.getEncoded());
    }

    private static void pem(String file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(Path.of(file), "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
