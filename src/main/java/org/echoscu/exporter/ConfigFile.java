package org.echoscu.exporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.echoscu.acse.AeTitles;
import org.echoscu.acse.AssociationProposal;
import org.echoscu.acse.SopClassNames;
import org.echoscu.acse.TransferSyntax;
import org.echoscu.acse.Uids;
import org.echoscu.net.IpFamily;
import org.echoscu.tls.TlsProfile;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the configuration file strictly: YAML (SnakeYAML Engine's node tree, which keeps each
 * node's line), then every key checked against what it may be. An unknown key, a value of the
 * wrong type or out of range is a {@link ConfigException} naming the file, the line and the key.
 * No secret is ever in the file: passwords come from the files it names.
 */
public final class ConfigFile {

    private static final Set<String> TOP = Set.of("modules", "allowed_targets");
    private static final Set<String> MODULE = Set.of("calling_ae", "timeout", "ip_family", "max_pdu",
            "transfer_syntaxes", "tls", "user_identity", "proxy", "peer_info", "peer_info_sop_classes");
    /** The most SOP classes a peer report proposes besides Verification: each takes up to 181 contexts. */
    static final int MAX_PEER_INFO_SOP_CLASSES = 16;
    private static final Set<String> TLS = Set.of("enabled", "ca_file", "cert_file", "key_file", "key_password_file",
            "profile", "server_name", "check_hostname");
    private static final Set<String> IDENTITY = Set.of("type", "username", "password_file");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private final String file;

    private ConfigFile(String file) {
        this.file = file;
    }

    /** The configuration in {@code path}. */
    public static ExporterConfig load(Path path) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return new ConfigFile(path.toString()).parse(new String(bytes, StandardCharsets.UTF_8), sha256(bytes));
    }

    /** The configuration in {@code text}, named {@code name} in errors (tests). */
    static ExporterConfig parseText(String name, String text) throws ConfigException {
        return new ConfigFile(name).parse(text, sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of the file's bytes: an unchanged file is not reloaded. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private ExporterConfig parse(String text, String hash) throws ConfigException {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build())
                    .composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigException(file + ":" + line(e.getProblemMark()) + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        if (root.isEmpty()) {
            throw new ConfigException(file + ":1: the file is empty; it needs 'modules'");
        }
        Map<String, NodeTuple> top = mapping(root.get(), "the file", TOP);
        NodeTuple modulesNode = top.get("modules");
        if (modulesNode == null) {
            throw new ConfigException(file + ":" + line(root.get()) + ": key 'modules' is missing");
        }
        Map<String, Module> modules = new LinkedHashMap<>();
        MappingNode m = asMapping(modulesNode.getValueNode(), "modules");
        for (NodeTuple t : m.getValue()) {
            String name = scalar(t.getKeyNode(), "modules");
            if (modules.containsKey(name)) {
                throw error(t.getKeyNode(), "modules." + name, "given twice");
            }
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw error(t.getKeyNode(), "modules", "module name '" + name + "' must be letters, digits, '_', '.', '-'");
            }
            modules.put(name, module(name, t.getValueNode()));
        }
        if (modules.isEmpty()) {
            throw error(modulesNode.getValueNode(), "modules", "no module defined");
        }
        List<String> allowed = new ArrayList<>();
        NodeTuple at = top.get("allowed_targets");
        AllowedTargets targets = AllowedTargets.of(List.of());
        if (at != null) {
            if (!(at.getValueNode() instanceof SequenceNode seq)) {
                throw error(at.getValueNode(), "allowed_targets", "must be a list of strings");
            }
            for (Node n : seq.getValue()) {
                String entry = scalar(n, "allowed_targets");
                try {
                    AllowedTargets.of(List.of(entry));
                } catch (IllegalArgumentException e) {
                    throw error(n, "allowed_targets", e.getMessage());
                }
                allowed.add(entry);
            }
            targets = AllowedTargets.of(allowed);
        }
        return new ExporterConfig(modules, targets, text, hash);
    }

    private Module module(String name, Node node) throws ConfigException {
        String where = "modules." + name;
        Map<String, NodeTuple> keys = node instanceof ScalarNode s && s.getValue().isEmpty() ? Map.of()
                : mapping(node, where, MODULE);
        Module d = Module.builtIn();
        String calling = keys.containsKey("calling_ae") ? scalar(keys.get("calling_ae").getValueNode(), where + ".calling_ae")
                : d.callingAe();
        if (keys.containsKey("calling_ae")) {
            String problem = AeTitles.problem(calling);
            if (problem != null) {
                throw error(keys.get("calling_ae").getValueNode(), where + ".calling_ae", "AE title " + problem);
            }
        }
        Duration timeout = keys.containsKey("timeout") ? duration(keys.get("timeout").getValueNode(), where + ".timeout")
                : d.timeout();
        IpFamily family = d.family();
        if (keys.containsKey("ip_family")) {
            Node n = keys.get("ip_family").getValueNode();
            family = switch (scalar(n, where + ".ip_family")) {
                case "ip4" -> IpFamily.IPV4;
                case "ip6" -> IpFamily.IPV6;
                case "auto" -> IpFamily.AUTO;
                default -> throw error(n, where + ".ip_family", "must be ip4, ip6 or auto");
            };
        }
        long maxPdu = keys.containsKey("max_pdu")
                ? integer(keys.get("max_pdu").getValueNode(), where + ".max_pdu", 4096, 131072) : d.maxPdu();
        Module.TransferSyntaxes syntaxes = keys.containsKey("transfer_syntaxes")
                ? transferSyntaxes(keys.get("transfer_syntaxes").getValueNode(), where + ".transfer_syntaxes")
                : d.transferSyntaxes();
        Module.TlsModule tls = keys.containsKey("tls") ? tls(keys.get("tls").getValueNode(), where + ".tls") : null;
        Module.Identity identity = keys.containsKey("user_identity")
                ? identity(keys.get("user_identity").getValueNode(), where + ".user_identity") : null;
        String proxy = null;
        if (keys.containsKey("proxy")) {
            Node n = keys.get("proxy").getValueNode();
            proxy = scalar(n, where + ".proxy");
            if (!proxy.matches("(http|socks5)://[^@/]+:\\d+")) {
                throw error(n, where + ".proxy", "must be http://HOST:PORT or socks5://HOST:PORT (no credentials in the file)");
            }
        }
        boolean peerInfo = keys.containsKey("peer_info") ? bool(keys.get("peer_info").getValueNode(), where + ".peer_info")
                : d.peerInfo();
        List<String> sopClasses = d.peerInfoSopClasses();
        if (keys.containsKey("peer_info_sop_classes")) {
            Node n = keys.get("peer_info_sop_classes").getValueNode();
            if (!peerInfo) {
                throw error(n, where + ".peer_info_sop_classes", "goes with peer_info: true only");
            }
            sopClasses = sopClasses(n, where + ".peer_info_sop_classes");
        }
        return new Module(name, calling, timeout, family, maxPdu, syntaxes, tls, identity, proxy, peerInfo, sopClasses);
    }

    /** {@code peer_info_sop_classes}: UIDs or known names (as echoscu's --probe-sop), each once, Verification implied. */
    private List<String> sopClasses(Node node, String where) throws ConfigException {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, where, "must be a list of SOP class UIDs or names");
        }
        if (seq.getValue().isEmpty() || seq.getValue().size() > MAX_PEER_INFO_SOP_CLASSES) {
            throw error(node, where, "must list 1.." + MAX_PEER_INFO_SOP_CLASSES + " SOP classes");
        }
        List<String> uids = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String given = scalar(n, where);
            String uid = SopClassNames.resolve(given);
            if (uid == null) {
                throw error(n, where, "'" + given + "' is neither a UID nor a known name (echoscu --probe-sop list)");
            }
            if (uid.equals(Uids.VERIFICATION_SOP_CLASS)) {
                throw error(n, where, "Verification is always proposed; leave it out");
            }
            if (uids.contains(uid)) {
                throw error(n, where, "SOP class " + uid + " is given twice");
            }
            uids.add(uid);
        }
        return uids;
    }

    /**
     * {@code transfer_syntaxes}: a count of echoscu's -pts table, or a list of UIDs proposed in
     * that order. Each entry must be a UID (PS3.5 §9.1); one we do not know is allowed, since a
     * peer may take a private or newer syntax, but not twice, and the list not empty.
     */
    private Module.TransferSyntaxes transferSyntaxes(Node node, String where) throws ConfigException {
        int table = TransferSyntax.values().length;
        if ((node instanceof ScalarNode s && !s.getValue().matches("-?\\d+")) || node instanceof MappingNode) {
            throw error(node, where, "must be a count 1.." + table + " or a list of transfer syntax UIDs");
        }
        if (!(node instanceof SequenceNode seq)) {
            return Module.TransferSyntaxes.first((int) integer(node, where, 1, table));
        }
        if (seq.getValue().isEmpty()) {
            throw error(node, where, "the list is empty: give at least one transfer syntax UID, or a count 1.." + table);
        }
        if (seq.getValue().size() > AssociationProposal.MAX_TRANSFER_SYNTAXES) {
            throw error(node, where, "at most " + AssociationProposal.MAX_TRANSFER_SYNTAXES + " transfer syntaxes");
        }
        List<String> uids = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String uid = scalar(n, where);
            if (!Uids.isUid(uid)) {
                throw error(n, where, "'" + uid + "' is not a UID (digits and single dots, no leading zero, "
                        + "at most 64 characters)");
            }
            if (uids.contains(uid)) {
                throw error(n, where, "transfer syntax " + uid + " is given twice");
            }
            uids.add(uid);
        }
        return Module.TransferSyntaxes.list(uids);
    }

    private Module.TlsModule tls(Node node, String where) throws ConfigException {
        Map<String, NodeTuple> k = mapping(node, where, TLS);
        if (k.containsKey("enabled") && !bool(k.get("enabled").getValueNode(), where + ".enabled")) {
            return null;
        }
        String profile = optional(k, "profile", where);
        if (profile != null) {
            boolean known = false;
            for (TlsProfile p : TlsProfile.values()) {
                known |= profileName(p).equals(profile);
            }
            if (!known) {
                throw error(k.get("profile").getValueNode(), where + ".profile",
                        "unknown profile (bcp195-nd, bcp195, bcp195-ex, 8996, 8996-mod, basic, aes)");
            }
        }
        String cert = optional(k, "cert_file", where);
        String key = optional(k, "key_file", where);
        if ((cert == null) != (key == null)) {
            throw error(node, where, "cert_file and key_file go together");
        }
        return new Module.TlsModule(optional(k, "ca_file", where), cert, key, optional(k, "key_password_file", where),
                profile, optional(k, "server_name", where),
                k.containsKey("check_hostname") && bool(k.get("check_hostname").getValueNode(), where + ".check_hostname"));
    }

    /** A profile's name in the file: its echoscu long option without {@code --profile-}. */
    static String profileName(TlsProfile p) {
        return p.longOption().substring("--profile-".length());
    }

    private Module.Identity identity(Node node, String where) throws ConfigException {
        Map<String, NodeTuple> k = mapping(node, where, IDENTITY);
        String username = optional(k, "username", where);
        if (username == null) {
            throw error(node, where, "key 'username' is missing");
        }
        String type = k.containsKey("type") ? scalar(k.get("type").getValueNode(), where + ".type") : "username";
        if (!type.equals("username") && !type.equals("username_password")) {
            throw error(k.get("type").getValueNode(), where + ".type", "must be username or username_password");
        }
        String passwordFile = optional(k, "password_file", where);
        if (type.equals("username_password") != (passwordFile != null)) {
            throw error(node, where, "password_file is needed with type username_password, and only then");
        }
        return new Module.Identity(type, username, passwordFile);
    }

    private String optional(Map<String, NodeTuple> k, String key, String where) throws ConfigException {
        return k.containsKey(key) ? scalar(k.get(key).getValueNode(), where + "." + key) : null;
    }

    private Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed) throws ConfigException {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : asMapping(node, where).getValue()) {
            String key = scalar(t.getKeyNode(), where);
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), where.equals("the file") ? key : where + "." + key,
                        "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            if (out.put(key, t) != null) {
                throw error(t.getKeyNode(), where.equals("the file") ? key : where + "." + key, "given twice");
            }
        }
        return out;
    }

    private MappingNode asMapping(Node node, String where) throws ConfigException {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw error(node, where, "must be a mapping of keys to values");
    }

    private String scalar(Node node, String where) throws ConfigException {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(node, where, "must be a single value, not a list or mapping");
    }

    private boolean bool(Node node, String where) throws ConfigException {
        return switch (scalar(node, where)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, where, "must be true or false");
        };
    }

    private long integer(Node node, String where, long min, long max) throws ConfigException {
        String s = scalar(node, where);
        try {
            long v = Long.parseLong(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            throw error(node, where, "must be a whole number, not '" + s + "'");
        }
        throw error(node, where, "must be " + min + ".." + max);
    }

    /** Prometheus's durations: {@code 5s}, {@code 500ms}, {@code 1m30s}. */
    private Duration duration(Node node, String where) throws ConfigException {
        String s = scalar(node, where);
        Duration d = parseDuration(s);
        if (d == null || d.isZero()) {
            throw error(node, where, "must be a duration above zero such as 5s, 500ms or 1m30s, not '" + s + "'");
        }
        return d;
    }

    static Duration parseDuration(String s) {
        Matcher m = DURATION_PART.matcher(s);
        Duration d = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            double v = Double.parseDouble(m.group(1));
            double nanos = v * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            d = d.plusNanos((long) nanos);
            at = m.end();
        }
        return at == s.length() && at > 0 ? d : null;
    }

    private ConfigException error(Node node, String key, String what) {
        return new ConfigException(file + ":" + line(node) + ": key '" + key + "': " + what);
    }

    private static int line(Node node) {
        return line(node.getStartMark());
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }
}
