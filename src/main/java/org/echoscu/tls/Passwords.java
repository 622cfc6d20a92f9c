package org.echoscu.tls;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Where the password of an encrypted private key comes from: given on the command line
 * (+pw, or -pw for the empty one), or asked for when it turns out to be needed (+ps): on the
 * terminal without echo, or, with no terminal, as one line of standard input.
 */
public interface Passwords {

    /** The password for {@code keyFile}; called only when the key is encrypted. */
    char[] password(String keyFile) throws TlsSetupException;

    static Passwords given(String password) {
        return file -> password.toCharArray();
    }

    // System.console() is null without a terminal on JDK 17 to 21; from JDK 22 on it is a Console even
    // then (SystemConsoleNull). Left as it is here (a static-analysis change, not a behaviour change):
    // the TLS tests cover +ps with and without a terminal.
    @SuppressWarnings("SystemConsoleNull")
    static Passwords prompt() {
        return file -> {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Enter pass phrase for %s: ", file);
                if (typed == null) {
                    throw new TlsSetupException("Unable to load private TLS key from '" + file
                            + "': no password typed (or give it with +pw)");
                }
                return typed;
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                String line = in.readLine();
                if (line == null) {
                    throw new TlsSetupException("Unable to load private TLS key from '" + file
                            + "': the key is encrypted and no password came on standard input (use +pw or -pw)");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new TlsSetupException("Unable to load private TLS key from '" + file
                        + "': cannot read the password from standard input: " + e.getMessage());
            }
        };
    }
}
