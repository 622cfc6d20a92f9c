package org.echoscu.report;

import java.time.Instant;
import java.util.Map;

import org.echoscu.acse.ProbeAnswers;
import org.echoscu.acse.SopClassNames;
import org.echoscu.pdu.UserInfoSubItem;
import org.echoscu.scu.PeerInfo;
import org.echoscu.scu.TlsFacts;

/**
 * {@code --peer-info --format json}: one object per peer on a line of its own (JSON Lines).
 * The shape is docs/echoscu-peer-info.schema.json, version {@link #SCHEMA_VERSION}. Abstract
 * syntaxes are an object keyed by UID, refused transfer syntaxes an object from UID to the
 * stable token of {@link ProbeAnswers#token}.
 */
public final class PeerInfoJson {

    public static final int SCHEMA_VERSION = 1;

    private PeerInfoJson() {
    }

    /**
     * @param name      the target as the user wrote it
     * @param calledAe  the called AE title the probe used
     */
    public static String object(String name, String host, int port, String calledAe, PeerInfo info, int warnDays,
                                Instant now) {
        JsonWriter w = new JsonWriter().begin().string("type", "peer-info").number("schema_version", SCHEMA_VERSION);
        w.begin("target").string("name", name).string("host", host).number("port", port)
                .string("called_ae", calledAe).bool("tls", info.tls() != null).end();
        w.number("exit_code", info.outcome().exitCode()).number("associations", info.associations())
                .number("associations_accepted", info.accepted()).number("contexts", info.contexts())
                .strings("failures", info.failures());
        if (info.maxPduLength() < 0) {
            w.nul("peer");
        } else {
            w.begin("peer").string("implementation_class_uid", info.implementationClassUid())
                    .string("implementation_version_name", info.implementationVersionName())
                    .number("max_pdu_length", info.maxPduLength()).end();
        }
        w.begin("abstract_syntaxes");
        for (ProbeAnswers.Syntax s : info.syntaxes()) {
            w.begin(s.abstractSyntax()).string("name", SopClassNames.nameOf(s.abstractSyntax()))
                    .bool("probed", s.probed()).strings("accepted", s.accepted());
            w.begin("refused");
            for (Map.Entry<String, Integer> e : s.refused().entrySet()) {
                w.string(e.getKey(), ProbeAnswers.token(e.getValue()));
            }
            w.end();
            UserInfoSubItem.RoleSelection r = s.role();
            if (!info.rolesProposed()) {
                w.string("role", "not-proposed");
            } else if (r == null) {
                w.nul("role");
            } else {
                w.begin("role").bool("scu", r.scuRole() == 1).bool("scp", r.scpRole() == 1).end();
            }
            w.end();
        }
        w.end();
        UserInfoSubItem.AsyncOperationsWindow a = info.async();
        if (!info.asyncProposed()) {
            w.string("async", "not-proposed");
        } else if (a == null) {
            w.nul("async");
        } else {
            w.begin("async").number("max_invoked", a.maxInvoked()).number("max_performed", a.maxPerformed()).end();
        }
        TlsFacts tls = info.tls();
        if (tls == null) {
            w.nul("tls");
        } else {
            w.begin("tls").string("protocol", tls.protocol()).string("cipher_suite", tls.cipherSuite());
            if (tls.subject() == null) {
                w.nul("certificate");
            } else {
                long days = tls.daysLeft(now);
                w.begin("certificate").string("subject", tls.subject()).string("issuer", tls.issuer())
                        .string("not_before", tls.notBefore().toString()).string("not_after", tls.notAfter().toString())
                        .number("days_left", days).bool("warning", days < warnDays).end();
            }
            w.end();
        }
        PeerInfo.CalledAeCheck c = info.calledAeCheck();
        if (c == null) {
            w.nul("called_ae_check");
        } else {
            w.begin("called_ae_check").string("random_title", c.randomTitle())
                    .string("verdict", c.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .string("message", c.detail()).end();
        }
        return w.end().toString();
    }
}
