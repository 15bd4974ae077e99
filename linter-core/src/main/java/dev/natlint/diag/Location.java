package dev.natlint.diag;

/**
 * Where something starts in a source file. Lines and columns are 1-based, the way editors and the
 * GNU {@code file:line:col} convention count them.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public Location {
        if (file == null) {
            throw new IllegalArgumentException("file");
        }
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
