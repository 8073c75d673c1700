package dev.memberlist.agent;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent's flags, parsed as Go's {@code flag} package parses gopeer's: {@code -name value},
 * {@code --name value}, {@code -name=value}, {@code --name=value}; a boolean flag alone means true and
 * takes a value only after {@code =}; {@code --} ends the flags; {@code -h} or {@code -help} asks for usage.
 * Unlike Go, arguments that are not flags are an error rather than silently ignored.
 */
final class Flags {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final Map<AgentFlag, String> values;
    private final boolean helpRequested;

    private Flags(Map<AgentFlag, String> values, boolean helpRequested) {
        this.values = values;
        this.helpRequested = helpRequested;
    }

    /**
     * @param args the command-line arguments
     * @return the flags, defaults filled in
     * @throws IllegalArgumentException naming the first bad argument, in Go's words
     */
    static Flags parse(List<String> args) {
        Map<AgentFlag, String> values = new EnumMap<>(AgentFlag.class);
        for (AgentFlag flag : AgentFlag.values()) {
            values.put(flag, flag.defaultValue);
        }
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                throw new IllegalArgumentException("unexpected argument \"" + arg + "\": every option is a -flag");
            }
            String body = arg.substring(arg.charAt(1) == '-' ? 2 : 1);
            if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
                throw new IllegalArgumentException("bad flag syntax: " + arg);
            }
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            AgentFlag flag = AgentFlag.named(name).orElse(null);
            if (flag == null) {
                if (name.equals("h") || name.equals("help")) {
                    return new Flags(values, true);
                }
                throw new IllegalArgumentException("flag provided but not defined: -" + name);
            }
            String value;
            if (equals >= 0) {
                value = body.substring(equals + 1);
            } else if (flag.kind == AgentFlag.Kind.BOOL) {
                value = "true";
            } else if (i < args.size()) {
                value = args.get(i++);
            } else {
                throw new IllegalArgumentException("flag needs an argument: -" + name);
            }
            values.put(flag, checked(flag, value));
        }
        if (i < args.size()) {
            throw new IllegalArgumentException("unexpected argument \"" + args.get(i) + "\" after --");
        }
        return new Flags(values, false);
    }

    private static String checked(AgentFlag flag, String value) {
        try {
            switch (flag.kind) {
                case INT:
                    Integer.parseInt(value);
                    return value;
                case BOOL:
                    return Boolean.toString(parseBool(value));
                case DURATION:
                    GoDuration.parse(value);
                    return value;
                default:
                    return value;
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid value \"" + value + "\" for flag -" + flag.flagName + ": "
                    + (flag.kind == AgentFlag.Kind.INT ? "parse error" : e.getMessage()), e);
        }
    }

    private static boolean parseBool(String value) {
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw new IllegalArgumentException("parse error");
    }

    /** @return whether {@code -h} or {@code -help} was given: print {@link #usage()} and exit */
    boolean helpRequested() {
        return helpRequested;
    }

    String string(AgentFlag flag) {
        return values.get(flag);
    }

    int integer(AgentFlag flag) {
        return Integer.parseInt(values.get(flag));
    }

    boolean bool(AgentFlag flag) {
        return Boolean.parseBoolean(values.get(flag));
    }

    Duration duration(AgentFlag flag) {
        return GoDuration.parse(values.get(flag));
    }

    /** @return the flags and their defaults, laid out as Go's {@code flag.PrintDefaults} does */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar memberlist-core-agent.jar [flags]\n"
                + "Commands on stdin: members, join HOST:PORT[,...], broadcast TEXT, send NODE TEXT, send-udp NODE TEXT,\n"
                + "  ping NODE HOST:PORT, meta TEXT, state TEXT, stats, leave, quit. Events: JSON lines on stdout.\n");
        for (AgentFlag flag : AgentFlag.values()) {
            text.append("  -").append(flag.flagName);
            if (flag.kind != AgentFlag.Kind.BOOL) {
                text.append(' ').append(flag.kind.name().toLowerCase(Locale.ROOT));
            }
            text.append("\n    \t").append(flag.usage);
            boolean zero = flag.defaultValue.isEmpty() || flag.defaultValue.equals("0")
                    || flag.defaultValue.equals("0s") || flag.defaultValue.equals("false");
            if (!zero) {
                text.append(flag.kind == AgentFlag.Kind.STRING
                        ? " (default \"" + flag.defaultValue + "\")" : " (default " + flag.defaultValue + ")");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
