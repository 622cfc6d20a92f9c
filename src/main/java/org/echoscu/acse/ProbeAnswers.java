package org.echoscu.acse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PresentationContextAc;
import org.echoscu.pdu.PresentationContextRq;
import org.echoscu.pdu.UserInfoSubItem;

/**
 * What the peer answered to a {@link ProbeProposal}, per abstract syntax: the transfer syntaxes
 * it accepted, and for each refused one the result of PS3.8 table 9-18 (or {@link #NO_ANSWER},
 * {@link #FOREIGN_SYNTAX}); the role selection it returned (PS3.7 D.3.3.4), if any.
 */
public final class ProbeAnswers {

    /** The peer's A-ASSOCIATE-AC has no item for the context. */
    public static final int NO_ANSWER = -1;
    /** Accepted, but with a transfer syntax the context did not offer: not an acceptance (PS3.8 §9.3.3.2). */
    public static final int FOREIGN_SYNTAX = -2;

    /**
     * One abstract syntax. {@code refused} maps each transfer syntax not accepted to its
     * result; {@code role} is null when the peer returned no role selection for it;
     * {@code probed} is false when the association that carried it was not accepted.
     */
    public record Syntax(String abstractSyntax, List<String> accepted, Map<String, Integer> refused,
                         UserInfoSubItem.RoleSelection role, boolean probed) {
        public Syntax {
            accepted = List.copyOf(accepted);
            refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }
    }

    private ProbeAnswers() {
    }

    /**
     * @param requests the A-ASSOCIATE-RQs sent, in order
     * @param answers  the A-ASSOCIATE-AC of each, null where that association was not accepted
     */
    public static List<Syntax> of(List<AAssociateRq> requests, List<AAssociateAc> answers) {
        Map<String, Builder> bySyntax = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            AAssociateAc ac = answers.get(i);
            for (PresentationContextRq pc : requests.get(i).presentationContexts()) {
                Builder b = bySyntax.computeIfAbsent(pc.abstractSyntax(), Builder::new);
                String ts = pc.transferSyntaxes().get(0);
                if (ac == null) {
                    b.unprobed = true;
                    continue;
                }
                int result = resultOf(pc, ac);
                if (result == PresentationContextAc.ACCEPTANCE) {
                    b.accepted.add(ts);
                } else {
                    b.refused.put(ts, result);
                }
                for (UserInfoSubItem.RoleSelection r : ac.userInformation().all(UserInfoSubItem.RoleSelection.class)) {
                    if (r.sopClassUid().equals(pc.abstractSyntax()) && b.role == null) {
                        b.role = r;
                    }
                }
            }
        }
        List<Syntax> out = new ArrayList<>(bySyntax.size());
        for (Builder b : bySyntax.values()) {
            out.add(new Syntax(b.abstractSyntax, b.accepted, b.refused, b.role, !b.unprobed));
        }
        return out;
    }

    private static int resultOf(PresentationContextRq pc, AAssociateAc ac) {
        for (PresentationContextAc answer : ac.presentationContexts()) {
            if (answer.id() == pc.id()) {
                if (answer.accepted() && !pc.transferSyntaxes().contains(answer.transferSyntax())) {
                    return FOREIGN_SYNTAX;
                }
                return answer.result();
            }
        }
        return NO_ANSWER;
    }

    /** A result of PS3.8 table 9-18 (or ours) in words. */
    public static String words(int result) {
        Result r = Result.of(result);
        return r == null ? "invalid result " + result : r.words;
    }

    /** A result as a stable token for machine-readable output. */
    public static String token(int result) {
        Result r = Result.of(result);
        return r == null ? "invalid-result-" + result : r.token;
    }

    /** The results, each with its words and its token: one table for both. */
    private enum Result {
        ACCEPTED(PresentationContextAc.ACCEPTANCE, "accepted", "accepted"),
        USER_REJECTION(PresentationContextAc.USER_REJECTION, "user rejection", "user-rejection"),
        NO_REASON(PresentationContextAc.NO_REASON, "no reason (provider rejection)", "no-reason"),
        ABSTRACT_SYNTAX(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, "abstract syntax not supported",
                "abstract-syntax-not-supported"),
        TRANSFER_SYNTAX(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, "transfer syntax not supported",
                "transfer-syntax-not-supported"),
        UNANSWERED(NO_ANSWER, "not answered", "not-answered"),
        FOREIGN(FOREIGN_SYNTAX, "accepted with a transfer syntax we did not propose", "foreign-transfer-syntax");

        final int value;
        final String words;
        final String token;

        Result(int value, String words, String token) {
            this.value = value;
            this.words = words;
            this.token = token;
        }

        static Result of(int value) {
            for (Result r : values()) {
                if (r.value == value) {
                    return r;
                }
            }
            return null;
        }
    }

    private static final class Builder {
        final String abstractSyntax;
        final List<String> accepted = new ArrayList<>();
        final Map<String, Integer> refused = new LinkedHashMap<>();
        UserInfoSubItem.RoleSelection role;
        boolean unprobed;

        Builder(String abstractSyntax) {
            this.abstractSyntax = abstractSyntax;
        }
    }
}
