package org.echoscu.pdu;

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
        return find(UserInfoSubItem.MaxLength.class).map(UserInfoSubItem.MaxLength::value).orElse(0L);
    }

    public String implementationClassUid() {
        return find(UserInfoSubItem.ImplementationClassUid.class)
                .map(UserInfoSubItem.ImplementationClassUid::uid).orElse("");
    }

    public String implementationVersionName() {
        return find(UserInfoSubItem.ImplementationVersionName.class)
                .map(UserInfoSubItem.ImplementationVersionName::name).orElse("");
    }

    public <T extends UserInfoSubItem> Optional<T> find(Class<T> kind) {
        return subItems.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    public <T extends UserInfoSubItem> List<T> all(Class<T> kind) {
        return subItems.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
