package org.echoscu.exporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.echoscu.secret.Bcrypt;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code --web.config.file}: the {@code web-config.yml} of Prometheus's exporter-toolkit, so that
 * one file serves this exporter and Prometheus's own: {@code tls_server_config} (the server's
 * certificate and key, client certificates, the lowest TLS version), {@code basic_auth_users}
 * (user: bcrypt hash), {@code http_server_config.headers}. Read strictly, as the configuration
 * file is: an unknown key is an error with the file and line.
 *
 * @param tls      null: plain HTTP
 * @param users    user name to bcrypt hash; empty: no authentication
 * @param headers  added to every answer
 * @param hash     the file's SHA-256 (a rewrite with the same bytes is no change)
 */
record WebConfig(Tls tls, Map<String, String> users, Map<String, String> headers, String hash) {

    static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of(), "");

    /** The client certificate policies of exporter-toolkit (Go's tls.ClientAuthType names). */
    static final List<String> CLIENT_AUTH = List.of("NoClientCert", "RequestClientCert", "RequireAnyClientCert",
            "VerifyClientCertIfGiven", "RequireAndVerifyClientCert");

    /** exporter-toolkit's header names; others are refused, as there. */
    private static final Set<String> HEADERS = Set.of("Strict-Transport-Security", "X-Content-Type-Options",
            "X-Frame-Options", "X-XSS-Protection", "Content-Security-Policy");

    record Tls(String certFile, String keyFile, String clientAuthType, String clientCaFile, String minVersion,
               String maxVersion) {
    }

    static WebConfig load(Path path) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getClass().getSimpleName());
        }
        String file = path.toString();
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file).build())
                    .composeString(new String(bytes, StandardCharsets.UTF_8));
        } catch (MarkedYamlEngineException e) {
            throw new ConfigException(file + ":" + e.getProblemMark().map(m -> m.getLine() + 1).orElse(0) + ": "
                    + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        String hash = ConfigFile.sha256(bytes);
        if (root.isEmpty()) {
            return new WebConfig(null, Map.of(), Map.of(), hash);
        }
        Map<String, Node> top = map(file, root.get(), "", Set.of("tls_server_config", "basic_auth_users",
                "http_server_config"));
        Tls tls = null;
        if (top.containsKey("tls_server_config")) {
            Map<String, String> t = strings(file, top.get("tls_server_config"), "tls_server_config.", Set.of(
                    "cert_file", "key_file", "client_auth_type", "client_ca_file", "min_version", "max_version"));
            String auth = t.getOrDefault("client_auth_type", "NoClientCert");
            if (!CLIENT_AUTH.contains(auth)) {
                throw error(file, top.get("tls_server_config"), "tls_server_config.client_auth_type",
                        "must be one of " + String.join(", ", CLIENT_AUTH));
            }
            if (t.get("cert_file") == null || t.get("key_file") == null) {
                throw error(file, top.get("tls_server_config"), "tls_server_config", "cert_file and key_file are required");
            }
            if ((auth.startsWith("Verify") || auth.startsWith("RequireAndVerify")) && t.get("client_ca_file") == null) {
                throw error(file, top.get("tls_server_config"), "tls_server_config.client_ca_file",
                        "is required with " + auth);
            }
            for (String v : new String[] {"min_version", "max_version"}) {
                if (t.containsKey(v) && !t.get(v).matches("TLS1[0-3]")) {
                    throw error(file, top.get("tls_server_config"), "tls_server_config." + v, "must be TLS12 or TLS13");
                }
            }
            tls = new Tls(t.get("cert_file"), t.get("key_file"), auth, t.get("client_ca_file"),
                    t.getOrDefault("min_version", "TLS12"), t.get("max_version"));
        }
        Map<String, String> users = new LinkedHashMap<>();
        if (top.containsKey("basic_auth_users")) {
            Node n = top.get("basic_auth_users");
            users.putAll(strings(file, n, "basic_auth_users.", null));
            for (Map.Entry<String, String> u : users.entrySet()) {
                if (!Bcrypt.isHash(u.getValue())) {
                    throw error(file, n, "basic_auth_users." + u.getKey(), "is not a bcrypt hash (htpasswd -nBC 10 USER)");
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (top.containsKey("http_server_config")) {
            Map<String, Node> h = map(file, top.get("http_server_config"), "http_server_config.", Set.of("headers", "http2"));
            if (h.containsKey("headers")) {
                headers.putAll(strings(file, h.get("headers"), "http_server_config.headers.", HEADERS));
            }
        }
        return new WebConfig(tls, users, headers, hash);
    }

    private static Map<String, Node> map(String file, Node node, String where, Set<String> allowed) throws ConfigException {
        if (!(node instanceof MappingNode m)) {
            throw error(file, node, where.isEmpty() ? "the file" : where.substring(0, where.length() - 1),
                    "must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(file, t.getKeyNode(), where, "keys must be plain values");
            }
            if (allowed != null && !allowed.contains(k.getValue())) {
                throw error(file, k, where + k.getValue(), "unknown key");
            }
            if (out.put(k.getValue(), t.getValueNode()) != null) {
                throw error(file, k, where + k.getValue(), "given twice");
            }
        }
        return out;
    }

    private static Map<String, String> strings(String file, Node node, String where, Set<String> allowed)
            throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map(file, node, where, allowed).entrySet()) {
            if (!(e.getValue() instanceof ScalarNode s)) {
                throw error(file, e.getValue(), where + e.getKey(), "must be a single value");
            }
            out.put(e.getKey(), s.getValue());
        }
        return out;
    }

    private static ConfigException error(String file, Node node, String key, String what) {
        return new ConfigException(file + ":" + node.getStartMark().map(m -> m.getLine() + 1).orElse(0) + ": key '"
                + key + "': " + what);
    }
}
