package org.echoscu.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC (PS3.8 §9.3.3). The AE title fields are reserved in the AC: senders
 * copy them from the RQ and receivers must not test them, so they are kept only for dumps.
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContext, List<PresentationContextAc> presentationContexts,
                           UserInformation userInformation) implements Pdu {

    public AAssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return TYPE_ASSOCIATE_AC;
    }
}
