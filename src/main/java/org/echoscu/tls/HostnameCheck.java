package org.echoscu.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * --check-hostname: does the server certificate name the host we meant (RFC 6125)? Our own
 * code rather than JSSE's "HTTPS" endpoint identification, so that a mismatch can list the
 * names the certificate does carry. The rules:
 * <ul>
 * <li>an IP address (v4 or v6) must equal one of the certificate's iPAddress names; the
 *     common name is never used for addresses (RFC 6125 §6.2.1 leaves IPs to iPAddress);</li>
 * <li>a host name is compared with the dNSName entries, ASCII case ignored, one trailing dot
 *     ignored (§6.4.1); a '*' may stand for the whole left-most label only, and never for a
 *     label of a public-suffix-like two-label name (§6.4.3: "*.com" matches nothing);</li>
 * <li>only when the certificate has no dNSName at all does its subject's common name count
 *     as a host name (§6.4.4).</li>
 * </ul>
 */
public final class HostnameCheck {

    private static final int DNS = 2;
    private static final int IP = 7;

    private HostnameCheck() {
    }

    /** Null when {@code certificate} is for {@code name}; otherwise the names it is for, in words. */
    public static String mismatch(X509Certificate certificate, String name) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipNames = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == DNS) {
                        dnsNames.add((String) entry.get(1));
                    } else if (type == IP) {
                        ipNames.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "its subject alternative names cannot be read (" + e.getMessage() + ")";
        }
        String cn = dnsNames.isEmpty() ? commonName(certificate) : null;
        boolean matches = isAddress(name) ? ipMatches(ipNames, name)
                : dnsMatches(dnsNames, name) || (cn != null && dnsMatches(List.of(cn), name));
        if (matches) {
            return null;
        }
        List<String> carried = new ArrayList<>();
        dnsNames.forEach(d -> carried.add("DNS:" + d));
        ipNames.forEach(i -> carried.add("IP:" + i));
        if (cn != null) {
            carried.add("CN=" + cn);
        }
        return carried.isEmpty() ? "it names no host at all" : "it is for " + String.join(", ", carried);
    }

    /** An IPv4 or IPv6 literal (never a DNS lookup). */
    static boolean isAddress(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.indexOf(':') >= 0;
    }

    private static boolean ipMatches(List<String> ipNames, String name) {
        try {
            InetAddress wanted = InetAddress.getByName(name); // a literal: parsed, not looked up
            for (String ip : ipNames) {
                if (InetAddress.getByName(ip).equals(wanted)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    static boolean dnsMatches(List<String> patterns, String name) {
        String host = normalize(name);
        for (String p : patterns) {
            if (matches(normalize(p), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return !pattern.contains("*") && pattern.equals(host);
        }
        String suffix = pattern.substring(1); // ".example.org"
        if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
            return false; // a second '*', or "*.org": matches nothing
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot).equals(suffix);
    }

    private static String normalize(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return n.toLowerCase(Locale.ROOT);
    }

    private static String commonName(X509Certificate certificate) {
        try {
            String found = null;
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    found = String.valueOf(rdn.getValue()); // the most specific (last) CN wins
                }
            }
            return found;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
