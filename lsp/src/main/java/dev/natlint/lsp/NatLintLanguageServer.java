package dev.natlint.lsp;

import dev.natlint.NatLint;
import dev.natlint.flow.FlowAnalyzer;
import dev.natlint.flow.ForwardFlows;
import dev.natlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * natlint as a language server: diagnostics for every finding, fixes as code actions, a forward's flows
 * on hover, jumps from a name to its definition, and an outline of menus and rules.
 */
public final class NatLintLanguageServer implements LanguageServer, LanguageClientAware, AutoCloseable {

    private final NatLint natLint;
    private final RuleDocs ruleDocs = RuleDocs.locate();
    private volatile LanguageClient client;
    private volatile Documents documents;
    private volatile CodeActions codeActions = new CodeActions(false, uri -> documents.lintFor(uri).natLint());
    private volatile boolean shutdown;
    private volatile Runnable onExit = () -> { };
    private final TextDocuments textDocuments = new TextDocuments();
    private final Workspace workspace = new Workspace();

    public NatLintLanguageServer(NatLint natLint) {
        this.natLint = natLint;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        this.documents = new Documents(natLint, new Diagnostics(ruleDocs), client::publishDiagnostics);
    }

    /** True once the client asked for {@code shutdown}: the exit code of {@code exit} depends on it. */
    public boolean shutdownRequested() {
        return shutdown;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        boolean docChanges = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getWorkspaceEdit() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getWorkspaceEdit().getDocumentChanges());
        codeActions = new CodeActions(docChanges, uri -> documents.lintFor(uri).natLint());
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll)));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("natlint", NatLint.version())));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        close();
        onExit.run();
    }

    /** What {@code exit} does after closing: stop listening, so that {@link LspMain} returns. */
    void onExit(Runnable action) {
        this.onExit = action;
    }

    @Override
    public void close() {
        Documents d = documents;
        if (d != null) {
            d.close();
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /**
     * The analysis of the document's latest version. When an edit supersedes the version a request
     * waited for, it waits for the newer one instead (a few times at most), so answers always match the
     * text the editor shows.
     */
    private CompletableFuture<Analysis> latest(String uri, int attempts) {
        return documents.current(uri).handle((a, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(a);
            }
            if (Documents.cancelled(e) && attempts > 0) {
                return latest(uri, attempts - 1);
            }
            return CompletableFuture.<Analysis>completedFuture(null);
        }).thenCompose(Function.identity());
    }

    private <T> CompletableFuture<T> withAnalysis(String uri, T none, Function<Analysis, T> answer) {
        if (shutdown) {
            // the analyses stopped with the shutdown: waiting for one would never answer (the protocol
            // asks for this error on any request after shutdown)
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidRequest, "natlint is shut down", null)));
        }
        if (documents == null) {
            return CompletableFuture.completedFuture(none);
        }
        return latest(uri, 5).thenApply(a -> {
            if (a == null || a.context() == null) {
                return none;
            }
            try {
                return answer.apply(a);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug answering one request must not end the session; the editor shows nothing for it
                return none;
            }
        });
    }

    /** RouterOS scripts: {@code *.rsc} files, or any document the editor says is RouterOS script. */
    static boolean isScript(String uri, String languageId) {
        return (uri != null && uri.toLowerCase(java.util.Locale.ROOT).endsWith(".rsc"))
                || "routeros".equals(languageId) || "rsc".equals(languageId);
    }

    private final class TextDocuments implements TextDocumentService {

        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            if (shutdown) {
                return; // nothing is analysed after shutdown
            }
            var doc = params.getTextDocument();
            if (isScript(doc.getUri(), doc.getLanguageId())) {
                documents.open(doc.getUri(), doc.getVersion(), doc.getText());
            }
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            if (shutdown) {
                return; // nothing is analysed after shutdown
            }
            List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
            if (changes.isEmpty()) {
                return;
            }
            // full synchronisation: the last change holds the whole text
            String text = changes.get(changes.size() - 1).getText();
            Integer version = params.getTextDocument().getVersion();
            documents.change(params.getTextDocument().getUri(), version == null ? 0 : version, text);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            if (shutdown) {
                return; // nothing is analysed after shutdown
            }
            documents.close(params.getTextDocument().getUri());
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            if (shutdown) {
                return; // nothing is analysed after shutdown
            }
            documents.save(params.getTextDocument().getUri());
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            return withAnalysis(params.getTextDocument().getUri(), null, a -> hoverAt(a, params));
        }

        private Hover hoverAt(Analysis a, HoverParams params) {
            RuleContext ctx = a.context();
            Optional<Names.Use> use = Names.at(a, params.getPosition());
            // on a forward, its flows are the point, except for the interfaces and lists it names
            if (use.isPresent() && use.get().kind() != Names.Kind.CHAIN) {
                return nameHover(ctx, use.get());
            }
            for (ForwardFlows ff : ctx.flows()) {
                var at = ff.forward().rule().location();
                Range r = a.source().statement(at.line(), at.column());
                if (SourceMap.contains(r, params.getPosition())) {
                    return new Hover(new MarkupContent(MarkupKind.MARKDOWN,
                            FlowHover.markdown(ctx.analyzer().space(), ff)), r);
                }
            }
            return use.map(u -> nameHover(ctx, u)).orElse(null);
        }

        private Hover nameHover(RuleContext ctx, Names.Use use) {
            return Names.define(ctx.config(), use)
                    .map(d -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, d.markdown()), use.range()))
                    .orElse(null);
        }

        @Override
        public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
                DefinitionParams params) {
            String uri = params.getTextDocument().getUri();
            return withAnalysis(uri, Either.forLeft(List.of()), a -> {
                List<Location> out = new ArrayList<>();
                Names.at(a, params.getPosition()).flatMap(u -> Names.define(a.context().config(), u)).ifPresent(d -> {
                    for (var l : d.locations()) {
                        out.add(new Location(uri, a.source().statement(l.line(), l.column())));
                    }
                });
                return Either.forLeft(out);
            });
        }

        @Override
        public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
                DocumentSymbolParams params) {
            return withAnalysis(params.getTextDocument().getUri(), List.of(),
                    a -> Symbols.of(a).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
        }

        @Override
        public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, CodeAction>>> codeAction(CodeActionParams params) {
            List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
            return withAnalysis(params.getTextDocument().getUri(), List.of(),
                    a -> codeActions.actions(a, params.getRange(), only));
        }
    }

    private static final class Workspace implements WorkspaceService {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // natlint has no editor settings yet
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            // only open documents are checked
        }
    }
}
