package dev.natlint.flow;

import dev.natlint.flow.packet.Field;
import dev.natlint.net.IntervalSet;
import dev.natlint.flow.packet.PacketBox;
import dev.natlint.flow.packet.PacketSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the router has rewritten so far in a connection's first packet: destination and port after
 * dst-nat, out-interface after routing, source after src-nat or masquerade.
 *
 * <p>Flows are kept in the coordinates of the packet the client sent, so that every verdict can be
 * traced back to client addresses and ports; a later rule is applied through {@link #preimage}.
 */
public record Translation(Map<Field, IntervalSet> replaced) {

    public static final Translation NONE = new Translation(Map.of());

    public Translation {
        replaced = Collections.unmodifiableMap(replaced.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(replaced));
    }

    public Translation with(Field field, IntervalSet value) {
        Map<Field, IntervalSet> m = new EnumMap<>(Field.class);
        m.putAll(replaced);
        m.put(field, value);
        return new Translation(m);
    }

    public Optional<IntervalSet> get(Field field) {
        return Optional.ofNullable(replaced.get(field));
    }

    /** The value of a field after translation for packets whose original value set is {@code original}. */
    public IntervalSet current(Field field, IntervalSet original) {
        return replaced.getOrDefault(field, original);
    }

    /**
     * The original packets that, once translated, fall into {@code matched}. A rewritten field no longer
     * depends on the original value, so it constrains nothing when the rewritten value is matched and
     * excludes everything when it is not.
     */
    public PacketSet preimage(PacketSet matched) {
        if (replaced.isEmpty()) {
            return matched;
        }
        PacketSet result = PacketSet.empty(matched.universe());
        for (PacketBox box : matched.boxes()) {
            PacketBox pre = box;
            boolean possible = true;
            for (Map.Entry<Field, IntervalSet> e : replaced.entrySet()) {
                if (box.get(e.getKey()).intersect(e.getValue()).isEmpty()) {
                    possible = false;
                    break;
                }
                pre = pre.replace(e.getKey(), matched.universe().domain(e.getKey()));
            }
            if (possible) {
                result = result.union(PacketSet.of(pre));
            }
        }
        return result;
    }
}
