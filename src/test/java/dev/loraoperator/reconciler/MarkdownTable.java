package dev.loraoperator.reconciler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Markdown table as text: written from rows of cells, and read back into rows keyed by their first two cells. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder(line(header));
        text.append(line(header.stream().map(h -> "---").toList()));
        rows.forEach(row -> text.append(line(row)));
        return text.toString();
    }

    /** The data rows of a table (header and separator skipped), by "first cell × second cell". */
    static Map<String, List<String>> rowsByKey(String table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = table.lines().map(String::strip).filter(l -> l.startsWith("|")).toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            List<String> cells = cells(line);
            rows.put(key(cells), cells);
        }
        return rows;
    }

    static String key(List<String> cells) {
        return cells.get(0) + " × " + cells.get(1);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
