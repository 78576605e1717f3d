package uk.gov.redbridge.onepanel.links.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names that are the same name (Bob and Robert, Kate and Katherine), read from a data file: one group per line,
 * names separated by commas, {@code #} for comments. A name in several groups (Chris) belongs to each.
 */
public final class Nicknames {

    private final Map<String, Set<String>> groupsByName;
    private final String fingerprint;

    private Nicknames(Map<String, Set<String>> groupsByName, String fingerprint) {
        this.groupsByName = groupsByName;
        this.fingerprint = fingerprint;
    }

    public static Nicknames none() {
        return new Nicknames(Map.of(), "none");
    }

    public static Nicknames read(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            Map<String, Set<String>> groups = new HashMap<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    List<String> names = java.util.Arrays.stream(text.split(",")).map(Names::fold)
                            .filter(n -> !n.isEmpty() && !n.contains(" ")).toList();
                    if (names.isEmpty()) {
                        continue;
                    }
                    String group = names.get(0);
                    for (String n : names) {
                        groups.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(group);
                    }
                }
            }
            return new Nicknames(groups, sha256(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups a folded given name belongs to; the name itself when it is in none. */
    public Set<String> groupsOf(String foldedName) {
        Set<String> groups = groupsByName.get(foldedName);
        return groups == null ? Set.of(foldedName) : groups;
    }

    /** Both names are in one group, and are not the same name. */
    public boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        Set<String> ga = groupsByName.get(a);
        Set<String> gb = groupsByName.get(b);
        return ga != null && gb != null && ga.stream().anyMatch(gb::contains);
    }

    /** Changes when the file changes: links are then worked out again. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
