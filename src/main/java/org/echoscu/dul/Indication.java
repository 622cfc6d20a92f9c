package org.echoscu.dul;

import org.echoscu.pdu.AAbort;
import org.echoscu.pdu.AAssociateAc;
import org.echoscu.pdu.AAssociateRj;
import org.echoscu.pdu.AAssociateRq;
import org.echoscu.pdu.PDataTf;

/** What the upper layer hands its user: indications and confirmations of PS3.8 §7. */
public sealed interface Indication {

    /** A-ASSOCIATE indication: a requestor asks for an association (acceptor side). */
    record AssociateRequested(AAssociateRq rq) implements Indication {
    }

    /** A-ASSOCIATE confirmation, accepted. */
    record AssociateAccepted(AAssociateAc ac) implements Indication {
    }

    /** A-ASSOCIATE confirmation, rejected. */
    record AssociateRejected(AAssociateRj rj) implements Indication {
    }

    /** P-DATA indication. */
    record Data(PDataTf pdata) implements Indication {
    }

    /** A-RELEASE indication; {@code collision} when both sides asked at once. */
    record ReleaseRequested(boolean collision) implements Indication {
    }

    /** A-RELEASE confirmation. */
    record Released() implements Indication {
    }

    /** A-ABORT indication: the peer sent an A-ABORT PDU. */
    record PeerAborted(AAbort abort) implements Indication {
    }

    /**
     * A-P-ABORT indication: the provider ended the association (connection lost, invalid or
     * unexpected PDU). {@code cause} is what callers decide on; {@code why} is a sentence for
     * the log; {@code sentAbort} says whether we told the peer with an A-ABORT PDU; {@code error}
     * is the exception behind it, when there was one (the connector's, for CONNECT_FAILED).
     */
    record ProviderAborted(AbortCause cause, String why, boolean sentAbort, Exception error) implements Indication {
        public ProviderAborted(AbortCause cause, String why, boolean sentAbort) {
            this(cause, why, sentAbort, null);
        }
    }

    /** The transport connection is closed and the machine idle (Sta1), nothing pending. */
    record Closed() implements Indication {
    }

    /** The user's wait (ACSE, DIMSE or socket timeout) ran out. Not a DUL event: the user decides. */
    record TimedOut(String which) implements Indication {
    }
}
