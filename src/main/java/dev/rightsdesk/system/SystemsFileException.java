package dev.rightsdesk.system;

/** The systems file cannot be used; the message names the file and the line. Stops the start. */
public class SystemsFileException extends RuntimeException {

    public SystemsFileException(String message) {
        super(message, null, false, false);
    }
}
