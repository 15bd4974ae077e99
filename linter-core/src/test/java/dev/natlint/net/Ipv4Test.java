package dev.natlint.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Ipv4Test {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, 0",
            "0.0.0.1, 1",
            "1.2.3.4, 16909060",
            "10.0.0.0, 167772160",
            "192.168.1.10, 3232235786",
            "255.255.255.255, 4294967295",
            "100.64.0.0, 1681915904",
    })
    void parsesDottedQuads(String text, long value) {
        assertThat(Ipv4.parse(text)).contains(value);
        assertThat(Ipv4.isAddress(text)).isTrue();
        assertThat(Ipv4.format(value)).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "999.1.1.1", "256.0.0.0", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3",
            "01.2.3.4", "1.2.3.04", "1.2.3.00", "000.0.0.0", " 1.2.3.4", "1.2.3.4 ", "1.2. 3.4", "1.2.3.4\n",
            "+1.2.3.4", "-1.2.3.4", "1.2.3.-4", "0x1.2.3.4", "1.2.3.4/24", "1.2.3.4-1.2.3.5", "router.lan",
            "example.com", "$wanIp", "1,2,3,4", "1.2.3.a", "1111.2.3.4", "1.2.3.1234",
            "\u0661.2.3.4", // ARABIC-INDIC DIGIT ONE: a digit to Character.isDigit, not to RouterOS
            "\uff11.2.3.4", // FULLWIDTH DIGIT ONE
            "16909060", "1.2.3.4.", "....", "1.2.3.4.5.6.7.8",
    })
    void rejectsAnythingButAStrictDottedQuad(String text) {
        assertThat(Ipv4.parse(text)).isEmpty();
        assertThat(Ipv4.isAddress(text)).isFalse();
    }

    @Test
    void formatRoundTripsRandomAddresses() {
        Random r = new Random(4);
        for (int i = 0; i < 5000; i++) {
            long a = r.nextLong() & Ipv4.MAX;
            assertThat(Ipv4.parse(Ipv4.format(a))).contains(a);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "192.168.1.0/24, 192.168.1.0, 24",
            "192.168.1.77/24, 192.168.1.0, 24",
            "10.1.2.3/8, 10.0.0.0, 8",
            "1.2.3.4, 1.2.3.4, 32",
            "1.2.3.4/32, 1.2.3.4, 32",
            "0.0.0.0/0, 0.0.0.0, 0",
            "255.255.255.255/0, 0.0.0.0, 0",
            "203.0.113.9/31, 203.0.113.8, 31",
            "128.0.0.1/1, 128.0.0.0, 1",
    })
    void parsesPrefixesMaskingHostBits(String text, String network, int length) {
        long net = Ipv4.parse(network).orElseThrow();
        assertThat(Prefix.parse(text)).contains(new Prefix(net, length));
        assertThat(Ipv4.parsePrefix(text)).hasValueSatisfying(p -> assertThat(p).containsExactly(net, length));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/01", "1.2.3.4/099", "1.2.3.4/ 24", "1.2.3.4/24 ",
            "1.2.3.4/2a", "/24", "1.2.3/24", "1.2.3.4/24/24", "999.2.3.4/8", "1.2.3.4/255.255.255.0",
            "host.lan/24", "1.2.3.4/100",
    })
    void rejectsBadPrefixes(String text) {
        assertThat(Prefix.parse(text)).isEmpty();
        assertThat(Ipv4.parsePrefix(text)).isEmpty();
    }

    @Test
    void parsesRanges() {
        assertThat(Ipv4.parseRange("10.0.0.5-10.0.0.9")).contains(IntervalSet.of(0x0A000005L, 0x0A000009L));
        assertThat(Ipv4.parseRange("10.0.0.5-10.0.0.5")).contains(IntervalSet.point(0x0A000005L));
        assertThat(Ipv4.parseRange("0.0.0.0-255.255.255.255")).contains(IntervalSet.of(0, Ipv4.MAX));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "10.0.0.9-10.0.0.5", "10.0.0.5-", "-10.0.0.5", "10.0.0.5 - 10.0.0.9", "10.0.0.5-10.0.0.9-10.0.0.10",
            "10.0.0.5-10.0.0.256", "10.0.0.0/24-10.0.1.0", "10.0.0.5", "10.0.0.5--10.0.0.9", "a-b",
    })
    void rejectsBadRanges(String text) {
        assertThat(Ipv4.parseRange(text)).isEmpty();
    }

    @Test
    void addressSpecAcceptsAddressPrefixAndRange() {
        assertThat(Ipv4.parseAddressSpec("192.168.1.10")).contains(IntervalSet.point(0xC0A8010AL));
        assertThat(Ipv4.parseAddressSpec("192.168.1.10/24")).contains(IntervalSet.of(0xC0A80100L, 0xC0A801FFL));
        assertThat(Ipv4.parseAddressSpec("0.0.0.0/0")).contains(IntervalSet.of(0, Ipv4.MAX));
        assertThat(Ipv4.parseAddressSpec("192.168.1.5-192.168.1.9")).contains(IntervalSet.of(0xC0A80105L, 0xC0A80109L));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "!192.168.1.0/24", "my-router.lan", "192.168.1.0/33", "192.168.1.9-192.168.1.5", "1.2.3", "any",
            "192.168.1.0/24,10.0.0.0/8", "999.1.1.1",
    })
    void addressSpecRejectsEverythingElse(String text) {
        assertThat(Ipv4.parseAddressSpec(text)).isEmpty();
    }

    @Test
    void masks() {
        assertThat(Ipv4.mask(0)).isZero();
        assertThat(Ipv4.mask(1)).isEqualTo(0x80000000L);
        assertThat(Ipv4.mask(24)).isEqualTo(0xFFFFFF00L);
        assertThat(Ipv4.mask(32)).isEqualTo(0xFFFFFFFFL);
        assertThatThrownBy(() -> Ipv4.mask(33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4.mask(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0, true", "10.255.255.255, true", "9.255.255.255, false", "11.0.0.0, false",
            "172.16.0.0, true", "172.31.255.255, true", "172.15.255.255, false", "172.32.0.0, false",
            "192.168.0.0, true", "192.168.255.255, true", "192.169.0.0, false", "192.167.255.255, false",
            "100.64.0.0, true", "100.127.255.255, true", "100.63.255.255, false", "100.128.0.0, false",
            "169.254.0.1, true", "169.253.255.255, false", "8.8.8.8, false", "203.0.113.1, false",
    })
    void knowsPrivateRanges(String address, boolean isPrivate) {
        assertThat(Ipv4.isPrivate(Ipv4.parse(address).orElseThrow())).isEqualTo(isPrivate);
    }

    @Test
    void prefixRecordKnowsItsBounds() {
        Prefix p = Prefix.parse("192.168.1.0/24").orElseThrow();
        assertThat(p.last()).isEqualTo(0xC0A801FFL);
        assertThat(p.size()).isEqualTo(256);
        assertThat(p.contains(0xC0A80180L)).isTrue();
        assertThat(p.contains(0xC0A80200L)).isFalse();
        assertThat(p.toSet()).isEqualTo(IntervalSet.of(0xC0A80100L, 0xC0A801FFL));
        assertThat(p).hasToString("192.168.1.0/24");
        assertThat(Prefix.containing(0xC0A80177L, 16)).hasToString("192.168.0.0/16");
        assertThat(new Prefix(0, 0).size()).isEqualTo(1L << 32);
        assertThat(new Prefix(0, 0).last()).isEqualTo(Ipv4.MAX);
        assertThat(Optional.of(new Prefix(5, 32))).isEqualTo(Prefix.parse("0.0.0.5"));
    }

    @Test
    void prefixRecordRefusesHostBitsAndBadLengths() {
        assertThatThrownBy(() -> new Prefix(0xC0A80101L, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prefix(0, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prefix(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prefix(1L << 32, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prefix(-1, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
