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
 */
public final class CommandFiles {

    private CommandFiles() {
    }

    public static List<String> expand(String[] args) throws UsageException {
        List<String> out = new ArrayList<>(args.length);
        for (String arg : args) {
            if (arg.length() > 1 && arg.charAt(0) == '@') {
                String file = arg.substring(1);
                for (String word : words(file)) {
                    if (word.length() > 1 && word.charAt(0) == '@') {
                        throw new UsageException("Command file '" + file + "' names another command file ("
                                + word + "), which is not allowed");
                    }
                    out.add(word);
                }
            } else {
                out.add(arg);
            }
        }
        return out;
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
