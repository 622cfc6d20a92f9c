package org.echoscu.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the body of one PDU (the bytes after its 6-byte header) into a {@link Pdu}.
 * Structural checks only: lengths, sizes, item nesting. Whether the content is acceptable
 * (application context, contexts, roles) is for the association layer to judge.
 */
public final class PduDecoder {

    private PduDecoder() {
    }

    public static Pdu decode(int type, byte[] body) throws PduFormatException {
        // P-DATA-TF first and on its own: a long series of echoes then has C1 compile only this
        return type == Pdu.TYPE_P_DATA_TF ? pData(new ByteReader(body, P_DATA_TF)) : control(type, body);
    }

    private static final String P_DATA_TF = "P-DATA-TF";

    private static Pdu control(int type, byte[] body) throws PduFormatException {
        ByteReader r = new ByteReader(body, pduName(type));
        Pdu pdu = switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ -> associateRq(r);
            case Pdu.TYPE_ASSOCIATE_AC -> associateAc(r);
            case Pdu.TYPE_ASSOCIATE_RJ -> {
                fixedLength(r, 4);
                r.skip(1);
                yield new AAssociateRj(r.u8(), r.u8(), r.u8());
            }
            case Pdu.TYPE_P_DATA_TF -> pData(r);
            case Pdu.TYPE_RELEASE_RQ -> {
                fixedLength(r, 4);
                yield new AReleaseRq();
            }
            case Pdu.TYPE_RELEASE_RP -> {
                fixedLength(r, 4);
                yield new AReleaseRp();
            }
            case Pdu.TYPE_ABORT -> {
                fixedLength(r, 4);
                r.skip(2);
                yield new AAbort(r.u8(), r.u8());
            }
            default -> throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PDU,
                    String.format("unrecognized PDU type 0x%02x", type));
        };
        return pdu;
    }

    public static String pduName(int type) {
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ -> "A-ASSOCIATE-RQ";
            case Pdu.TYPE_ASSOCIATE_AC -> "A-ASSOCIATE-AC";
            case Pdu.TYPE_ASSOCIATE_RJ -> "A-ASSOCIATE-RJ";
            case Pdu.TYPE_P_DATA_TF -> P_DATA_TF;
            case Pdu.TYPE_RELEASE_RQ -> "A-RELEASE-RQ";
            case Pdu.TYPE_RELEASE_RP -> "A-RELEASE-RP";
            case Pdu.TYPE_ABORT -> "A-ABORT";
            default -> String.format("PDU of unknown type 0x%02x", type);
        };
    }

    private static void fixedLength(ByteReader r, int n) throws PduFormatException {
        if (r.remaining() != n) {
            throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "PDU length " + r.remaining() + " where the standard fixes " + n);
        }
    }

    /** The fields common to A-ASSOCIATE-RQ and -AC, and their variable items. */
    private record AssociateFields(int version, String called, String calling, String appContext,
                                   List<ByteReader> contextItems, UserInformation userInfo) {
    }

    private static AssociateFields associate(ByteReader r, int contextItemType) throws PduFormatException {
        if (r.remaining() < 68) {
            throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE PDU of " + r.remaining() + " bytes is shorter than its 68 fixed bytes");
        }
        int version = r.u16();
        r.skip(2);
        String called = r.text(16);
        String calling = r.text(16);
        r.skip(32);
        String appContext = null;
        List<ByteReader> contexts = new ArrayList<>();
        UserInformation userInfo = null;
        while (r.hasRemaining()) {
            int itemType = r.u8();
            r.skip(1);
            int len = r.u16();
            ByteReader item = r.slice(len, itemName(itemType));
            if (itemType == ItemType.APPLICATION_CONTEXT) {
                appContext = item.restAsText();
            } else if (itemType == contextItemType) {
                contexts.add(item);
            } else if (itemType == ItemType.USER_INFORMATION) {
                userInfo = userInformation(item);
            } else {
                throw new PduFormatException(AAbort.REASON_UNRECOGNIZED_PDU_PARAMETER,
                        String.format("unexpected item type 0x%02x in A-ASSOCIATE PDU", itemType));
            }
        }
        if (appContext == null) {
            throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE PDU without application context item");
        }
        return new AssociateFields(version, called, calling, appContext, contexts,
                userInfo == null ? new UserInformation(List.of()) : userInfo);
    }

    private static AAssociateRq associateRq(ByteReader r) throws PduFormatException {
        AssociateFields f = associate(r, ItemType.PRESENTATION_CONTEXT_RQ);
        List<PresentationContextRq> pcs = new ArrayList<>();
        for (ByteReader item : f.contextItems()) {
            int id = item.u8();
            item.skip(3);
            String abstractSyntax = null;
            List<String> transferSyntaxes = new ArrayList<>();
            while (item.hasRemaining()) {
                int subType = item.u8();
                item.skip(1);
                ByteReader sub = item.slice(item.u16(), itemName(subType));
                if (subType == ItemType.ABSTRACT_SYNTAX && abstractSyntax == null) {
                    abstractSyntax = sub.restAsText();
                } else if (subType == ItemType.TRANSFER_SYNTAX) {
                    transferSyntaxes.add(sub.restAsText());
                } else {
                    throw new PduFormatException(AAbort.REASON_UNEXPECTED_PDU_PARAMETER,
                            String.format("unexpected sub-item 0x%02x in presentation context %d", subType, id));
                }
            }
            if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
                throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                        "presentation context " + id + " lacks its abstract syntax or transfer syntaxes");
            }
            pcs.add(new PresentationContextRq(id, abstractSyntax, transferSyntaxes));
        }
        return new AAssociateRq(f.version(), f.called(), f.calling(), f.appContext(), pcs, f.userInfo());
    }

    private static AAssociateAc associateAc(ByteReader r) throws PduFormatException {
        AssociateFields f = associate(r, ItemType.PRESENTATION_CONTEXT_AC);
        List<PresentationContextAc> pcs = new ArrayList<>();
        for (ByteReader item : f.contextItems()) {
            int id = item.u8();
            item.skip(1);
            int result = item.u8();
            item.skip(1);
            String ts = "";
            while (item.hasRemaining()) {
                int subType = item.u8();
                item.skip(1);
                ByteReader sub = item.slice(item.u16(), itemName(subType));
                if (subType == ItemType.TRANSFER_SYNTAX) {
                    ts = sub.restAsText();
                } else {
                    throw new PduFormatException(AAbort.REASON_UNEXPECTED_PDU_PARAMETER,
                            String.format("unexpected sub-item 0x%02x in presentation context %d", subType, id));
                }
            }
            pcs.add(new PresentationContextAc(id, result, ts));
        }
        return new AAssociateAc(f.version(), f.called(), f.calling(), f.appContext(), pcs, f.userInfo());
    }

    private static UserInformation userInformation(ByteReader r) throws PduFormatException {
        List<UserInfoSubItem> items = new ArrayList<>();
        while (r.hasRemaining()) {
            int type = r.u8();
            r.skip(1);
            int len = r.u16();
            ByteReader s = r.slice(len, itemName(type));
            items.add(subItem(type, s));
        }
        return new UserInformation(items);
    }

    private static UserInfoSubItem subItem(int type, ByteReader s) throws PduFormatException {
        UserInfoSubItem item = switch (type) {
            case UserInfoSubItem.TYPE_MAX_LENGTH -> new UserInfoSubItem.MaxLength(s.u32());
            case UserInfoSubItem.TYPE_IMPLEMENTATION_CLASS_UID ->
                    new UserInfoSubItem.ImplementationClassUid(s.restAsText());
            case UserInfoSubItem.TYPE_ASYNC_OPERATIONS_WINDOW ->
                    new UserInfoSubItem.AsyncOperationsWindow(s.u16(), s.u16());
            case UserInfoSubItem.TYPE_ROLE_SELECTION ->
                    new UserInfoSubItem.RoleSelection(s.prefixedText(), s.u8(), s.u8());
            case UserInfoSubItem.TYPE_IMPLEMENTATION_VERSION_NAME ->
                    new UserInfoSubItem.ImplementationVersionName(s.restAsText());
            case UserInfoSubItem.TYPE_SOP_CLASS_EXTENDED_NEGOTIATION ->
                    new UserInfoSubItem.SopClassExtendedNegotiation(s.prefixedText(), s.bytes(s.remaining()));
            case UserInfoSubItem.TYPE_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION -> {
                String sop = s.prefixedText();
                String service = s.prefixedText();
                ByteReader related = s.slice(s.u16(), "related general SOP class list");
                List<String> uids = new ArrayList<>();
                while (related.hasRemaining()) {
                    uids.add(related.prefixedText());
                }
                yield new UserInfoSubItem.SopClassCommonExtendedNegotiation(sop, service, uids);
            }
            case UserInfoSubItem.TYPE_USER_IDENTITY_RQ -> {
                int identityType = s.u8();
                boolean positive = s.u8() == 1;
                byte[] primary = s.bytes(s.u16());
                byte[] secondary = s.hasRemaining() ? s.bytes(s.u16()) : new byte[0];
                yield new UserInfoSubItem.UserIdentityRq(identityType, positive, primary, secondary);
            }
            case UserInfoSubItem.TYPE_USER_IDENTITY_AC -> new UserInfoSubItem.UserIdentityAc(s.bytes(s.u16()));
            // Unknown sub-items are kept and otherwise ignored (PS3.7 D.3.3): never fatal.
            default -> new UserInfoSubItem.Unknown(type, s.bytes(s.remaining()));
        };
        if (s.hasRemaining() && !(item instanceof UserInfoSubItem.Unknown)) {
            throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    itemName(type) + " has " + s.remaining() + " bytes past its fields");
        }
        return item;
    }

    private static PDataTf pData(ByteReader r) throws PduFormatException {
        if (!r.hasRemaining()) {
            throw new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                    "P-DATA-TF without presentation data value");
        }
        Pdv first = pdv(r);
        // the usual case: one PDV, in a list that PDataTf need not copy
        return r.hasRemaining() ? new PDataTf(withTheRest(first, r)) : new PDataTf(List.of(first));
    }

    /** The PDVs after the first: apart, since a long series of echoes has one PDV per PDU. */
    private static List<Pdv> withTheRest(Pdv first, ByteReader r) throws PduFormatException {
        List<Pdv> pdvs = new ArrayList<>();
        pdvs.add(first);
        while (r.hasRemaining()) {
            pdvs.add(pdv(r));
        }
        return pdvs;
    }

    private static Pdv pdv(ByteReader r) throws PduFormatException {
        long len = r.u32();
        if (len < 2 || len > r.remaining()) {
            throw pdvMisfit(len, r.remaining());
        }
        ByteReader item = r.slice((int) len, "PDV item");
        int ctx = item.u8();
        int header = item.u8();
        return new Pdv(ctx, header, item.bytes(item.remaining()));
    }

    private static PduFormatException pdvMisfit(long len, int left) {
        return new PduFormatException(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE,
                "PDV item length " + len + " does not fit the P-DATA-TF (" + left + " bytes left)");
    }

    static String itemName(int type) {
        return switch (type) {
            case ItemType.APPLICATION_CONTEXT -> "application context item";
            case ItemType.PRESENTATION_CONTEXT_RQ, ItemType.PRESENTATION_CONTEXT_AC -> "presentation context item";
            case ItemType.ABSTRACT_SYNTAX -> "abstract syntax sub-item";
            case ItemType.TRANSFER_SYNTAX -> "transfer syntax sub-item";
            case ItemType.USER_INFORMATION -> "user information item";
            case UserInfoSubItem.TYPE_MAX_LENGTH -> "maximum length sub-item";
            case UserInfoSubItem.TYPE_IMPLEMENTATION_CLASS_UID -> "implementation class UID sub-item";
            case UserInfoSubItem.TYPE_ASYNC_OPERATIONS_WINDOW -> "asynchronous operations window sub-item";
            case UserInfoSubItem.TYPE_ROLE_SELECTION -> "SCP/SCU role selection sub-item";
            case UserInfoSubItem.TYPE_IMPLEMENTATION_VERSION_NAME -> "implementation version name sub-item";
            case UserInfoSubItem.TYPE_SOP_CLASS_EXTENDED_NEGOTIATION -> "SOP class extended negotiation sub-item";
            case UserInfoSubItem.TYPE_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION ->
                    "SOP class common extended negotiation sub-item";
            case UserInfoSubItem.TYPE_USER_IDENTITY_RQ -> "user identity sub-item";
            case UserInfoSubItem.TYPE_USER_IDENTITY_AC -> "user identity response sub-item";
            default -> String.format("item of type 0x%02x", type);
        };
    }
}
