package dev.natlint.flow.packet;

/** One concrete first packet (interfaces as indices into the universe's list). */
public record Packet(long srcAddress, long dstAddress, int protocol, int srcPort, int dstPort, int inInterface,
                     int outInterface) {

    public long get(Field f) {
        return switch (f) {
            case SRC_ADDRESS -> srcAddress;
            case DST_ADDRESS -> dstAddress;
            case PROTOCOL -> protocol;
            case SRC_PORT -> srcPort;
            case DST_PORT -> dstPort;
            case IN_INTERFACE -> inInterface;
            case OUT_INTERFACE -> outInterface;
        };
    }

    public Packet with(Field f, long v) {
        return new Packet(f == Field.SRC_ADDRESS ? v : srcAddress, f == Field.DST_ADDRESS ? v : dstAddress,
                f == Field.PROTOCOL ? (int) v : protocol, f == Field.SRC_PORT ? (int) v : srcPort,
                f == Field.DST_PORT ? (int) v : dstPort, f == Field.IN_INTERFACE ? (int) v : inInterface,
                f == Field.OUT_INTERFACE ? (int) v : outInterface);
    }
}
