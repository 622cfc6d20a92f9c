package org.echoscu.tls;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * JSSE's exceptions in words a PACS administrator can act on: which side refused what, and
 * which option or file to check. Used for failed handshakes and for alerts that arrive
 * after one (with TLS 1.3 a server judges the client's certificate after the client has
 * finished its part).
 */
final class TlsFailures {

    private TlsFailures() {
    }

    /**
     * @param e          what JSSE threw
     * @param weAreClient our side (echoscu) or the server's (echoscp)
     * @param settings   for the profile and whether we sent a certificate
     * @param timeoutSeconds the handshake's time limit, for the message
     */
    static String describe(Throwable e, boolean weAreClient, TlsSettings settings, int timeoutSeconds) {
        String peer = weAreClient ? "the server" : "the client";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TrustMaterial.TrustFailure) {
                return t.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + timeoutSeconds + " s (does " + peer + " use TLS on this port?)";
            }
        }
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        String profile = profileText(settings);
        if (lower.startsWith("received fatal alert: ")) {
            return alert(msg.substring("received fatal alert: ".length()).trim(), peer, weAreClient, settings, profile);
        }
        if (lower.contains("no appropriate protocol")) {
            return "this JVM offers no protocol version and ciphersuite of " + profile + " (see --list-profiles)";
        }
        if (lower.contains("no cipher suites in common")) {
            return "no ciphersuite in common with " + peer + " (" + profile + " allows "
                    + String.join(", ", settings.profile().suites(settings.addedSuites())) + ")";
        }
        if (lower.contains("is not enabled or supported in server context")
                || lower.contains("is not accepted by client preferences")
                || lower.contains("client requested protocol") || lower.contains("protocol version")) {
            return "no TLS protocol version in common with " + peer + ": " + versionText(msg) + profile + " allows "
                    + String.join(", ", settings.profile().protocols());
        }
        if (lower.contains("empty client certificate chain") || lower.contains("empty certificate chain")) {
            return "the client sent no certificate, and -rc requires one (use -vc to make it optional)";
        }
        if (lower.contains("no available authentication scheme") || lower.contains("no suitable")) {
            return "our key does not fit any ciphersuite or signature scheme offered (" + profile
                    + "; an EC key needs +pz, or a TLS 1.3 profile)";
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return peer + " does not speak TLS on this port (is TLS enabled on its side?)";
        }
        if (e instanceof EOFException || lower.contains("remote host terminated") || lower.contains("connection reset")
                || lower.contains("broken pipe") || e instanceof SocketException) {
            return peer + " closed the connection during the TLS handshake (does it expect TLS,"
                    + " and accept our " + (weAreClient && settings.anonymous() ? "connection without certificate"
                    : "certificate") + " and " + profile + "?)";
        }
        return KeyMaterial.reason(e);
    }

    private static String alert(String alert, String peer, boolean weAreClient, TlsSettings settings, String profile) {
        String ours = "our certificate";
        String tag = " (alert " + alert + ")";
        switch (alert) {
            case "certificate_required":
                return peer + " requires a client certificate" + tag + ": use +tls with a key and certificate";
            case "handshake_failure":
            case "insufficient_security":
                if (weAreClient && settings.anonymous()) {
                    return peer + " refused the handshake" + tag + ": no ciphersuite or protocol version in common with "
                            + profile + ", or it requires a client certificate (use +tls with a key and certificate)";
                }
                return peer + " refused the handshake" + tag + ": no ciphersuite or protocol version in common with "
                        + profile + " (compare the TLS profiles of both sides)";
            case "protocol_version":
                return "no TLS protocol version in common with " + peer + tag + ": " + profile + " allows "
                        + String.join(", ", settings.profile().protocols());
            case "unknown_ca":
                return peer + " does not trust the CA that issued " + ours + tag
                        + ": give it our CA certificate (+cf on DCMTK's side)";
            case "bad_certificate":
            case "certificate_unknown":
            case "unsupported_certificate":
                if (weAreClient && settings.anonymous()) {
                    return peer + " requires a client certificate" + tag + ": use +tls with a key and certificate";
                }
                return peer + " refused " + ours + tag + ": is it issued by a CA " + peer + " trusts, and valid?";
            case "certificate_expired":
                return peer + " says " + ours + " has expired" + tag;
            case "certificate_revoked":
                return peer + " says " + ours + " has been revoked" + tag;
            case "unrecognized_name":
                return peer + " does not serve the server name " + (settings.requestedSni() == null ? "we asked for"
                        : "'" + settings.requestedSni() + "'") + tag + ": check --request-sni";
            case "no_application_protocol":
                return peer + " does not accept the ALPN protocol 'dicom'" + tag;
            case "access_denied":
                return peer + " denied access" + tag;
            default:
                return peer + " ended the TLS connection" + tag;
        }
    }

    private static String versionText(String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("TLS1?(\\d)(\\d)?").matcher(msg);
        if (msg.contains("server selected protocol version") && m.find()) {
            String v = m.group(0);
            return "the server chose " + pretty(v) + ", but ";
        }
        m = java.util.regex.Pattern.compile("TLSv1(\\.\\d)?").matcher(msg);
        if (msg.toLowerCase(Locale.ROOT).contains("client requested protocol") && m.find()) {
            return "the client asked for " + m.group(0) + ", but ";
        }
        return "";
    }

    private static String pretty(String jsseVersion) {
        return switch (jsseVersion) {
            case "TLS10" -> "TLSv1";
            case "TLS11" -> "TLSv1.1";
            case "TLS12" -> "TLSv1.2";
            case "TLS13" -> "TLSv1.3";
            default -> jsseVersion;
        };
    }

    static String profileText(TlsSettings settings) {
        return "profile " + settings.profile().option() + " (" + settings.profile().title() + ")";
    }
}
