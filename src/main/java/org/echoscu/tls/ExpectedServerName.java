package org.echoscu.tls;

import java.util.function.Consumer;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * echoscp's --expect-sni: a client that asks for another server name (RFC 6066 §3) is refused
 * with the alert unrecognized_name, and the refusal logged in DCMTK's words. A client that
 * asks for no name is served, as in DCMTK. Names are compared exactly, as DCMTK does.
 */
final class ExpectedServerName extends SNIMatcher {

    private final String expected;
    private final Consumer<String> error;

    ExpectedServerName(String expected, Consumer<String> error) {
        super(StandardConstants.SNI_HOST_NAME);
        this.expected = expected;
        this.error = error;
    }

    @Override
    public boolean matches(SNIServerName serverName) {
        String requested = serverName instanceof SNIHostName host ? host.getAsciiName()
                : new SNIHostName(serverName.getEncoded()).getAsciiName();
        if (requested.equals(expected)) {
            return true;
        }
        error.accept("SNI failure: client requested server '" + requested + "', my name is '" + expected + "'.");
        return false;
    }
}
