package org.echoscu.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User information item (PS3.8 §9.3.2.3, item type 50H) and its sub-items (PS3.7 Annex D.3.3).
 * Sub-items keep the order they arrived in, including ones we do not know.
 */
public record UserInformation(List<UserInfoSubItem> subItems) {

    public UserInformation {
        subItems = List.copyOf(subItems);
    }

    public static UserInformation of(UserInfoSubItem... items) {
        return new UserInformation(List.of(items));
    }

    /** The maximum length received, 0 (unlimited) when the sub-item is absent. */
    public long maxLength() {
        UserInfoSubItem.MaxLength m = first(UserInfoSubItem.MaxLength.class);
        return m == null ? 0L : m.value();
    }

    public String implementationClassUid() {
        UserInfoSubItem.ImplementationClassUid c = first(UserInfoSubItem.ImplementationClassUid.class);
        return c == null ? "" : c.uid();
    }

    public String implementationVersionName() {
        UserInfoSubItem.ImplementationVersionName v = first(UserInfoSubItem.ImplementationVersionName.class);
        return v == null ? "" : v.name();
    }

    public <T extends UserInfoSubItem> Optional<T> find(Class<T> kind) {
        return Optional.ofNullable(first(kind));
    }

    public <T extends UserInfoSubItem> List<T> all(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (UserInfoSubItem item : subItems) {
            if (kind.isInstance(item)) {
                out.add(kind.cast(item));
            }
        }
        return List.copyOf(out);
    }

    /** The first sub-item of a kind, or null (a loop, not a stream: this runs on every association). */
    private <T extends UserInfoSubItem> T first(Class<T> kind) {
        for (UserInfoSubItem item : subItems) {
            if (kind.isInstance(item)) {
                return kind.cast(item);
            }
        }
        return null;
    }
}
