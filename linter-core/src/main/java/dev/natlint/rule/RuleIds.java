package dev.natlint.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" for rule ids typed by hand in suppressions, settings and on the command line. */
public final class RuleIds {

    private RuleIds() {
    }

    /**
     * Up to three known ids close to {@code typed}: those within an edit distance of a third of the
     * longer id (at least 2), and those that contain it or that it contains, nearest first.
     */
    public static List<String> closeMatches(String typed, Collection<String> known) {
        record Candidate(String id, int distance) {
        }
        List<Candidate> out = new ArrayList<>();
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        for (String id : known) {
            int d = distance(t, id);
            boolean contained = t.length() >= 4 && (id.contains(t) || t.contains(id));
            if (d <= Math.max(2, Math.max(t.length(), id.length()) / 3) || contained) {
                out.add(new Candidate(id, d));
            }
        }
        return out.stream().sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id))
                .limit(3).map(Candidate::id).toList();
    }

    /** Levenshtein distance: the one measure of "close" for names a user may have mistyped. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
