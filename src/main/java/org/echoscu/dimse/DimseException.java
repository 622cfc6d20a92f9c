package org.echoscu.dimse;

/** A DIMSE message that breaks PS3.7: malformed command set, wrong fragment order, unexpected content. */
public final class DimseException extends Exception {
    public DimseException(String message) {
        super(message);
    }
}
