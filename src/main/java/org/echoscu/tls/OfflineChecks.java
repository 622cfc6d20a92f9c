package org.echoscu.tls;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/**
 * +vc and +rc: checks of a certificate file without any network, with DCMTK's result lines
 * on standard output and the reason of a failure on the error log. Exit code 0 when the
 * check passes, 22 when it does not (DCMTK 3.6.7's "invalid input file").
 */
public final class OfflineChecks {

    public static final int FAILED = 22;

    private OfflineChecks() {
    }

    /** +vc: verifies {@code file} against the CAs and CRLs of the command line. */
    public static int verify(String file, TlsSettings s, PrintStream out, Consumer<String> error) {
        String why;
        try {
            X509Certificate cert = KeyMaterial.readCertificates(file, s.der(), "cannot read certificate file '").get(0);
            TrustMaterial trust = TrustMaterial.load(s.caFiles(), s.caDirs(), s.crlFiles(), s.crlMode(), s.der(),
                    TlsSocketLayer.LOG::warn);
            why = trust.verify(cert);
        } catch (TlsSetupException e) {
            why = e.getMessage();
        }
        if (why == null) {
            out.println("Verification of certificate '" + file + "' passed.");
            return 0;
        }
        error.accept("certificate verification failed: " + why);
        out.println("Verification of certificate '" + file + "' failed.");
        return FAILED;
    }

    /** +rc: whether {@code file} holds a valid, self-signed root CA certificate. */
    public static int isRoot(String file, boolean der, PrintStream out, Consumer<String> error) {
        String why = null;
        try {
            List<X509Certificate> certs = KeyMaterial.readCertificates(file, der, "cannot read certificate file '");
            why = rootProblem(certs.get(0));
            if (why != null) {
                why = "certificate '" + file + "' is " + why;
            }
        } catch (TlsSetupException e) {
            why = e.getMessage();
        }
        if (why == null) {
            out.println("Certificate '" + file + "' is a valid, self-signed root CA.");
            return 0;
        }
        error.accept(why);
        out.println("Certificate '" + file + "' is not a valid, self-signed root CA.");
        return FAILED;
    }

    static String rootProblem(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return "not self-signed: it is issued by " + c.getIssuerX500Principal().getName();
        }
        try {
            c.verify(c.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return "not self-signed: its signature is not made with its own key";
        }
        if (c.getVersion() >= 3 && c.getBasicConstraints() < 0) {
            return "not a CA certificate (basic constraints CA:TRUE missing)";
        }
        try {
            c.checkValidity();
        } catch (CertificateExpiredException e) {
            return "expired";
        } catch (CertificateNotYetValidException e) {
            return "not yet valid";
        }
        return null;
    }
}
