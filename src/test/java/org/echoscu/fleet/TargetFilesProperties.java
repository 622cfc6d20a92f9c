package org.echoscu.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a targets file holds, reading it ends in targets or in our own format error, nothing else. */
class TargetFilesProperties {

    @Provide
    Arbitrary<String> jsonishNoise() {
        return Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "//", "/*", "*/", "\n", " ", "1", "-", "e",
                        "true", "null", "\"DicomModalities\"", "\"AET\"", "\"Host\"", "\"Port\"", "\"x\"", "104",
                        "\\u00", "\"127.0.0.1\"", "99999")
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> lineNoise() {
        return Arbitraries.of("AE", "@", ":", "[", "]", "::1", "host", "104", "#", " ", "\t", "\n", "\r\n", "0",
                        "65536", "-", "x".repeat(17))
                .list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void orthancReaderEndsInTargetsOrItsOwnError(@ForAll("jsonishNoise") String text) {
        readEitherWay(() -> TargetFiles.orthanc(text));
    }

    @Property(tries = 2000)
    void lineReaderEndsInTargetsOrItsOwnError(@ForAll("lineNoise") String text) {
        readEitherWay(() -> TargetFiles.lines(text));
    }

    @Property(tries = 500)
    void anyStringAtAll(@ForAll String text) {
        readEitherWay(() -> TargetFiles.orthanc(text));
        readEitherWay(() -> TargetFiles.lines(text));
    }

    private interface Read {
        List<TargetSpec> run() throws TargetFormatException;
    }

    private static void readEitherWay(Read read) {
        try {
            for (TargetSpec t : read.run()) {
                assertThat(t.port()).isBetween(1, 65535);
                assertThat(t.host()).isNotEmpty();
            }
        } catch (TargetFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
