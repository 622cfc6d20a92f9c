package org.echoscu.pdu;

import java.io.ByteArrayOutputStream;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of valid PDUs and of hostile byte strings for the jqwik properties. */
public final class PduArbitraries {

    private PduArbitraries() {
    }

    /** 1..16 printable characters, no backslash, no leading or trailing space (PS3.5 AE VR). */
    public static Arbitrary<String> aeTitles() {
        return Arbitraries.strings().withCharRange(' ', '~').excludeChars('\\').ofMinLength(1).ofMaxLength(16)
                .filter(s -> s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ');
    }

    /** Digits and dots: 1..8 numeric components, at most 64 characters. */
    public static Arbitrary<String> uids() {
        return Arbitraries.integers().between(0, 99_999_999).map(String::valueOf)
                .list().ofMinSize(1).ofMaxSize(8)
                .map(parts -> String.join(".", parts))
                .filter(s -> s.length() <= 64);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    public static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    public static Arbitrary<UserInfoSubItem> subItems() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(UserInfoSubItem.MaxLength::new),
                uids().map(UserInfoSubItem.ImplementationClassUid::new),
                Combinators.combine(u16(), u16()).as(UserInfoSubItem.AsyncOperationsWindow::new),
                Combinators.combine(uids(), u8(), u8()).as(UserInfoSubItem.RoleSelection::new),
                aeTitles().map(UserInfoSubItem.ImplementationVersionName::new),
                Combinators.combine(uids(), bytes(32)).as(UserInfoSubItem.SopClassExtendedNegotiation::new),
                Combinators.combine(uids(), uids(), uids().list().ofMaxSize(4))
                        .as(UserInfoSubItem.SopClassCommonExtendedNegotiation::new),
                Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.of(true, false),
                        bytes(40), bytes(40)).as(UserInfoSubItem.UserIdentityRq::new),
                bytes(40).map(UserInfoSubItem.UserIdentityAc::new),
                Combinators.combine(u8().filter(t -> t < 0x51 || t > 0x59), bytes(40))
                        .as(UserInfoSubItem.Unknown::new)));
    }

    public static Arbitrary<UserInformation> userInformation() {
        return subItems().list().ofMaxSize(8).map(UserInformation::new);
    }

    public static Arbitrary<AAssociateRq> associateRqs() {
        Arbitrary<PresentationContextRq> pc = Combinators.combine(u8(), uids(), uids().list().ofMinSize(1).ofMaxSize(4))
                .as(PresentationContextRq::new);
        return Combinators.combine(u16(), aeTitles(), aeTitles(), uids(), pc.list().ofMaxSize(5), userInformation())
                .as(AAssociateRq::new);
    }

    public static Arbitrary<AAssociateAc> associateAcs() {
        Arbitrary<PresentationContextAc> pc = Combinators.combine(u8(), u8(),
                Arbitraries.frequencyOf(Tuple.of(5, uids()), Tuple.of(1, Arbitraries.just(""))))
                .as(PresentationContextAc::new);
        return Combinators.combine(u16(), aeTitles(), aeTitles(), uids(), pc.list().ofMaxSize(5), userInformation())
                .as(AAssociateAc::new);
    }

    public static Arbitrary<PDataTf> pData() {
        Arbitrary<Pdv> pdv = Combinators.combine(u8(), u8(), bytes(100)).as(Pdv::new);
        return pdv.list().ofMinSize(1).ofMaxSize(4).map(PDataTf::new);
    }

    public static Arbitrary<Pdu> pdus() {
        return Arbitraries.oneOf(List.of(
                associateRqs(),
                associateAcs(),
                Combinators.combine(u8(), u8(), u8()).as(AAssociateRj::new),
                pData(),
                Arbitraries.just(new AReleaseRq()),
                Arbitraries.just(new AReleaseRp()),
                Combinators.combine(u8(), u8()).as(AAbort::new)));
    }

    /** PDU types, mostly the seven real ones. */
    public static Arbitrary<Integer> pduTypes() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 7)), Tuple.of(1, u8()));
    }

    /** One edit of a byte string: overwrite, truncate, insert or delete at a position. */
    public record Mutation(int kind, int position, byte value) {
        byte[] apply(byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = b.length == 0 ? 0 : Math.floorMod(position, b.length + (kind == 2 ? 1 : 0));
            switch (kind) {
                case 0 -> {
                    if (b.length == 0) {
                        return b;
                    }
                    byte[] c = b.clone();
                    c[at] = value;
                    return c;
                }
                case 1 -> {
                    return java.util.Arrays.copyOf(b, Math.floorMod(position, b.length + 1));
                }
                case 2 -> {
                    out.write(b, 0, at);
                    out.write(value);
                    out.write(b, at, b.length - at);
                    return out.toByteArray();
                }
                default -> {
                    if (b.length == 0) {
                        return b;
                    }
                    out.write(b, 0, at);
                    out.write(b, at + 1, b.length - at - 1);
                    return out.toByteArray();
                }
            }
        }
    }

    /** 1..4 edits, overwrites being the most frequent, and 0xff / 0x00 values common. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> kind = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.just(2)), Tuple.of(2, Arbitraries.just(3)));
        Arbitrary<Byte> value = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.bytes()),
                Tuple.of(1, Arbitraries.just((byte) 0xff)), Tuple.of(1, Arbitraries.just((byte) 0)));
        return Combinators.combine(kind, Arbitraries.integers().between(0, Integer.MAX_VALUE), value)
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    public static byte[] mutate(byte[] b, List<Mutation> mutations) {
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        return b;
    }

    /**
     * Item-shaped noise for A-ASSOCIATE bodies: a 68-byte fixed part, then items of plausible
     * types whose lengths are right or wrong and whose content is noise or more items.
     */
    public static Arbitrary<byte[]> associateNoise() {
        Arbitrary<byte[]> leaf = item(bytes(24));
        Arbitrary<byte[]> inner = item(leaf.list().ofMaxSize(4).map(PduArbitraries::join));
        Arbitrary<byte[]> items = Arbitraries.oneOf(leaf, inner).list().ofMaxSize(5).map(PduArbitraries::join);
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(68), items)
                .as((fixed, rest) -> join(List.of(fixed, rest)));
    }

    private static Arbitrary<byte[]> item(Arbitrary<byte[]> content) {
        Arbitrary<Integer> type = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(0x10, 0x20, 0x21, 0x30, 0x40, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
                        0x56, 0x57, 0x58, 0x59)),
                Tuple.of(1, u8()));
        Arbitrary<Integer> lengthError = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(-3, 3)), Tuple.of(1, u16()));
        return Combinators.combine(type, lengthError, content).as((t, err, c) -> {
            int len = err > 3 ? err : Math.max(0, Math.min(0xFFFF, c.length + err));
            byte[] out = new byte[4 + c.length];
            out[0] = (byte) (int) t;
            out[2] = (byte) (len >>> 8);
            out[3] = (byte) len;
            System.arraycopy(c, 0, out, 4, c.length);
            return out;
        });
    }

    static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
