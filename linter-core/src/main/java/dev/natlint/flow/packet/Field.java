package dev.natlint.flow.packet;

/** The header fields (and interfaces) a first packet is described by. */
public enum Field {
    SRC_ADDRESS, DST_ADDRESS, PROTOCOL, SRC_PORT, DST_PORT, IN_INTERFACE, OUT_INTERFACE;

    /** Shared copy: {@code values()} clones the array on every call, and box loops run hot. */
    static final Field[] ALL = values();

    public boolean isAddress() {
        return this == SRC_ADDRESS || this == DST_ADDRESS;
    }

    /** Values are indices into {@link Universe#interfaces()}. */
    public boolean isInterface() {
        return this == IN_INTERFACE || this == OUT_INTERFACE;
    }
}
