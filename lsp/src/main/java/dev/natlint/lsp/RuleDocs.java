package dev.natlint.lsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a rule's page ({@code rules/docs/<id>.md}) is, as a link for {@code codeDescription.href}. The one
 * place to change when the project's documentation links get a public home: today it is the page in
 * the checkout the server runs from (the jar sits in {@code cli/target/}), else the page inside the jar.
 */
final class RuleDocs {

    private final Path checkoutDocs;

    private RuleDocs(Path checkoutDocs) {
        this.checkoutDocs = checkoutDocs;
    }

    static RuleDocs locate() {
        return new RuleDocs(checkoutDocsDir().orElse(null));
    }

    private static Optional<Path> checkoutDocsDir() {
        try {
            URL code = RuleDocs.class.getProtectionDomain().getCodeSource().getLocation();
            // <repo>/cli/target/natlint.jar or <repo>/lsp/target/classes
            Path here = Path.of(code.toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                Path docs = p.resolve("rules").resolve("docs");
                if (Files.isDirectory(docs)) {
                    return Optional.of(docs);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source on the file system: fall back to the page in the jar
        }
        return Optional.empty();
    }

    /** The page of rule {@code id}, or empty for ids without a page (internal errors). */
    Optional<String> href(String id) {
        if (checkoutDocs != null) {
            Path page = checkoutDocs.resolve(id + ".md");
            if (Files.isRegularFile(page)) {
                return Optional.of(page.toUri().toString());
            }
        }
        URL inJar = RuleDocs.class.getResource("/dev/natlint/rules/docs/" + id + ".md");
        return inJar == null ? Optional.empty() : Optional.of(uri(inJar));
    }

    private static String uri(URL url) {
        try {
            return url.toURI().toString();
        } catch (URISyntaxException e) {
            return URI.create(url.toExternalForm()).toString();
        }
    }
}
