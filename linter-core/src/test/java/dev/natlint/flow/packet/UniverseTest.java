package dev.natlint.flow.packet;

import dev.natlint.net.IntervalSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natlint.net.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniverseTest {

    private static final Universe U = new Universe(List.of("address of wan", "address of lte"),
            List.of("wan", "bridge", "lte"));
    private static final long WAN = Universe.SYMBOLIC_BASE;
    private static final long LTE = Universe.SYMBOLIC_BASE + 1;

    private static IntervalSet spec(String text) {
        return Ipv4.parseAddressSpec(text).orElseThrow();
    }

    @Test
    void domainsFollowTheLists() {
        assertThat(U.domain(Field.SRC_ADDRESS)).isEqualTo(IntervalSet.of(0, (1L << 32) + 1));
        assertThat(U.domain(Field.DST_ADDRESS)).isEqualTo(U.allAddresses());
        assertThat(U.maxAddress()).isEqualTo(LTE);
        assertThat(U.domain(Field.PROTOCOL)).isEqualTo(IntervalSet.of(0, 255));
        assertThat(U.domain(Field.SRC_PORT)).isEqualTo(IntervalSet.of(0, 65535));
        assertThat(U.domain(Field.DST_PORT)).isEqualTo(IntervalSet.of(0, 65535));
        assertThat(U.domain(Field.IN_INTERFACE)).isEqualTo(IntervalSet.of(0, 2));
        assertThat(U.domain(Field.OUT_INTERFACE)).isEqualTo(IntervalSet.of(0, 2));
        assertThat(U.symbolicRange()).isEqualTo(IntervalSet.of(WAN, LTE));

        Universe plain = new Universe(List.of(), List.of("ether1"));
        assertThat(plain.allAddresses()).isEqualTo(Universe.concreteAddresses()).isEqualTo(IntervalSet.of(0, Ipv4.MAX));
        assertThat(plain.symbolicRange().isEmpty()).isTrue();
        assertThat(plain.domain(Field.IN_INTERFACE)).isEqualTo(IntervalSet.point(0));
    }

    @Test
    void namesAndIndices() {
        assertThat(U.symbolicAddress("address of wan")).isEqualTo(WAN);
        assertThat(U.symbolicAddress("address of lte")).isEqualTo(LTE);
        assertThatThrownBy(() -> U.symbolicAddress("address of dsl")).isInstanceOf(IllegalArgumentException.class);
        assertThat(U.isSymbolic(WAN)).isTrue();
        assertThat(U.isSymbolic(Ipv4.MAX)).isFalse();
        assertThat(U.interfaceIndex("bridge")).isEqualTo(1);
        assertThat(U.interfaceIndex("nope")).isEqualTo(-1);
        assertThat(U.interfaceName(2)).isEqualTo("lte");
        assertThat(U.interfaceName(3)).isEqualTo("#3");
        assertThat(U.interfaceName(-1)).isEqualTo("#-1");
        assertThat(U.describeAddress(0xC0A80101L)).isEqualTo("192.168.1.1");
        assertThat(U.describeAddress(Ipv4.MAX)).isEqualTo("255.255.255.255");
        assertThat(U.describeAddress(WAN)).isEqualTo("(address of wan)");
        assertThat(U.describeAddress(LTE + 1)).isEqualTo("(symbolic #2)");
    }

    @Test
    void listsAreCopiedAndValidated() {
        List<String> names = new java.util.ArrayList<>(List.of("a"));
        Universe u = new Universe(List.of(), names);
        names.add("b");
        assertThat(u.interfaces()).containsExactly("a");
        assertThatThrownBy(() -> new Universe(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Universe(List.of(), List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Universe(List.of("x", "x"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concretePrefixesNeverHoldSymbolicAddresses() {
        IntervalSet lan = U.addressSetFor(spec("192.168.1.0/24"), false);
        assertThat(lan).isEqualTo(spec("192.168.1.0/24"));
        assertThat(lan.contains(WAN)).isFalse();
        // even the widest prefixes short of /0, and a range covering almost everything
        assertThat(U.addressSetFor(spec("0.0.0.0/1"), false).contains(WAN)).isFalse();
        assertThat(U.addressSetFor(spec("128.0.0.0/1"), false).contains(LTE)).isFalse();
        assertThat(U.addressSetFor(spec("0.0.0.1-255.255.255.255"), false).contains(WAN)).isFalse();
        assertThat(U.prefix(0xC0A80105L, 24)).isEqualTo(spec("192.168.1.0/24"));
    }

    @Test
    void theWholeSpaceHoldsEverySymbolicAddress() {
        assertThat(U.addressSetFor(spec("0.0.0.0/0"), false)).isEqualTo(U.allAddresses());
        // however "everything" was written
        assertThat(U.addressSetFor(spec("0.0.0.0-255.255.255.255"), false)).isEqualTo(U.allAddresses());
        assertThat(U.addressSetFor(spec("0.0.0.0/1").union(spec("128.0.0.0/1")), false)).isEqualTo(U.allAddresses());
        assertThat(U.prefix(0, 0)).isEqualTo(U.allAddresses());
        assertThat(U.prefix(0x12345678L, 0)).isEqualTo(U.allAddresses());
    }

    @Test
    void negatedPrefixesHoldSymbolicAddresses() {
        IntervalSet notLan = U.addressSetFor(spec("192.168.1.0/24"), true);
        assertThat(notLan.contains(WAN)).isTrue();
        assertThat(notLan.contains(LTE)).isTrue();
        assertThat(notLan.contains(0xC0A80101L)).isFalse();
        assertThat(notLan.contains(0xC0A80201L)).isTrue();
        assertThat(notLan.union(U.addressSetFor(spec("192.168.1.0/24"), false))).isEqualTo(U.allAddresses());
        assertThat(U.addressSetFor(spec("0.0.0.0/0"), true).isEmpty()).isTrue();
        assertThat(U.addressSetFor(IntervalSet.empty(), true)).isEqualTo(U.allAddresses());
        assertThat(U.addressSetFor(IntervalSet.empty(), false).isEmpty()).isTrue();
    }

    @Test
    void symbolicValuesInTheConcreteArgumentAreIgnored() {
        IntervalSet sloppy = spec("10.0.0.0/8").union(IntervalSet.point(WAN));
        assertThat(U.addressSetFor(sloppy, false)).isEqualTo(spec("10.0.0.0/8"));
        assertThat(U.addressSetFor(IntervalSet.of(0, LTE), false)).isEqualTo(U.allAddresses());
    }

    @Test
    void fieldKinds() {
        assertThat(Field.values()).filteredOn(Field::isAddress).containsExactly(Field.SRC_ADDRESS, Field.DST_ADDRESS);
        assertThat(Field.values()).filteredOn(Field::isInterface)
                .containsExactly(Field.IN_INTERFACE, Field.OUT_INTERFACE);
    }

    @Test
    void describesFieldsForPeople() {
        assertThat(U.describe(Field.SRC_ADDRESS, U.allAddresses())).isEqualTo("any");
        assertThat(U.describe(Field.SRC_ADDRESS, IntervalSet.empty())).isEqualTo("none");
        assertThat(U.describe(Field.DST_ADDRESS, spec("10.0.0.0/8").union(IntervalSet.point(LTE))))
                .isEqualTo("10.0.0.0/8,(address of lte)");
        assertThat(U.describe(Field.DST_ADDRESS, U.addressSetFor(spec("10.0.0.0/8"), true)))
                .isEqualTo("0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255,(address of wan),(address of lte)");
        assertThat(U.describe(Field.IN_INTERFACE, IntervalSet.of(1, 2))).isEqualTo("bridge,lte");
        assertThat(U.describe(Field.DST_PORT, IntervalSet.of(8000, 8080).union(IntervalSet.point(80))))
                .isEqualTo("80,8000-8080");
        assertThat(U.describe(Field.PROTOCOL, IntervalSet.point(6))).isEqualTo("6");
    }
}
