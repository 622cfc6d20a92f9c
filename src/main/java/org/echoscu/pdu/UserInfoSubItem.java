package org.echoscu.pdu;

import java.util.Arrays;
import java.util.List;

/** The user information sub-items of PS3.7 Annex D.3.3 and PS3.8 Annex D, one record each. */
public sealed interface UserInfoSubItem {

    /** The sub-item type byte. */
    int type();

    int TYPE_MAX_LENGTH = 0x51;
    int TYPE_IMPLEMENTATION_CLASS_UID = 0x52;
    int TYPE_ASYNC_OPERATIONS_WINDOW = 0x53;
    int TYPE_ROLE_SELECTION = 0x54;
    int TYPE_IMPLEMENTATION_VERSION_NAME = 0x55;
    int TYPE_SOP_CLASS_EXTENDED_NEGOTIATION = 0x56;
    int TYPE_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION = 0x57;
    int TYPE_USER_IDENTITY_RQ = 0x58;
    int TYPE_USER_IDENTITY_AC = 0x59;

    /** Maximum length received of P-DATA-TF PDUs (PS3.8 D.1); 0 means unlimited. Unsigned 32 bits. */
    record MaxLength(long value) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_MAX_LENGTH; }
    }

    record ImplementationClassUid(String uid) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_IMPLEMENTATION_CLASS_UID; }
    }

    record AsyncOperationsWindow(int maxInvoked, int maxPerformed) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_ASYNC_OPERATIONS_WINDOW; }
    }

    /** SCP/SCU role selection; the role bytes as sent (0 or 1). */
    record RoleSelection(String sopClassUid, int scuRole, int scpRole) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_ROLE_SELECTION; }
    }

    record ImplementationVersionName(String name) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_IMPLEMENTATION_VERSION_NAME; }
    }

    record SopClassExtendedNegotiation(String sopClassUid, byte[] applicationInfo) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_SOP_CLASS_EXTENDED_NEGOTIATION; }

        @Override
        public boolean equals(Object o) {
            return o instanceof SopClassExtendedNegotiation s && s.sopClassUid.equals(sopClassUid)
                    && Arrays.equals(s.applicationInfo, applicationInfo);
        }

        @Override
        public int hashCode() {
            return sopClassUid.hashCode() * 31 + Arrays.hashCode(applicationInfo);
        }
    }

    record SopClassCommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
                                             List<String> relatedGeneralSopClassUids) implements UserInfoSubItem {
        public SopClassCommonExtendedNegotiation {
            relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
        }

        @Override
        public int type() { return TYPE_SOP_CLASS_COMMON_EXTENDED_NEGOTIATION; }
    }

    /** User identity negotiation request (PS3.7 D.3.3.7.1); identity type 1..5. */
    record UserIdentityRq(int identityType, boolean positiveResponseRequested, byte[] primaryField,
                          byte[] secondaryField) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_USER_IDENTITY_RQ; }

        @Override
        public boolean equals(Object o) {
            return o instanceof UserIdentityRq u && u.identityType == identityType
                    && u.positiveResponseRequested == positiveResponseRequested
                    && Arrays.equals(u.primaryField, primaryField) && Arrays.equals(u.secondaryField, secondaryField);
        }

        @Override
        public int hashCode() {
            return (identityType * 31 + Arrays.hashCode(primaryField)) * 31 + Arrays.hashCode(secondaryField);
        }
    }

    record UserIdentityAc(byte[] serverResponse) implements UserInfoSubItem {
        @Override
        public int type() { return TYPE_USER_IDENTITY_AC; }

        @Override
        public boolean equals(Object o) {
            return o instanceof UserIdentityAc u && Arrays.equals(u.serverResponse, serverResponse);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(serverResponse);
        }
    }

    /** A sub-item this implementation does not know: kept, never fatal (PS3.8 §9.3.1). */
    record Unknown(int type, byte[] value) implements UserInfoSubItem {
        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.value, value);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(value);
        }
    }
}
