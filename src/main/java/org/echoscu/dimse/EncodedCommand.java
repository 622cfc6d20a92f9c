package org.echoscu.dimse;

/**
 * A command set encoded once and sent many times with one US element changed: the message ID
 * of each C-ECHO-RQ of a {@code --repeat} run. Encoding the command anew for each echo (its
 * UID to bytes, the elements sorted, the group length summed) is the same work every time and,
 * in a JVM, some dozen more methods for the compiler to warm up on; the bytes are those
 * {@link CommandSet#encode()} gives for the command with that value.
 */
public final class EncodedCommand {

    private final byte[] encoded;
    private final int valueAt;

    /** {@code template} encoded; {@code tag}, a US element of it, is the one {@link #with} changes. */
    public EncodedCommand(CommandSet template, int tag) {
        this.encoded = template.encode();
        this.valueAt = template.encodedValueOffset(tag);
        if (valueAt < 0) {
            throw new IllegalArgumentException("the command has no element " + Tag.format(tag));
        }
    }

    /** The encoded command with that element set to {@code value} (a new array each time: it is sent as is). */
    public byte[] with(int value) {
        byte[] out = encoded.clone();
        out[valueAt] = (byte) value;
        out[valueAt + 1] = (byte) (value >>> 8);
        return out;
    }

    /** The command with that element set to {@code value}, decoded (for the debug log's dump). */
    public CommandSet commandWith(int value) {
        try {
            return CommandSet.decode(with(value));
        } catch (DimseException e) {
            throw new IllegalStateException("a command we encoded does not decode", e);
        }
    }
}
