package org.echoscu.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Markdown page of the project as the docs tests see it: its code blocks, the links of its
 * prose, and the anchors GitHub gives its headings. Just enough of CommonMark for our own pages
 * (ATX headings, fenced code blocks, inline code, inline links and link definitions), not a
 * general parser: a page that needs more should say so here first.
 */
final class Markdown {

    /** The pages the docs tests read: the ones at the top of the repository and all of docs/. */
    static List<Path> pages() {
        List<Path> out = new ArrayList<>();
        for (String top : List.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md")) {
            if (Files.exists(Path.of(top))) {
                out.add(Path.of(top));
            }
        }
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A fenced code block: its info string ("sh", "console", "" …) and its lines. */
    record CodeBlock(String info, int firstLine, List<String> lines) {
    }

    /** A link target of the prose, with the line it is on (1-based). */
    record Link(String target, int line) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    final Path path;
    final List<CodeBlock> codeBlocks = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final Set<String> anchors = new LinkedHashSet<>();

    Markdown(Path path) {
        this.path = path;
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        CodeBlock block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.matches()) {
                fence = f.group(1);
                block = new CodeBlock(f.group(2), i + 2, new ArrayList<>());
                codeBlocks.add(block);
                continue;
            }
            if (fence != null) {
                if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                } else {
                    block.lines().add(line);
                }
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String slug = slug(h.group(2));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                anchors.add(a.group(1));
            }
            String prose = INLINE_CODE.matcher(line).replaceAll("");
            Matcher d = DEFINITION.matcher(prose);
            if (d.matches()) {
                links.add(new Link(d.group(1), i + 1));
            }
            Matcher l = LINK.matcher(prose);
            while (l.find()) {
                links.add(new Link(l.group(1), i + 1));
            }
        }
    }

    /**
     * GitHub's anchor of a heading: the text as shown (code marks and link targets gone), in
     * lower case, every character that is not a letter, digit, space, hyphen or underscore
     * dropped, and each space a hyphen.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
