package org.echoscu.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes each PDU into one byte array, so the transport can send it in a single write
 * (a PDU split over several writes costs a delayed-ACK stall on the peer: docs/PERFORMANCE.md).
 * Lengths are back-patched once the variable part is written, never computed twice.
 */
public final class PduEncoder {

    private byte[] buf = new byte[256];
    private int pos;

    private PduEncoder() {
    }

    public static byte[] encode(Pdu pdu) {
        return pdu instanceof PDataTf p ? pData(p) : control(pdu);
    }

    /** Every PDU but P-DATA-TF, apart: a long series of echoes then has C1 compile only the above. */
    private static byte[] control(Pdu pdu) {
        PduEncoder w = new PduEncoder();
        w.u8(pdu.type());
        w.u8(0);
        int length = w.reserve4();
        // Java 17 has no pattern switch; the sealed interface keeps this chain complete.
        if (pdu instanceof AAssociateRq rq) {
            w.associateHeader(rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext());
            for (PresentationContextRq pc : rq.presentationContexts()) {
                w.contextRq(pc);
            }
            w.userInformation(rq.userInformation());
        } else if (pdu instanceof AAssociateAc ac) {
            w.associateHeader(ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle(), ac.applicationContext());
            for (PresentationContextAc pc : ac.presentationContexts()) {
                w.contextAc(pc);
            }
            w.userInformation(ac.userInformation());
        } else if (pdu instanceof AAssociateRj rj) {
            w.fourBytes(0, rj.result(), rj.source(), rj.reason());
        } else if (pdu instanceof AAbort a) {
            w.fourBytes(0, 0, a.source(), a.reason());
        } else { // A-RELEASE-RQ and -RP: four reserved bytes
            w.u32(0);
        }
        w.patch4(length);
        return Arrays.copyOf(w.buf, w.pos);
    }

    /** P-DATA-TF, the PDU of every echo: its size is known up front, so one exact array. */
    private static byte[] pData(PDataTf p) {
        List<Pdv> pdvs = p.pdvs();
        long length = 0;
        for (int i = 0; i < pdvs.size(); i++) {
            length += 6L + pdvs.get(i).data().length;
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw tooLong(length);
        }
        byte[] out = new byte[6 + (int) length];
        out[0] = (byte) Pdu.TYPE_P_DATA_TF;
        int pos = be32(out, 2, length);
        for (int i = 0; i < pdvs.size(); i++) {
            Pdv pdv = pdvs.get(i);
            byte[] data = pdv.data();
            pos = be32(out, pos, data.length + 2L);
            out[pos++] = (byte) pdv.contextId();
            out[pos++] = (byte) pdv.messageControlHeader();
            System.arraycopy(data, 0, out, pos, data.length);
            pos += data.length;
        }
        return out;
    }

    private static IllegalArgumentException tooLong(long length) {
        return new IllegalArgumentException("P-DATA-TF too long: " + length);
    }

    private static int be32(byte[] b, int pos, long v) {
        b[pos] = (byte) (v >>> 24);
        b[pos + 1] = (byte) (v >>> 16);
        b[pos + 2] = (byte) (v >>> 8);
        b[pos + 3] = (byte) v;
        return pos + 4;
    }

    private void associateHeader(int version, String called, String calling, String appContext) {
        u16(version);
        u16(0);
        aeTitle(called);
        aeTitle(calling);
        zeros(32);
        if (appContext != null) {
            ascii(ItemType.APPLICATION_CONTEXT, appContext);
        }
    }

    private void contextRq(PresentationContextRq pc) {
        u8(ItemType.PRESENTATION_CONTEXT_RQ);
        u8(0);
        int len = reserve2();
        u8(pc.id());
        u8(0);
        u8(0);
        u8(0);
        ascii(ItemType.ABSTRACT_SYNTAX, pc.abstractSyntax());
        for (String ts : pc.transferSyntaxes()) {
            ascii(ItemType.TRANSFER_SYNTAX, ts);
        }
        patch2(len);
    }

    private void contextAc(PresentationContextAc pc) {
        u8(ItemType.PRESENTATION_CONTEXT_AC);
        u8(0);
        int len = reserve2();
        u8(pc.id());
        u8(0);
        u8(pc.result());
        u8(0);
        ascii(ItemType.TRANSFER_SYNTAX, pc.transferSyntax());
        patch2(len);
    }

    private void userInformation(UserInformation ui) {
        if (ui == null) {
            return;
        }
        u8(ItemType.USER_INFORMATION);
        u8(0);
        int len = reserve2();
        for (UserInfoSubItem item : ui.subItems()) {
            subItem(item);
        }
        patch2(len);
    }

    private void subItem(UserInfoSubItem item) {
        u8(item.type());
        u8(0);
        int len = reserve2();
        if (item instanceof UserInfoSubItem.MaxLength m) {
            u32(m.value());
        } else if (item instanceof UserInfoSubItem.ImplementationClassUid c) {
            raw(c.uid());
        } else if (item instanceof UserInfoSubItem.AsyncOperationsWindow a) {
            u16(a.maxInvoked());
            u16(a.maxPerformed());
        } else if (item instanceof UserInfoSubItem.RoleSelection r) {
            prefixed(r.sopClassUid());
            u8(r.scuRole());
            u8(r.scpRole());
        } else if (item instanceof UserInfoSubItem.ImplementationVersionName v) {
            raw(v.name());
        } else if (item instanceof UserInfoSubItem.SopClassExtendedNegotiation e) {
            prefixed(e.sopClassUid());
            bytes(e.applicationInfo());
        } else if (item instanceof UserInfoSubItem.SopClassCommonExtendedNegotiation c) {
            prefixed(c.sopClassUid());
            prefixed(c.serviceClassUid());
            int related = reserve2();
            for (String uid : c.relatedGeneralSopClassUids()) {
                prefixed(uid);
            }
            patch2(related);
        } else if (item instanceof UserInfoSubItem.UserIdentityRq u) {
            u8(u.identityType());
            u8(u.positiveResponseRequested() ? 1 : 0);
            u16(u.primaryField().length);
            bytes(u.primaryField());
            u16(u.secondaryField().length);
            bytes(u.secondaryField());
        } else if (item instanceof UserInfoSubItem.UserIdentityAc u) {
            u16(u.serverResponse().length);
            bytes(u.serverResponse());
        } else if (item instanceof UserInfoSubItem.Unknown u) {
            bytes(u.value());
        }
        patch2(len);
    }

    /** An item whose whole value is one ASCII string: application context, syntaxes. */
    private void ascii(int itemType, String value) {
        u8(itemType);
        u8(0);
        int len = reserve2();
        raw(value);
        patch2(len);
    }

    private void prefixed(String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        u16(b.length);
        bytes(b);
    }

    private void aeTitle(String title) {
        byte[] b = Arrays.copyOf(title.getBytes(StandardCharsets.US_ASCII), 16);
        for (int i = title.length(); i < 16; i++) {
            b[i] = ' ';
        }
        bytes(b);
    }

    private void raw(String s) {
        bytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void zeros(int n) {
        ensure(n);
        pos += n; // the buffer is zero-filled on allocation and only ever grows
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void fourBytes(int a, int b, int c, int d) {
        u8(a);
        u8(b);
        u8(c);
        u8(d);
    }

    private void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    private void u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void u32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private int reserve2() {
        u16(0);
        return pos;
    }

    private int reserve4() {
        u32(0);
        return pos;
    }

    /** Writes the length of everything after a 2-byte length field that ends at {@code end}. */
    private void patch2(int end) {
        int n = pos - end;
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("item longer than 65535 bytes: " + n);
        }
        buf[end - 2] = (byte) (n >>> 8);
        buf[end - 1] = (byte) n;
    }

    private void patch4(int end) {
        int n = pos - end;
        buf[end - 4] = (byte) (n >>> 24);
        buf[end - 3] = (byte) (n >>> 16);
        buf[end - 2] = (byte) (n >>> 8);
        buf[end - 1] = (byte) n;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
