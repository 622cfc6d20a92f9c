package org.echoscu.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK's command files: an argument {@code @file} is replaced by the whitespace-separated
 * words of that file, double quotes grouping words. Written here rather than left to
 * picocli's own @-file support because DCMTK's rule differs: a command file may not name
 * another one (picocli expands recursively), and --arguments must log the expanded list.
 * DCMTK expands every word, option values included; we keep that for DCMTK's options, but the
 * values of our own options ({@link OptionTable#ours()}) are never command files: Monitoring
 * Plugins' ranges start with {@code @} ({@code --warning @0:1}).
 */
public final class CommandFiles {

    private CommandFiles() {
    }

    public static List<String> expand(String[] args, OptionTable table) throws UsageException {
        List<String> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int values = literalValues(table, arg);
            if (values > 0) { // our option: its values go as they are
                out.add(arg);
                for (int k = 0; k < values && i + 1 < args.length; k++) {
                    out.add(args[++i]);
                }
            } else if (isCommandFile(arg)) {
                String file = arg.substring(1);
                List<String> words = words(file);
                for (int j = 0; j < words.size(); j++) {
                    String word = words.get(j);
                    int v = literalValues(table, word);
                    if (isCommandFile(word)) {
                        throw new UsageException("Command file '" + file + "' names another command file ("
                                + word + "), which is not allowed");
                    }
                    out.add(word);
                    for (int k = 0; k < v && j + 1 < words.size(); k++) {
                        out.add(words.get(++j));
                    }
                }
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    private static boolean isCommandFile(String word) {
        return word.length() > 1 && word.charAt(0) == '@';
    }

    /** How many values follow {@code word} that are not to be expanded: the arity of one of our options, else 0. */
    private static int literalValues(OptionTable table, String word) {
        if (word.isEmpty() || (word.charAt(0) != '-' && word.charAt(0) != '+')) {
            return 0;
        }
        OptionTable.Opt o = table.lookup(word);
        return o != null && table.literalValues(o) ? o.arity() : 0;
    }

    static List<String> words(String file) throws UsageException {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("Cannot open command file '" + file + "'");
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
