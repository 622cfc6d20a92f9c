package org.echoscu.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.acse.SopClassNames;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.scu.PeerInfo;
import org.echoscu.scu.TlsFacts;

/** The text report of {@code --peer-info}: a block of lines per peer, for people. */
public final class PeerInfoText {

    /** A group of refused transfer syntaxes longer than this is counted, not listed. */
    private static final int LIST_AT_MOST = 6;

    private PeerInfoText() {
    }

    /**
     * @param peer      how to name the peer in the heading
     * @param warnDays  a certificate expiring in fewer days gets a {@code W:} line
     */
    public static String format(String peer, PeerInfo info, int warnDays, Instant now) {
        StringBuilder sb = new StringBuilder();
        sb.append("Peer ").append(peer).append(":\n");
        line(sb, "associations used", info.associations() + " (" + info.accepted() + " accepted) for "
                + info.syntaxes().size() + " abstract syntaxes in " + info.contexts() + " presentation contexts");
        for (String failure : info.failures()) {
            sb.append("E: ").append(failure).append('\n');
        }
        if (info.maxPduLength() >= 0) {
            line(sb, "implementation class UID", orNone(info.implementationClassUid()));
            line(sb, "implementation version name", orNone(info.implementationVersionName()));
            line(sb, "maximum PDU length", info.maxPduLength() == 0 ? "unlimited (0)" : Long.toString(info.maxPduLength()));
        }
        for (ProbeAnswers.Syntax s : info.syntaxes()) {
            syntax(sb, s, info.rolesProposed());
        }
        if (info.asyncProposed() && info.accepted() > 0) {
            UserInfoSubItem.AsyncOperationsWindow a = info.async();
            line(sb, "asynchronous operations window", a == null
                    ? "not answered (the default applies: 1 invoked, 1 performed, synchronous)"
                    : window(a.maxInvoked()) + " invoked, " + window(a.maxPerformed()) + " performed");
        }
        TlsFacts tls = info.tls();
        if (tls != null) {
            line(sb, "TLS", tls.protocol() + ", " + tls.cipherSuite());
            if (tls.subject() == null) {
                line(sb, "peer certificate", "none (anonymous)");
            } else {
                long days = tls.daysLeft(now);
                line(sb, "peer certificate subject", tls.subject());
                line(sb, "peer certificate issuer", tls.issuer());
                line(sb, "peer certificate valid", tls.notBefore() + " to " + tls.notAfter() + ", "
                        + (days < 0 ? "expired " + -days + " days ago" : days + " days left"));
                if (days < warnDays) {
                    sb.append("W: the peer certificate ").append(days < 0 ? "has expired" : "expires in " + days
                            + " days").append(" (fewer than ").append(warnDays).append(", --cert-warn-days)\n");
                }
            }
        }
        if (info.calledAeCheck() != null) {
            line(sb, "called AE title check", info.calledAeCheck().detail());
        }
        return sb.toString();
    }

    private static void syntax(StringBuilder sb, ProbeAnswers.Syntax s, boolean rolesProposed) {
        String name = SopClassNames.nameOf(s.abstractSyntax());
        sb.append("  ").append(name == null ? s.abstractSyntax() : name + " (" + s.abstractSyntax() + ")").append('\n');
        if (!s.probed()) {
            sb.append("    not probed: its association was not accepted\n");
            return;
        }
        if (!s.accepted().isEmpty()) {
            sb.append("    accepted: ").append(names(s.accepted())).append('\n');
        }
        Map<Integer, List<String>> byResult = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : s.refused().entrySet()) {
            byResult.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<Integer, List<String>> e : byResult.entrySet()) {
            String words = ProbeAnswers.words(e.getKey());
            List<String> uids = e.getValue();
            if (s.accepted().isEmpty() && byResult.size() == 1) {
                sb.append("    refused: ").append(words).append('\n');
            } else if (uids.size() > LIST_AT_MOST) {
                sb.append("    ").append(words).append(": ").append(uids.size()).append(" transfer syntaxes\n");
            } else {
                sb.append("    ").append(words).append(": ").append(names(uids)).append('\n');
            }
        }
        if (rolesProposed) {
            UserInfoSubItem.RoleSelection r = s.role();
            sb.append("    roles: ").append(r == null
                    ? "not answered (the default applies: we SCU, the peer SCP)"
                    : "we as SCU " + (r.scuRole() == 1 ? "accepted" : "refused") + ", we as SCP "
                    + (r.scpRole() == 1 ? "accepted" : "refused")).append('\n');
        }
    }

    private static String names(List<String> uids) {
        StringBuilder sb = new StringBuilder();
        for (String uid : uids) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(TransferSyntax.nameOf(uid));
        }
        return sb.toString();
    }

    private static String window(int n) {
        return n == 0 ? "unlimited" : Integer.toString(n);
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? "(none)" : s;
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
