package org.echoscu.tls;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.echoscu.text.Lines;

/**
 * What this JVM's TLS can do, as +cc and --list-profiles ask it: the suites it supports, and
 * whether a ClientHello for one protocol and suite carries that suite. Asking JSSE costs a few
 * hundred milliseconds (a context, then a ClientHello per suite), and the answers depend only
 * on the JVM and its security settings. So they are kept in a file, named by the system
 * property {@value #PROPERTY} (bin/.launch puts it beside the JVM's start-up archive, and the
 * archive's training fills it), under a key of the JVM and its TLS settings; JSSE is asked
 * again, and the file rewritten, whenever the key differs or an answer is missing. Without
 * the property nothing is kept.
 */
final class JvmTlsFacts {

    static final String PROPERTY = "echoscu.tls.facts";
    /** The system properties whose values change what JSSE offers. */
    private static final String[] SYSTEM = {"jdk.tls.client.protocols", "jdk.tls.client.cipherSuites",
        "jdk.tls.namedGroups"};

    /** Where Red Hat's builds read the system crypto policy from (security.useSystemPropertiesFile). */
    private static final String CRYPTO_POLICY = "/etc/crypto-policies/back-ends/java.config";

    private final Path file;
    private final String key;
    private List<String> supported;
    private final Map<String, Boolean> sends = new HashMap<>();
    private boolean changed;
    private SSLContext context;

    private JvmTlsFacts(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /** The facts kept for this JVM, or none; read before anything lifts a TLS policy entry. */
    static JvmTlsFacts open() {
        JvmTlsFacts facts = new JvmTlsFacts(file(), key());
        facts.read();
        return facts;
    }

    /** The file {@value #PROPERTY} names, or null when it names none. */
    static Path file() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isEmpty() ? null : Path.of(name);
    }

    /**
     * The JVM and the settings that decide what its TLS offers. The security properties files
     * stand in for the properties in them (by path, size and time): reading the properties
     * themselves parses java.security, which costs a listing 2 ms on JDK 17 and 4 ms on JDK 25
     * (docs/PERFORMANCE.md). Those files are the JVM's java.security, the file or URL of
     * {@code -Djava.security.properties}, and the system crypto policy some distributions
     * have java.security include; a file a JDK 24+ {@code include} line names elsewhere is not
     * seen (none of the JDKs we know ships one).
     */
    static String key() {
        StringBuilder sb = new StringBuilder();
        String home = System.getProperty("java.home");
        sb.append(home).append('|').append(System.getProperty("java.runtime.version"));
        file(sb, new File(home, "conf/security/java.security"));
        file(sb, new File(CRYPTO_POLICY));
        String extra = System.getProperty("java.security.properties");
        if (extra != null) {
            sb.append('|').append(extra);
            String path = extra.startsWith("=") ? extra.substring(1) : extra;
            file(sb, new File(path.startsWith("file:") ? path.substring("file:".length()) : path));
        }
        for (String p : SYSTEM) {
            sb.append('|').append(System.getProperty(p));
        }
        return sb.toString().replace('\n', ' ');
    }

    private static void file(StringBuilder sb, File f) {
        sb.append('|').append(f.length()).append('@').append(f.lastModified());
    }

    /** +cc: every suite this JVM supports and we would offer, weakest first ({@link JvmTls#supportedSuites}). */
    List<String> supportedSuites() throws TlsSetupException {
        if (supported == null) {
            supported = JvmTls.supportedSuites(context());
            changed = true;
        }
        return supported;
    }

    /** Whether JSSE, offering exactly this protocol and suite, sends a ClientHello with it. */
    boolean sends(String protocol, String suite) throws TlsSetupException {
        String k = protocol + ' ' + suite;
        Boolean answer = sends.get(k);
        if (answer == null) {
            answer = JvmTls.sendsSuite(context(), protocol, suite);
            sends.put(k, answer);
            changed = true;
        }
        return answer;
    }

    /** Keeps what was asked of JSSE in this run, if anything; a file that cannot be written is no error. */
    void save() {
        if (file == null || !changed) {
            return;
        }
        StringBuilder sb = new StringBuilder(key).append('\n');
        if (supported != null) {
            sb.append("supported ").append(String.join(",", supported)).append('\n');
        }
        for (Map.Entry<String, Boolean> e : sends.entrySet()) {
            sb.append("sends ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // only a cache: the next run asks JSSE again
        }
    }

    private void read() {
        if (file == null) {
            return;
        }
        String text;
        // the bytes at once, then lines by hand: a listing runs interpreted, where a Reader's
        // per-character layers cost about 1 ms for this file (and Files.readAllLines would load
        // some 30 NIO file channel classes)
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        List<String> lines = Lines.of(text);
        if (!lines.get(0).equals(key)) {
            return; // another JVM or other settings: ask JSSE
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("supported ")) {
                String list = line.substring("supported ".length());
                supported = list.isEmpty() ? List.of() : List.of(list.split(","));
            } else if (line.startsWith("sends ")) { // "sends PROTOCOL SUITE true|false"
                int mid = line.indexOf(' ', 6);
                int last = line.lastIndexOf(' ');
                if (mid > 6 && last > mid && line.indexOf(' ', mid + 1) == last) {
                    sends.put(line.substring(6, last), Boolean.valueOf(line.substring(last + 1)));
                }
            }
        }
    }

    /** A probing context, made at the first question the file cannot answer. */
    private SSLContext context() throws TlsSetupException {
        if (context == null) {
            JvmTls.allow(JvmTls.LIFTABLE);
            try {
                context = JvmTls.probeContext();
            } catch (GeneralSecurityException e) {
                throw new TlsSetupException("this JVM has no TLS: " + KeyMaterial.reason(e));
            }
        }
        return context;
    }

    /** Whether this run had to ask JSSE (the file lacked an answer, or was for another JVM). */
    boolean askedJsse() {
        return context != null;
    }
}
