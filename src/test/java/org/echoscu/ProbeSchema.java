package org.echoscu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * docs/echoscu-probe.schema.json, the versioned schema of {@code echoscu --format json}, and
 * a real JSON Schema validator (networknt, draft 2020-12): every JSON a test produces goes
 * through {@link #validLines}.
 */
public final class ProbeSchema {

    private static final Path FILE = Path.of(System.getProperty("user.dir"), "docs", "echoscu-probe.schema.json");
    private static final Schema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeSchema() {
    }

    private static Schema load() {
        return load(FILE);
    }

    private static Schema load(Path file) {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors the validator finds in one JSON text; empty when it is valid. */
    public static List<String> errors(String json) {
        return errors(SCHEMA, json);
    }

    private static List<String> errors(Schema schema, String json) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(json, InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    /**
     * Checks that {@code jsonLines} is JSON Lines whose every line the schema accepts, and
     * returns the lines parsed.
     */
    public static List<JsonNode> validLines(String jsonLines) {
        return validLines(SCHEMA, jsonLines);
    }

    /** As {@link #validLines(String)}, against another schema file of docs/ (the --peer-info report's). */
    public static List<JsonNode> validLines(String jsonLines, String docsSchemaFile) {
        return validLines(load(FILE.resolveSibling(docsSchemaFile)), jsonLines);
    }

    private static List<JsonNode> validLines(Schema schema, String jsonLines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            assertThat(errors(schema, line)).as("schema errors in %s", line).isEmpty();
            nodes.add(JSON.readTree(line));
        }
        assertThat(nodes).as("JSON lines in %s", jsonLines).isNotEmpty();
        return nodes;
    }
}
