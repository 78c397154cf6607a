package dev.rightsdesk.platform.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/** Collects what the application logs while open (formatted, with stack traces), as the log would show it. */
final class LogCapture extends Handler implements AutoCloseable {

    record Line(Level level, String text) {
    }

    final List<Line> lines = Collections.synchronizedList(new ArrayList<>());

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        java.util.logging.Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r) || !java.util.logging.Logger.getLogger(r.getLoggerName() == null ? "" : r.getLoggerName())
                .isLoggable(r.getLevel())) {
            return;
        }
        String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(r.getMessage());
        StringBuilder line = new StringBuilder(r.getLoggerName() + " " + message);
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(new Line(r.getLevel(), line.toString()));
    }

    List<String> texts() {
        synchronized (lines) {
            return lines.stream().map(Line::text).toList();
        }
    }

    List<String> atLeast(Level level) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.level().intValue() >= level.intValue()).map(Line::text).toList();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        java.util.logging.Logger.getLogger("").removeHandler(this);
    }
}
