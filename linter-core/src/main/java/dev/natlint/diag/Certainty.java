package dev.natlint.diag;

import java.util.Collection;
import java.util.Locale;

/** How sure a verdict is: decided exactly, decided under stated assumptions, or not decidable. */
public enum Certainty {
    /** every stage the verdict depends on was analysed */
    EXACT,
    /** the verdict holds if the listed assumptions hold (an unmodelled matcher assumed to match, ...) */
    ASSUMED,
    /** natlint could not decide (the analysis budget ran out, ...) */
    UNKNOWN;

    /** The stable id used in JSON and SARIF, e.g. {@code assumed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The certainty of a verdict resting on {@code assumptions}: the weakest of them. */
    public static Certainty of(Collection<Assumption> assumptions) {
        Certainty c = EXACT;
        for (Assumption a : assumptions) {
            if (a.certainty().ordinal() > c.ordinal()) {
                c = a.certainty();
            }
        }
        return c;
    }
}
