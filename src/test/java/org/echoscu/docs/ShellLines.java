package org.echoscu.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a code block, split into words as a POSIX shell would for the simple
 * cases our docs show: quotes, comments, the operators ; | & && || and redirections (whose
 * targets are no argument). No expansion: $HOST stays a word.
 */
final class ShellLines {

    record Line(int number, String text) {
    }

    private ShellLines() {
    }

    /**
     * The command lines of a block: in a block that shows a terminal (a line begins with "$ "),
     * the lines after the prompt only (the others are output); otherwise every line. A line
     * ending in a backslash goes on in the next.
     */
    static List<Line> commands(Markdown.CodeBlock block) {
        boolean prompt = block.lines().stream().anyMatch(l -> l.startsWith("$ "));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            if (prompt && !line.startsWith("$ ")) {
                continue;
            }
            int number = block.firstLine() + i;
            StringBuilder text = new StringBuilder(prompt ? line.substring(2) : line);
            while (text.toString().endsWith("\\") && i + 1 < block.lines().size()) {
                text.setLength(text.length() - 1);
                text.append(block.lines().get(++i).strip());
            }
            out.add(new Line(number, text.toString().strip()));
        }
        return out;
    }

    /** Words that run the command after them: a shell's, and a Nagios command definition's. */
    private static final java.util.Set<String> WRAPPERS = java.util.Set.of("sudo", "exec", "time", "nohup", "env",
            "command_line");

    /**
     * Where the command of a simple command is: its first word after variable assignments and
     * wrappers. (So that a name of ours given as an argument, update-alternatives' for one, is not
     * taken for the command.)
     */
    static int commandWord(List<String> words) {
        int i = 0;
        while (i < words.size() && (words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*") || WRAPPERS.contains(words.get(i)))) {
            i++;
        }
        return i;
    }

    /** The simple commands of a line, each as its words. */
    static List<List<String>> simpleCommands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean skipNext = false; // the next word is a redirection's target
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    end = n;
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '\\' && i + 1 < n) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '>' || c == '<'
                    || (c == '#' && word == null)) {
                if (c == '#') {
                    break;
                }
                if ((c == '>' || c == '<') && word != null && word.toString().matches("\\d+")) {
                    word = null; // 2>: the descriptor's number is no word
                }
                if (word != null) {
                    if (skipNext) {
                        skipNext = false;
                    } else {
                        words.add(word.toString());
                    }
                    word = null;
                }
                if (c == '>' || c == '<') {
                    while (i + 1 < n && (line.charAt(i + 1) == '>' || line.charAt(i + 1) == '&')) {
                        i++;
                    }
                    skipNext = true;
                } else if (c == ';' || c == '|' || c == '&') {
                    if (!words.isEmpty()) {
                        commands.add(words);
                    }
                    words = new ArrayList<>();
                    skipNext = false;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null && !skipNext) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }
}
