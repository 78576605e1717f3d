package uk.gov.redbridge.onepanel.meetings.internal;

import java.util.ArrayList;
import java.util.List;

import uk.gov.redbridge.onepanel.meetings.AnnualReport.Cell;

/**
 * Small-number suppression for the annual review. A count of 1 to 4 is shown as "&lt;5" (primary). Where the cells of
 * a line add up to a total that is shown, a single suppressed cell could be worked out from the total, so the
 * smallest other non-zero cell is suppressed too ("*"); if there is none, the total is. Zero is shown: it
 * identifies no one.
 */
final class SmallNumbers {

    static final int THRESHOLD = 5;

    private SmallNumbers() {
    }

    static boolean primary(int count) {
        return count > 0 && count < THRESHOLD;
    }

    /** Cells of one line and their total: the last element of the result is the total's cell. */
    static List<Cell> line(List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        boolean[] hidden = new boolean[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            hidden[i] = primary(counts.get(i));
        }
        boolean totalHidden = primary(total);
        int suppressed = count(hidden);
        if (suppressed == 1 && !totalHidden) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hidden[i] && counts.get(i) > 0 && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden[smallest] = true;
            } else {
                totalHidden = true;
            }
        }
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            out.add(cell(counts.get(i), hidden[i]));
        }
        out.add(cell(total, totalHidden));
        return out;
    }

    static Cell single(int count) {
        return cell(count, primary(count));
    }

    private static Cell cell(int count, boolean hidden) {
        if (!hidden) {
            return new Cell(count, Integer.toString(count));
        }
        return new Cell(count, primary(count) ? "<5" : "*");
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
