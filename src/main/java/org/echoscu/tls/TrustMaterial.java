package org.echoscu.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certification authorities we trust (+cf files, +cd directories), the CRLs (+crl) and
 * how far revocation is checked (+crv the peer's certificate, +cra the whole chain). Builds
 * the trust manager for the handshake, which verifies with PKIX as Java does for HTTPS but
 * without host name checks (DICOM peers are identified by certificate, not by name, as in
 * DCMTK), and explains a refusal in words: not trusted, expired, revoked, no CRL.
 */
public final class TrustMaterial {

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    private final CrlMode crlMode;

    public TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls, CrlMode crlMode) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
        this.crlMode = crlMode;
    }

    /**
     * Loads +cf files and every certificate file in the +cd directories, and the +crl files.
     * A file that cannot be read is reported to {@code warn} and ignored, as DCMTK does.
     */
    public static TrustMaterial load(List<String> caFiles, List<String> caDirs, List<String> crlFiles, CrlMode mode,
                                     boolean der, Consumer<String> warn) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String f : caFiles) {
            try {
                anchors.addAll(KeyMaterial.readCertificates(f, der, "unable to load certificate file '"));
            } catch (TlsSetupException e) {
                warn.accept(e.getMessage() + ", ignoring");
            }
        }
        for (String d : caDirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                warn.accept("unable to load certificates from directory '" + d + "': not a directory, ignoring");
                continue;
            }
            int before = anchors.size();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path p : sorted) {
                    if (!Files.isRegularFile(p)) {
                        continue;
                    }
                    try {
                        anchors.addAll(KeyMaterial.readCertificates(p.toString(), der, ""));
                    } catch (TlsSetupException e) {
                        // not a certificate file (a key, a CRL, a README): skipped, as OpenSSL's lookup does
                    }
                }
            } catch (IOException e) {
                warn.accept("unable to load certificates from directory '" + d + "': " + e.getMessage() + ", ignoring");
            }
            if (anchors.size() == before) {
                warn.accept("no certificates found in directory '" + d + "'");
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (String f : crlFiles) {
            try {
                crls.addAll(KeyMaterial.readCrls(f, der));
            } catch (TlsSetupException e) {
                warn.accept(e.getMessage() + ", ignoring");
            }
        }
        return new TrustMaterial(dedupe(anchors), crls, mode);
    }

    private static List<X509Certificate> dedupe(List<X509Certificate> certs) {
        return new ArrayList<>(new LinkedHashSet<>(certs));
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    public CrlMode crlMode() {
        return crlMode;
    }

    /** The trust manager: verifying as above, or (for -ic) accepting anything. */
    public X509ExtendedTrustManager trustManager(boolean verify) throws TlsSetupException {
        if (!verify) {
            return new Checking(null, this);
        }
        if (anchors.isEmpty()) {
            return new Checking(null, this) {
                @Override
                void check(X509Certificate[] chain, String authType, boolean client, Socket socket, SSLEngine engine)
                        throws CertificateException {
                    throw new TrustFailure("the " + who(client) + " certificate ("
                            + name(chain) + ") cannot be verified: no trusted CA certificates were given (use +cf or +cd)");
                }
            };
        }
        try {
            PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors(), null);
            configureRevocation(params);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(params));
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return new Checking(x, this);
                }
            }
            throw new TlsSetupException("this JVM has no PKIX trust manager");
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up certificate verification: " + KeyMaterial.reason(e));
        }
    }

    private Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate c : anchors) {
            set.add(new TrustAnchor(c, null));
        }
        return set;
    }

    private void configureRevocation(PKIXParameters params) throws GeneralSecurityException {
        if (crlMode == CrlMode.NONE) {
            params.setRevocationEnabled(false);
            return;
        }
        params.setRevocationEnabled(true);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        EnumSet<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK);
        if (crlMode == CrlMode.LEAF) {
            options.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        }
        checker.setOptions(options);
        params.addCertPathChecker(checker);
    }

    /**
     * Offline verification (+vc): the certificate against our CAs and CRLs, without the TLS
     * checks of key usage. Returns null when it verifies, otherwise why not.
     */
    public String verify(X509Certificate cert) {
        if (anchors.isEmpty()) {
            return "no trusted CA certificates were given (use +cf or +cd)";
        }
        if (anchors.contains(cert)) {
            try {
                cert.checkValidity();
                return null;
            } catch (CertificateExpiredException e) {
                return "certificate has expired";
            } catch (CertificateNotYetValidException e) {
                return "certificate is not yet valid";
            }
        }
        return explain(new X509Certificate[] {cert}, "certificate", null);
    }

    /**
     * Why a chain fails, in words; null if it verifies after all. Looks at dates first, then
     * whether one of our CAs issued the chain, then runs PKIX over the chain as presented.
     */
    String explain(X509Certificate[] chain, String what, Throwable original) {
        X509Certificate leaf = chain[0];
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            return what + " (" + subject(leaf) + ") has expired: not valid after " + date(leaf.getNotAfter());
        } catch (CertificateNotYetValidException e) {
            return what + " (" + subject(leaf) + ") is not yet valid: not valid before " + date(leaf.getNotBefore());
        }
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (anchors.contains(c)) {
                break;
            }
            path.add(c);
        }
        X509Certificate top = path.isEmpty() ? leaf : path.get(path.size() - 1);
        X509Certificate issuer = null;
        for (X509Certificate a : anchors) {
            if (a.getSubjectX500Principal().equals(top.getIssuerX500Principal())) {
                try {
                    top.verify(a.getPublicKey());
                    issuer = a;
                    break;
                } catch (GeneralSecurityException | RuntimeException e) {
                    // same name, other key: keep looking
                }
            }
        }
        if (path.isEmpty()) {
            return original == null ? null : what + " (" + subject(leaf) + ") was refused: "
                    + KeyMaterial.reason(original);
        }
        if (issuer == null) {
            return what + " (" + subject(leaf) + ", issued by " + top.getIssuerX500Principal().getName()
                    + ") is not trusted: add its CA certificate with +cf or +cd";
        }
        try {
            issuer.checkValidity();
        } catch (CertificateExpiredException e) {
            return "the CA certificate " + subject(issuer) + " has expired";
        } catch (CertificateNotYetValidException e) {
            return "the CA certificate " + subject(issuer) + " is not yet valid";
        }
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(issuer, null)));
            configureRevocation(params);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return original == null ? null : what + " (" + subject(leaf) + ") was refused: "
                    + KeyMaterial.reason(original);
        } catch (CertPathValidatorException e) {
            return what + " (" + subject(leaf) + ") " + validatorReason(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            return what + " (" + subject(leaf) + ") failed verification: " + KeyMaterial.reason(e);
        }
    }

    private static String validatorReason(CertPathValidatorException e) {
        CertPathValidatorException.Reason r = e.getReason();
        if (r == CertPathValidatorException.BasicReason.REVOKED) {
            return "has been revoked (according to the CRL given with +crl)";
        }
        if (r == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return "cannot be checked for revocation: no valid CRL from its issuer (give one with +crl,"
                    + " or leave out +crv/+cra)";
        }
        if (r == CertPathValidatorException.BasicReason.EXPIRED) {
            return "has a certificate in its chain that has expired";
        }
        if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return "has an invalid signature";
        }
        if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return "uses an algorithm or key size this JVM does not accept: " + KeyMaterial.reason(e);
        }
        return "failed verification: " + KeyMaterial.reason(e);
    }

    static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    private static String name(X509Certificate[] chain) {
        return chain == null || chain.length == 0 ? "none" : subject(chain[0]);
    }

    private static String date(java.util.Date d) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").format(d.toInstant().atOffset(ZoneOffset.UTC));
    }

    static String who(boolean client) {
        return client ? "client" : "server";
    }

    /** A refused peer certificate, with the reason in words. */
    public static final class TrustFailure extends CertificateException {
        TrustFailure(String message) {
            super(message);
        }
    }

    /**
     * Delegates to Java's PKIX trust manager (or accepts everything when it is null) and
     * turns its refusals into {@link TrustFailure}s that say why.
     */
    static class Checking extends ForwardingTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final TrustMaterial material;

        Checking(X509ExtendedTrustManager delegate, TrustMaterial material) {
            this.delegate = delegate;
            this.material = material;
        }

        @Override
        void check(X509Certificate[] chain, String authType, boolean client, Socket socket, SSLEngine engine)
                throws CertificateException {
            if (delegate == null) {
                return;
            }
            try {
                forward(delegate, chain, authType, client, socket, engine);
            } catch (CertificateException e) {
                String why = chain == null || chain.length == 0 ? null
                        : material.explain(chain, "the " + who(client) + " certificate", e);
                throw new TrustFailure(why != null ? why : "the " + who(client) + " certificate was refused: "
                        + KeyMaterial.reason(e));
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
        }
    }
}
