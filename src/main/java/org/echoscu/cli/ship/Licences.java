package org.echoscu.cli.ship;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The licence file of every bundled library, at build time (pom.xml, prepare-package): for
 * each jar Maven copied with its POM (in repository layout), the licences its POM or the POM's
 * parents declare, named by SPDX id (src/ship/licenses/names.tsv, or the name itself when it
 * is an id), followed by the texts of those ids (src/ship/licenses/ID.txt) and any licence
 * file the jar carries. A licence without an id or a text fails the build: nothing ships
 * without its licence. Arguments: the copied dependencies, the local Maven repository (for
 * parent POMs), the licence texts, the output directory.
 */
public final class Licences {

    private record Library(String group, String artifact, String version, Path jar, Path pom) {
    }

    private record Licence(String name, String url, String spdx) {
    }

    private Licences() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Licences DEPENDENCIES LOCAL_REPOSITORY TEXTS OUTPUT_DIR");
        }
        Path deps = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        Path texts = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Map<String, String> names = names(texts.resolve("names.tsv"));
        Files.createDirectories(out);
        StringBuilder index = new StringBuilder("Libraries bundled with echoscu and echoscp, and their licences\n"
                + "(from each library's POM; the texts follow in the file named after the library).\n\n");
        for (Library lib : libraries(deps)) {
            List<Licence> licences = licences(lib.pom(), repository, names);
            if (licences.isEmpty()) {
                throw new IllegalStateException("no licence declared by " + lib.pom() + " or its parents");
            }
            String file = lib.artifact() + "-" + lib.version() + ".txt";
            StringBuilder sb = new StringBuilder();
            sb.append(lib.group()).append(':').append(lib.artifact()).append(':').append(lib.version())
                    .append(" (lib/").append(lib.jar().getFileName()).append(")\n");
            index.append(String.format("%-50s %s%n", lib.group() + ":" + lib.artifact() + ":" + lib.version(), file));
            for (Licence l : licences) {
                sb.append("Licence: ").append(l.name()).append(l.url().isEmpty() ? "" : " <" + l.url() + ">")
                        .append(" (SPDX: ").append(l.spdx()).append(")\n");
                index.append("    ").append(l.spdx()).append('\n');
            }
            sb.append("Source of this information: the library's POM in Maven Central");
            sb.append(licences.size() > 1 ? "; the library is offered under each of these licences, at your choice.\n"
                    : ".\n");
            String own = ownLicence(lib.jar());
            if (own != null) {
                sb.append("\n==== the licence file in the library's jar\n\n").append(own.stripTrailing()).append('\n');
            }
            Set<String> done = new LinkedHashSet<>();
            for (Licence l : licences) {
                if (done.add(l.spdx())) {
                    Path text = texts.resolve(l.spdx() + ".txt");
                    if (!Files.isRegularFile(text)) {
                        throw new IllegalStateException("no text for licence " + l.spdx() + " of " + lib.artifact()
                                + ": add " + text);
                    }
                    sb.append("\n==== ").append(l.spdx()).append(" (text of the SPDX License List)\n\n")
                            .append(Files.readString(text, StandardCharsets.UTF_8).stripTrailing()).append('\n');
                }
            }
            Files.writeString(out.resolve(file), sb.toString(), StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("README"), index.toString(), StandardCharsets.UTF_8);
        // the Debian package's copyright file: ours, where Debian keeps the common licences, then the index
        String head = Files.readString(texts.resolve("copyright.head"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("copyright"), head + "\n" + index, StandardCharsets.UTF_8);
    }

    /** The jars copied in repository layout (group/path/artifact/version/artifact-version.jar), each beside its POM. */
    private static List<Library> libraries(Path deps) throws IOException {
        Map<String, Library> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(deps)) {
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar"))::iterator) {
                Path versionDir = jar.getParent();
                Path artifactDir = versionDir.getParent();
                String version = versionDir.getFileName().toString();
                String artifact = artifactDir.getFileName().toString();
                String group = deps.relativize(artifactDir.getParent()).toString().replace('/', '.');
                Path pom = versionDir.resolve(artifact + "-" + version + ".pom");
                if (!Files.isRegularFile(pom)) {
                    throw new IllegalStateException("no POM beside " + jar);
                }
                found.put(artifact, new Library(group, artifact, version, jar, pom));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The licences of a POM, or of its nearest parent that declares any. */
    private static List<Licence> licences(Path pom, Path repository, Map<String, String> names) throws Exception {
        Element project = parse(pom);
        List<Licence> out = new ArrayList<>();
        Element licenses = child(project, "licenses");
        if (licenses != null) {
            for (Node n = licenses.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("license")) {
                    String name = text(e, "name");
                    String url = text(e, "url");
                    out.add(new Licence(name, url, spdx(name, url, names, pom)));
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        Element parent = child(project, "parent");
        if (parent == null) {
            return out;
        }
        String group = text(parent, "groupId");
        String artifact = text(parent, "artifactId");
        String version = text(parent, "version");
        Path parentPom = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        return licences(parentPom, repository, names);
    }

    private static String spdx(String name, String url, Map<String, String> names, Path pom) {
        String id = names.get(name.toLowerCase(Locale.ROOT));
        if (id == null) {
            id = names.get(url.toLowerCase(Locale.ROOT));
        }
        if (id == null && name.matches("[A-Za-z0-9.+-]+")) {
            id = name; // already an SPDX id
        }
        if (id == null) {
            throw new IllegalStateException("licence '" + name + "' of " + pom + " has no SPDX id in names.tsv");
        }
        return id;
    }

    private static Map<String, String> names(Path tsv) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (!line.startsWith("#") && f.length == 2) {
                m.put(f[0].trim().toLowerCase(Locale.ROOT), f[1].trim());
            }
        }
        return m;
    }

    /** A licence file the jar carries itself (META-INF/LICENSE, LICENSE.txt, ...), or null. */
    private static String ownLicence(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName().toUpperCase(Locale.ROOT);
                if (n.startsWith("META-INF/LICENSE") && !e.isDirectory()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }
}
