package org.echoscu.dimse;

import java.io.ByteArrayOutputStream;

import org.echoscu.pdu.Pdv;

/**
 * Reassembles DIMSE messages from PDVs, however the sender cut them (PS3.8 Annex E): a command
 * may come in many PDVs spread over many P-DATA-TF PDUs, then its data set if it has one.
 * Sizes are bounded: a command past {@link CommandSet#MAX_ENCODED_LENGTH} or a data set past
 * {@code maxDataSet} is refused, not buffered (data set bytes are only counted).
 */
public final class MessageAssembler {

    private final long maxDataSet;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream(128);
    private int contextId = -1;
    private CommandSet pendingCommand;
    private long dataSetLength;

    public MessageAssembler(long maxDataSet) {
        this.maxDataSet = maxDataSet;
    }

    /** @return the completed message, or null while more fragments are needed */
    public Message feed(Pdv pdv) throws DimseException {
        if (contextId >= 0 && pdv.contextId() != contextId) {
            throw otherContext(pdv);
        }
        contextId = pdv.contextId();
        return pendingCommand == null ? commandFragment(pdv) : dataFragment(pdv);
    }

    /** True between messages, when no fragment is waiting for its rest. */
    public boolean idle() {
        return contextId < 0;
    }

    private Message commandFragment(Pdv pdv) throws DimseException {
        if (!pdv.isCommand()) {
            throw beforeAnyCommand(pdv);
        }
        if (command.size() + pdv.data().length > CommandSet.MAX_ENCODED_LENGTH) {
            // one constant string (both parts are constants): nothing is built here
            throw new DimseException("command set larger than " + CommandSet.MAX_ENCODED_LENGTH + " bytes");
        }
        CommandSet cs;
        if (command.size() == 0 && pdv.isLast()) { // the usual case: the whole command in one PDV
            cs = CommandSet.decode(pdv.data());
        } else {
            cs = joined(pdv);
            if (cs == null) {
                return null;
            }
        }
        if (cs.us(Tag.COMMAND_DATA_SET_TYPE) == CommandField.NO_DATA_SET) {
            return complete(cs, 0);
        }
        pendingCommand = cs;
        return null;
    }

    /**
     * A command in many PDVs: kept until its last one, then decoded whole; null before that.
     * Apart from {@link #commandFragment}, which a long series of echoes runs for every echo.
     */
    private CommandSet joined(Pdv pdv) throws DimseException {
        command.writeBytes(pdv.data());
        if (!pdv.isLast()) {
            return null;
        }
        byte[] whole = command.toByteArray();
        command.reset();
        return CommandSet.decode(whole);
    }

    // The words of two refusals, in methods of their own: a long series of echoes feeds a
    // fragment for every echo, and C1 then compiles the checks without the string building.

    private DimseException otherContext(Pdv pdv) {
        return new DimseException("fragment on presentation context " + pdv.contextId()
                + " inside a message on context " + contextId);
    }

    private static DimseException beforeAnyCommand(Pdv pdv) {
        return new DimseException("data set fragment on context " + pdv.contextId() + " before any command");
    }

    private Message dataFragment(Pdv pdv) throws DimseException {
        if (pdv.isCommand()) {
            throw new DimseException("command fragment where the data set of the previous command was due");
        }
        dataSetLength += pdv.data().length;
        if (dataSetLength > maxDataSet) {
            throw new DimseException("data set larger than " + maxDataSet + " bytes");
        }
        return pdv.isLast() ? complete(pendingCommand, dataSetLength) : null;
    }

    private Message complete(CommandSet cs, long dataLength) {
        Message m = new Message(contextId, cs, dataLength);
        contextId = -1;
        pendingCommand = null;
        dataSetLength = 0;
        return m;
    }
}
