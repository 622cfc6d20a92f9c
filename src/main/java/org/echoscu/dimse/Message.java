package org.echoscu.dimse;

/**
 * A whole DIMSE message as received: its presentation context, its command set and the
 * size of the data set that followed it (0 when the command said none).
 */
public record Message(int contextId, CommandSet command, long dataSetLength) {

    public int commandField() throws DimseException {
        return command.us(Tag.COMMAND_FIELD);
    }
}
