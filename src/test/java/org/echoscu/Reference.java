package org.echoscu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK's captured output the tests compare against, from {@code src/test/resources/reference}
 * (its README says where and how each file was captured), read from the class path so a clone
 * of the project alone has them.
 */
public final class Reference {

    private Reference() {
    }

    /** The lines of {@code reference/NAME}, e.g. {@code dcmtk-3.6.7/help.txt}. */
    public static List<String> lines(String name) {
        String resource = "/reference/" + name;
        try (InputStream in = Reference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1); // the final newline ends the last line, it adds none
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
