package org.echoscu.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every relative link and #anchor in README.md, CONTRIBUTING.md, CHANGELOG.md and docs/ leads somewhere. */
class DocLinksTest {

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        Map<Path, Markdown> pages = new HashMap<>();
        for (Path p : Markdown.pages()) {
            pages.put(p.toAbsolutePath().normalize(), new Markdown(p));
        }
        Path root = Path.of("").toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Markdown page : pages.values()) {
            for (Markdown.Link link : page.links) {
                String target = link.target();
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) { // https:, mailto: …: not ours to check
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page.path.toAbsolutePath().normalize()
                        : page.path.toAbsolutePath().getParent().resolve(file).normalize();
                String where = page.path + ":" + link.line() + ": " + target;
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null) {
                    Markdown linked = pages.get(resolved);
                    if (linked == null) {
                        broken.add(where + " (an anchor into a file that is no Markdown page of ours)");
                    } else if (!linked.anchors.contains(anchor)) {
                        broken.add(where + " (no heading makes #" + anchor + ")");
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(10);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsAsGitHubMakesThem() {
        assertThat(Markdown.slug("TLS host names (`--check-hostname`)")).isEqualTo("tls-host-names---check-hostname");
        assertThat(Markdown.slug("DCMTK 3.7.0")).isEqualTo("dcmtk-370");
        assertThat(Markdown.slug("Nagios / Icinga: `--format nagios`")).isEqualTo("nagios--icinga---format-nagios");
        assertThat(Markdown.slug("[0.1.0] - 2026-12-01")).isEqualTo("010---2026-12-01");
        assertThat(Markdown.slug("See [the docs](README.md)")).isEqualTo("see-the-docs");
    }
}
