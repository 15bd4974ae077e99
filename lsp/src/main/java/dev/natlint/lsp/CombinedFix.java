package dev.natlint.lsp;

import dev.natlint.diag.Fix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All fixes of a document as one snippet: each distinct snippet once, in report order. The one call to
 * replace when natlint gains a combined-fix API that also resolves fixes touching the same rule.
 */
final class CombinedFix {

    private CombinedFix() {
    }

    static Fix of(List<Fix> fixes) {
        Set<String> seen = new LinkedHashSet<>();
        List<Fix> distinct = new ArrayList<>();
        for (Fix f : fixes) {
            if (seen.add(f.snippet().strip())) {
                distinct.add(f);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Fix f : distinct) {
            sb.append(CodeActions.block(f));
        }
        return new Fix(distinct.size() + (distinct.size() == 1 ? " fix" : " fixes"), sb.toString());
    }
}
