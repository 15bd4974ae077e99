package dev.natlint.parse;

import dev.natlint.diag.Location;
import java.util.List;
import java.util.Optional;

/**
 * One console command with its menu path resolved to an absolute path, e.g. path
 * {@code [ip, firewall, nat]}, verb {@code add}.
 *
 * @param conditional true when the command sits inside a scripting construct whose body runs only
 *                    under a condition ({@code :if}, {@code :foreach}, a function body...). Such
 *                    commands are parsed and kept but do not change the configuration model.
 * @param script      true for scripting statements ({@code :local}, {@code :put}, {@code $f} ...);
 *                    for these {@code verb} is the keyword and {@code path} is empty.
 */
public record Command(Location location, List<String> path, String verb, List<Arg> args,
                      boolean conditional, boolean script) {

    public Command {
        path = List.copyOf(path);
        args = List.copyOf(args);
    }

    /** The menu path in console form, e.g. {@code /ip firewall nat}. */
    public String menu() {
        return "/" + String.join(" ", path);
    }

    public boolean isMenu(String menu) {
        return menu().equals(menu);
    }

    public List<Arg.Property> properties() {
        return args.stream().filter(Arg.Property.class::isInstance).map(Arg.Property.class::cast).toList();
    }

    public Optional<Arg.Property> property(String name) {
        return properties().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<Arg> positionals() {
        return args.stream().filter(a -> !(a instanceof Arg.Property)).toList();
    }
}
