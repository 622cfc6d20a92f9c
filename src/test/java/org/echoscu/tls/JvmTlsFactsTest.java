package org.echoscu.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What JSSE answered is kept per JVM, and asked again only when the file cannot answer. */
class JvmTlsFactsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(JvmTlsFacts.PROPERTY);
    }

    @Test
    void answersKeptInTheFileAreNotAskedAgain() throws Exception {
        Path file = dir.resolve("java-tls.facts");
        System.setProperty(JvmTlsFacts.PROPERTY, file.toString());

        JvmTlsFacts first = JvmTlsFacts.open();
        List<String> supported = first.supportedSuites();
        boolean sends = first.sends("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(first.askedJsse()).isTrue();
        assertThat(supported).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(sends).isTrue();
        first.save();

        JvmTlsFacts second = JvmTlsFacts.open();
        assertThat(second.supportedSuites()).isEqualTo(supported);
        assertThat(second.sends("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isTrue();
        assertThat(second.askedJsse()).as("answered from the file").isFalse();

        assertThat(second.sends("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")).isTrue();
        assertThat(second.askedJsse()).as("a question the file cannot answer").isTrue();
    }

    @Test
    void aFileOfAnotherJvmOrOtherSettingsIsNotBelieved() throws Exception {
        Path file = dir.resolve("java-tls.facts");
        Files.writeString(file, "/some/other/jdk|17.0.1|SSLv3\nsupported TLS_MADE_UP\nsends TLSv1.2 TLS_MADE_UP true\n");
        System.setProperty(JvmTlsFacts.PROPERTY, file.toString());
        JvmTlsFacts facts = JvmTlsFacts.open();
        assertThat(facts.supportedSuites()).doesNotContain("TLS_MADE_UP");
        assertThat(facts.askedJsse()).isTrue();
        facts.save();
        assertThat(Files.readString(file)).doesNotContain("TLS_MADE_UP").startsWith(System.getProperty("java.home"));
    }

    @Test
    void anEditedSecurityPropertiesFileMakesAnotherKey() throws Exception {
        Path extra = dir.resolve("extra.security");
        String jvmOnly = JvmTlsFacts.key();
        System.setProperty("java.security.properties", extra.toString());
        try {
            Files.writeString(extra, "jdk.tls.disabledAlgorithms=SSLv3\n");
            String withFile = JvmTlsFacts.key();
            Files.writeString(extra, "jdk.tls.disabledAlgorithms=SSLv3, TLSv1\n");
            assertThat(withFile).isNotEqualTo(jvmOnly);
            assertThat(JvmTlsFacts.key()).as("the same file, edited").isNotEqualTo(withFile);
        } finally {
            System.clearProperty("java.security.properties");
        }
        assertThat(JvmTlsFacts.key()).isEqualTo(jvmOnly);
    }

    @Test
    void withoutTheSettingNothingIsWritten() throws Exception {
        JvmTlsFacts facts = JvmTlsFacts.open();
        facts.supportedSuites();
        facts.save();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
