package com.emporium.e2e.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping
 * clauses, Grafana variables, numbers, functions (a name before {@code (}) and keywords are taken out. Good enough
 * for the expressions of this repository's rules and dashboards, which {@code promtool check rules} parses for real.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,()]+?)\\s*,\\s*\\w+\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String text = LABEL_VALUES.matcher(expression).replaceAll("$1");
        text = text.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", " ");
        text = text.replaceAll("\\{[^}]*}", " ");
        text = text.replaceAll("\\[[^]]*]", " ");
        text = text.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        text = text.replaceAll("\\$\\w+", " ");
        text = text.replaceAll("(?<![a-zA-Z0-9_:.])[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            String rest = text.substring(matcher.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
