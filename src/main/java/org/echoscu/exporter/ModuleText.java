package org.echoscu.exporter;

import org.echoscu.acse.SopClassNames;
import org.echoscu.acse.TransferSyntax;

/**
 * A module as loaded, in the configuration file's keys, for {@code debug=true}: the defaults
 * filled in. Secrets are files, and only their names are shown.
 */
final class ModuleText {

    private ModuleText() {
    }

    static String of(Module m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append(":\n");
        sb.append("  calling_ae: ").append(m.callingAe()).append('\n');
        sb.append("  timeout: ").append(m.timeout().toMillis()).append("ms\n");
        sb.append("  ip_family: ").append(switch (m.family()) {
            case IPV4 -> "ip4";
            case IPV6 -> "ip6";
            default -> "auto";
        }).append('\n');
        sb.append("  max_pdu: ").append(m.maxPdu()).append('\n');
        Module.TransferSyntaxes ts = m.transferSyntaxes();
        if (ts.uids() == null) {
            sb.append("  transfer_syntaxes: ").append(ts.count()).append('\n');
        } else {
            sb.append("  transfer_syntaxes:\n");
            for (String uid : ts.uids()) {
                String name = TransferSyntax.nameOf(uid);
                sb.append("    - ").append(uid).append(" # ").append(name.equals(uid) ? "not in echoscu's -pts table" : name)
                        .append('\n');
            }
        }
        sb.append("  peer_info: ").append(m.peerInfo()).append('\n');
        if (!m.peerInfoSopClasses().isEmpty()) {
            sb.append("  peer_info_sop_classes:\n");
            for (String uid : m.peerInfoSopClasses()) {
                String name = SopClassNames.nameOf(uid);
                sb.append("    - ").append(uid).append(name == null ? "" : " # " + name).append('\n');
            }
        }
        if (m.tls() != null) {
            Module.TlsModule t = m.tls();
            sb.append("  tls:\n    enabled: true\n");
            line(sb, "ca_file", t.caFile());
            line(sb, "cert_file", t.certFile());
            line(sb, "key_file", t.keyFile());
            line(sb, "key_password_file", t.keyPasswordFile());
            line(sb, "profile", t.profile());
            line(sb, "server_name", t.serverName());
            sb.append("    check_hostname: ").append(t.checkHostname()).append('\n');
        }
        if (m.identity() != null) {
            sb.append("  user_identity:\n");
            line(sb, "type", m.identity().type());
            line(sb, "username", m.identity().username());
            line(sb, "password_file", m.identity().passwordFile());
        }
        if (m.proxy() != null) {
            sb.append("  proxy: ").append(m.proxy()).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append("    ").append(key).append(": ").append(value).append('\n');
        }
    }
}
