package org.echoscu.pdu;

import java.util.List;

/** Presentation context item of an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2, item type 20H). */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
